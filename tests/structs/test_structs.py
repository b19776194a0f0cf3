"""Structure handles: PXFSTRUCTCREATE/FREE/COPY and the INT, INT8 and STR
accessors, from Fortran through USE ifposix (INTEGER(8) handles), from C
threads, and from Python."""
import errno
import os

import pytest

import pxf
from pxf import _config
from support import ASAN_FORK_REASON, parse, run

ENONAME, ENOHANDLE, ETRUNC, EBADHANDLE = 4850, 4851, 4852, 4855


@pytest.mark.errno("PXFSTRUCTCREATE", "ENONAME")
@pytest.mark.errno("PXFSTRUCTFREE", "EBADHANDLE")
@pytest.mark.errno("PXFSTRUCTCOPY", "EBADHANDLE", "ENONAME")
@pytest.mark.errno("PXFINTGET", "EBADHANDLE", "ENONAME", "EOVERFLOW")
@pytest.mark.errno("PXFINTSET", "EBADHANDLE", "ENONAME", "EINVAL")
@pytest.mark.errno("PXFINT8SET", "EBADHANDLE", "ENONAME", "EINVAL")
@pytest.mark.errno("PXFSTRGET", "EBADHANDLE", "ENONAME", "ETRUNC")
@pytest.mark.errno("PXFSTRSET", "EBADHANDLE", "ENONAME", "EINVAL")
def test_handles_intel_style(programs):
    kv = programs.run("t_structs")
    assert kv["create_ierror"] == "0"
    assert kv["first_handle"] == "1"  # small: the first slot of the table
    assert kv["actime"] == "12345" and kv["intget_ierror"] == "0"
    assert kv["modtime8"] == str(2**40)
    assert int(kv["modtime_int4_ierror"]) == errno.EOVERFLOW
    assert int(kv["unknown_component"]) == ENONAME
    assert int(kv["str_of_int_component"]) == ENONAME
    assert kv["copy_ierror"] == "0" and kv["copy_actime"] == "12345"
    assert int(kv["copy_wrong_type"]) == EBADHANDLE
    assert int(kv["copy_unknown_struct"]) == ENONAME
    assert int(kv["create_unknown"]) == ENONAME
    assert int(kv["short_overflow"]) == errno.EINVAL
    assert kv["free_ierror"] == "0"
    for key in ("freed_handle", "double_free", "stale_handle", "never_created",
                "zero_handle", "negative_handle", "huge_handle"):
        assert int(kv[key]) == EBADHANDLE, key
    assert kv["reused_slot"] == "1" and kv["reused_differs"] == "1"
    assert kv["nodename"] == "[node-x    ] len=6 ierror=0"
    assert kv["truncated"] == f"[a longer] len=20 ierror={ETRUNC}"
    assert int(kv["strset_too_long"]) == errno.EINVAL  # 80 > the 65-byte field
    assert int(kv["strset_bad_len"]) == errno.EINVAL   # 81 > LEN(str)
    assert int(kv["int_of_str_component"]) == ENONAME
    for key in ("intset_stale", "int8set_stale", "strget_stale", "strset_stale"):
        assert int(kv[key]) == EBADHANDLE, key
    assert int(kv["int8set_str_component"]) == ENONAME
    assert int(kv["int8set_short_overflow"]) == errno.EINVAL
    assert int(kv["strset_int_component"]) == ENONAME
    assert kv["cleanup_ierror"] == "0"


@pytest.mark.errno("PXFSTRUCTCREATE", "ENOHANDLE")
def test_handle_table_full(programs):
    kv = programs.run("t_structs", "exhaust")
    assert kv["created"] == "65535"          # at most 65535 alive at once
    assert int(kv["full_ierror"]) == ENOHANDLE
    assert kv["after_free_ierror"] == "0"


@pytest.mark.no_sanitizer(reason=ASAN_FORK_REASON)
def test_handle_table_threads_and_fork(programs):
    _, out, err = run([programs.c("handle_stress", "-lpxf")], timeout=120)
    assert out.strip() == "ok", err


def test_fork_during_the_first_use_of_the_table(programs):
    """Forks leave the table's lock alone until the table is first used
    (core/common/fork_registry.h). The race that leaves, forced: another thread makes
    the first handle and holds the lock while the fork is made. The child
    does not hang; its table works, without that handle."""
    exe = programs.c("fork_lock_race")
    _, out, _ = run([exe, "handles", os.path.join(_config.LIBDIR, "libpxf.so")], check_rc=0)
    assert parse(out) == {"create": "0", "acquire": "0", "child": "exit 0", "parent.get": "0"}


@pytest.mark.errno("PXFSTRUCTCREATE", "ENONAME")
@pytest.mark.errno("PXFINT8GET", "EBADHANDLE", "ENONAME")
@pytest.mark.errno("PXFSTRSET", "EINVAL")
def test_python_struct():
    with pxf.Struct("utimbuf") as t:
        t.set_int("actime", -5)
        t.set_int("modtime", 2**40)
        assert (t.get_int("actime"), t.get_int("modtime")) == (-5, 2**40)
        with pxf.Struct("utimbuf") as copy:
            pxf.struct_copy("utimbuf", t.handle, copy.handle)
            assert copy.get_int("modtime") == 2**40
        stale = copy.handle
    with pytest.raises(pxf.PXFError) as e:
        pxf.int_get(stale, "actime")
    assert e.value.errno == EBADHANDLE and e.value.name == "EBADHANDLE"
    with pytest.raises(pxf.PXFError) as e:
        pxf.Struct("nonsense")
    assert e.value.name == "ENONAME"
    with pxf.Struct("utsname") as u:
        u.set_str("nodename", "abc  ")
        assert u.get_str("nodename") == "abc  "
        with pytest.raises(pxf.PXFError) as e:
            u.get_int("nodename")
        assert e.value.name == "ENONAME"
        with pytest.raises(OSError) as e:
            u.set_str("nodename", "x" * 65)
        assert e.value.errno == errno.EINVAL


def test_python_structure_and_component_names():
    for call in (lambda: pxf.struct_create("tms\0x"), lambda: pxf.struct_create("tmsé")):
        with pytest.raises((ValueError, pxf.PXFError)) as e:
            call()
        assert (str(e.value) == "embedded null byte" if e.type is ValueError
                else e.value.errno == pxf.ENONAME)
    with pxf.Struct("utimbuf") as t:
        with pytest.raises(ValueError):
            t.set_int("actime\0x", 1)
        with pytest.raises(pxf.PXFError) as e:
            t.get_int("áctime")
        assert e.value.errno == pxf.ENONAME
        with pytest.raises(ValueError):
            pxf.struct_copy("utimbuf\0", t.handle, t.handle)
        assert t.get_int("actime") == 0


@pytest.mark.errno("PXFINT8GET", "EOVERFLOW")
def test_unsigned_64_bit_component_beyond_int64(programs):
    """An unsigned 64-bit component at or above 2**63 (st_ino with
    overlayfs' xino) is EOVERFLOW with -1 in PXFINT8GET, never a negative
    number; a small one reads whole."""
    exe = programs.c("big_unsigned", "-ldl")
    _, out, _ = run([exe, os.path.join(_config.LIBDIR, "libpxf.so")], check_rc=0)
    assert parse(out) == {"store": "0", "c": "-1 EOVERFLOW", "fortran": "-1 EOVERFLOW",
                          "size": "7 0"}
