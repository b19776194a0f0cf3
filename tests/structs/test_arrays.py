"""Integer-array components: PXFAINTGET/SET (the whole array) and
PXFEINTGET/SET (one element) on c_cc of a 'termios' instance (termios.NCCS
elements of C type cc_t, 0 .. 255). From Fortran through the default-INTEGER
externals (t_arrays_ext.f90) and USE pxf with INTEGER(8)
(t_arrays_mod.f90), both in Cray's order, value before index; through USE
ifposix in Intel's, index before value (t_arrays_intel.f90); and from
Python."""
import errno
import termios

import pytest

import pxf

NCCS = termios.NCCS
ENONAME, EARRAYLEN, EBADHANDLE = 4850, 4853, 4855
EINVAL = errno.EINVAL


def values(*numbers):
    return " ".join(map(str, numbers))


@pytest.mark.errno("PXFAINTGET", "EARRAYLEN", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFAINTSET", "EARRAYLEN", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFEINTGET", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFEINTSET", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.parametrize("program", ["t_arrays_ext", "t_arrays_mod"])
def test_fortran_cray_order(programs, program):
    kv = programs.run(program, str(NCCS))
    cc = [7 * i for i in range(1, NCCS + 1)]
    assert kv["create"] == "0"
    assert kv["fresh"] == values(0, *[0] * NCCS)
    assert kv["aintset"] == "0"
    assert kv["aintget"] == values(0, *cc)
    assert kv["aintget_past"] == "99"              # GET wrote NCCS elements, no more
    assert kv["eintget3"] == values(0, 21)
    assert kv["eintset3"] == "0"
    assert kv["eintget3_after"] == values(0, 200)  # SET wrote (Cray's read)
    assert kv["eintget_last"] == values(0, 7 * NCCS)
    assert kv["c_lflag"] == values(0, 32768)
    # EARRAYLEN: the first IALEN elements -1, those past them untouched
    assert kv["aintget_short"] == values(EARRAYLEN, *[-1] * (NCCS - 1), 99, 99, 99)
    assert kv["aintget_long"] == values(EARRAYLEN, *[-1] * (NCCS + 1), 99)
    for key in ("aintget_negative", "aintset_long", "aintset_short"):
        assert int(kv[key]) == EARRAYLEN, key
    for key in ("aintset_300", "aintset_minus1", "eintset_256", "eintset_minus1",
                "eintset_0", "eintset_past"):
        assert int(kv[key]) == EINVAL, key
    assert kv["eintget_0"] == kv["eintget_past"] == values(EINVAL, -1)
    cc[2] = 200
    assert kv["unchanged"] == values(0, *cc)       # no failure set anything
    for key in ("aintget_scalar", "aintset_unknown", "eintget_scalar", "eintset_unknown",
                "intget_array"):
        assert int(kv[key]) == ENONAME, key
    for key in ("aintget_freed", "aintset_freed", "eintget_freed", "eintset_freed"):
        assert int(kv[key]) == EBADHANDLE, key
    assert kv["free"] == "0"


@pytest.mark.errno("PXFAINTGET", "EINVAL")
@pytest.mark.errno("PXFAINTSET", "EINVAL")
def test_use_pxf_ialen_beyond_the_array(programs):
    """Through USE pxf the module sees the array's size: an IALEN beyond
    it is EINVAL before the structure is looked at (the externals cannot
    know the caller's size; they pass IAVALUE(1:IALEN))."""
    kv = programs.run("t_arrays_mod", str(NCCS))
    assert int(kv["aintget_beyond_array"]) == EINVAL
    assert int(kv["aintset_beyond_array"]) == EINVAL


@pytest.mark.errno("PXFEINTGET", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFEINTSET", "EINVAL", "ENONAME", "EBADHANDLE")
def test_fortran_intel_order(programs):
    kv = programs.run("t_arrays_intel", str(NCCS))
    assert kv["eintset"] == "0"
    assert kv["eintget2"] == values(0, 17)
    assert kv["eintget17"] == values(0, 0)         # the value did not go to element 17
    assert kv["aint2"] == values(0, 17)
    assert kv["eintget_past"] == values(EINVAL, -1)
    assert int(kv["eintset_0"]) == EINVAL
    assert int(kv["eintset_256"]) == EINVAL
    assert int(kv["eintget_scalar"]) == ENONAME
    assert int(kv["eintset_unknown"]) == ENONAME
    assert int(kv["eintget_freed"]) == EBADHANDLE
    assert int(kv["eintset_freed"]) == EBADHANDLE


@pytest.mark.errno("PXFAINTGET", "EARRAYLEN", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFAINTSET", "EARRAYLEN", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFEINTGET", "EINVAL", "ENONAME", "EBADHANDLE")
@pytest.mark.errno("PXFEINTSET", "EINVAL", "ENONAME", "EBADHANDLE")
def test_python():
    def raises(exc, code, call, *args):
        with pytest.raises(exc) as e:
            call(*args)
        assert e.value.errno == code
    with pxf.Struct("termios") as t:
        assert t.get_aint("c_cc", NCCS) == [0] * NCCS
        cc = [255 - i for i in range(NCCS)]
        t.set_aint("c_cc", cc)
        assert t.get_aint("c_cc", NCCS) == cc
        assert t.get_eint("c_cc", NCCS) == 256 - NCCS
        t.set_eint("c_cc", 1, 0)
        assert t.get_eint("c_cc", 1) == 0
        cc[0] = 0
        raises(pxf.PXFError, EARRAYLEN, t.get_aint, "c_cc", NCCS - 1)
        raises(pxf.PXFError, EARRAYLEN, t.get_aint, "c_cc", 0)
        raises(pxf.PXFError, EARRAYLEN, t.set_aint, "c_cc", cc + [1])
        raises(pxf.PXFError, EARRAYLEN, t.set_aint, "c_cc", [])
        raises(OSError, EINVAL, t.set_aint, "c_cc", [300] + cc[1:])
        raises(OSError, EINVAL, t.set_eint, "c_cc", 2, -1)
        raises(OSError, EINVAL, t.set_eint, "c_cc", NCCS + 1, 1)
        raises(OSError, EINVAL, t.get_eint, "c_cc", 0)
        assert t.get_aint("c_cc", NCCS) == cc       # the failures set nothing
        for call, args in ((t.get_aint, ("c_iflag", NCCS)), (t.set_aint, ("nope", cc)),
                           (t.get_eint, ("c_cflag", 1)), (t.set_eint, ("", 1, 1))):
            raises(pxf.PXFError, ENONAME, call, *args)
        t.set_int("c_iflag", 2**32 - 1)             # tcflag_t: unsigned int
        assert t.get_int("c_iflag") == 2**32 - 1
        dead = pxf.struct_create("termios")
        pxf.struct_free(dead)
        raises(pxf.PXFError, EBADHANDLE, pxf.aint_get, dead, "c_cc", NCCS)
        raises(pxf.PXFError, EBADHANDLE, pxf.aint_set, dead, "c_cc", cc)
        raises(pxf.PXFError, EBADHANDLE, pxf.eint_get, dead, "c_cc", 1)
        raises(pxf.PXFError, EBADHANDLE, pxf.eint_set, dead, "c_cc", 1, 1)
