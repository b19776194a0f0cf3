"""PXFCONST, IPXFCONST, PXFISCONST: every name the issue lists, with values
from the system headers, compared with Python's own view of the same
headers; unknown names; the Intel variant; the Fortran unit names."""
import errno
import fcntl
import os
import signal

import pytest

import pxf
from support import parse, run

PXF_CODES = {"ENONAME": 4850, "ENOHANDLE": 4851, "ETRUNC": 4852,
             "EARRAYLEN": 4853, "EEND": 4854, "EBADHANDLE": 4855, "EBADID": 4856}


def expected_constants() -> dict[str, int]:
    """The names and values as Python's modules get them from the same
    C headers."""
    want = {name: num for num, name in errno.errorcode.items()}
    want.update({name: getattr(errno, name) for name in dir(errno) if name.startswith("E")})
    want.update({s.name: s.value for s in signal.Signals})
    for name in ("SIGRTMIN", "SIGRTMAX"):
        want[name] = getattr(signal, name)
    want.update({n: getattr(signal, n) for n in ("SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK")})
    want.update({n: getattr(os, n) for n in dir(os)
                 if n.startswith(("O_", "W", "SEEK_")) and n.isupper()
                 and isinstance(getattr(os, n), int) and n != "WCOREFLAG"})
    want.update({n: getattr(os, n) for n in ("R_OK", "W_OK", "X_OK", "F_OK")})
    want.update({n: getattr(fcntl, n) for n in dir(fcntl)
                 if n.startswith("F_") and isinstance(getattr(fcntl, n), int)})
    want.update(PXF_CODES)
    want.update(STDIN_FILENO=0, STDOUT_FILENO=1, STDERR_FILENO=2)
    return want


def test_every_name_from_fortran(programs):
    want = expected_constants()
    names = sorted(want)
    _, out, _ = run([programs.fortran("t_consts"), *names], check_rc=0)
    kv = parse(out)
    got = {n: kv[n] for n in names}
    assert got == {n: str(v) for n, v in want.items()}
    assert len(names) > 250


@pytest.mark.errno("PXFCONST", "ENONAME")
def test_unknown_names(programs):
    _, out, _ = run([programs.fortran("t_consts")], check_rc=0)
    kv = parse(out)
    assert int(kv["unknown_ierror"]) == PXF_CODES["ENONAME"]
    assert kv["unknown_ipxfconst"] == "-1"
    assert kv["unknown_isconst"] == "F" and kv["known_isconst"] == "T"
    assert int(kv["trailing_blanks"]) == signal.SIGTERM
    assert kv["lower_case"] == "-1"  # names are case-sensitive
    # module ifposix: Intel's convention for an unknown name
    assert kv["ifposix_unknown_ierror"] == "-1"
    assert kv["ifposix_eintr"] == f"{errno.EINTR} ierror=0"


@pytest.mark.errno("PXFCONST", "EOVERFLOW")
def test_value_beyond_default_integer(programs):
    # SA_RESETHAND (bit 31) does not fit an INTEGER(4): EOVERFLOW, ival -1;
    # the INTEGER(8) interface of USE pxf returns it
    _, out, _ = run([programs.fortran("t_consts")], check_rc=0)
    kv = parse(out)
    assert kv["int4_overflow"] == f"{errno.EOVERFLOW} ival=-1"
    ierr, value = kv["int8_fits"].split(" ival=")
    assert ierr == "0" and int(value) > 2**31 - 1


def test_unit_constants_are_the_compilers(programs):
    _, out, _ = run([programs.fortran("t_units")], check_rc=0)
    for name, values in parse(out).items():
        ours, compilers = values.split()
        assert ours == compilers, name


@pytest.mark.errno("PXFCONST", "ENONAME")
def test_python_const():
    want = expected_constants()
    assert {n: pxf.const(n) for n in want} == want
    assert pxf.isconst("EINTR") and not pxf.isconst("NOPE")
    with pytest.raises(pxf.PXFError) as e:
        pxf.const("NOPE")
    assert e.value.errno == 4850 and e.value.name == "ENONAME"
    assert isinstance(e.value, OSError)
    assert "ENONAME" in str(e.value)


def test_python_names_are_ascii_without_nul():
    with pytest.raises(pxf.PXFError) as e:
        pxf.const("SIGTÉRM")
    assert e.value.errno == pxf.ENONAME
    assert pxf.isconst("SIGTÉRM") is False
    for call in (lambda: pxf.const("SIGTERM\0junk"), lambda: pxf.isconst("SIGTERM\0")):
        with pytest.raises(ValueError) as e:
            call()
        assert str(e.value) == "embedded null byte"
    assert pxf.const(b"SIGTERM") == signal.SIGTERM


def test_registry_alone(tmp_path):
    """The consts family with its own table only (a build without the fork
    variants): their names are ENONAME; a registered table is searched by
    name after the family's, its parser asked for names no table has, and
    a table or name known already is refused (core/consts/consts_internal.h)."""
    import subprocess
    import sys
    from pathlib import Path
    from support import REPO
    (tmp_path / "consts").mkdir()
    cc = ["cc", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Werror"]
    subprocess.run([sys.executable, REPO / "tools" / "gen_consts.py", "consts",
                    tmp_path / "consts" / "consts_table.h", REPO / "core" / "include", *cc],
                   check=True)
    exe = tmp_path / "c_registry"
    subprocess.run([*cc, "-I", tmp_path, "-I", REPO / "core", "-I", REPO / "core" / "include",
                    REPO / "core" / "consts" / "consts.c", Path(__file__).parent / "c_registry.c",
                    "-o", exe, "-lpthread"], check=True)
    _, out, _ = run([exe], check_rc=0)
    enoname, einval, eexist, enospc = 4850, errno.EINVAL, errno.EEXIST, errno.ENOSPC
    assert parse(out) == {
        "SIGTERM": str(signal.SIGTERM), "RFPROC": f"error {enoname}",
        "RFTSIGFLAGS(1)": f"error {enoname}", "TOY_A": "1", "register": "0",
        "again": str(eexist), "clash": str(eexist), "TOY_B": "2", "TOY(7)": "7",
        "TOY(8)": f"error {einval}", "TOY_C": f"error {enoname}", "fills": "1",
        **{f"more{i}": "0" for i in range(7)}, "more7": str(enospc), "M6": "0"}
    assert "TOY(7)=error 4850" in out.splitlines()    # before it was registered
