"""The nine defects of the Cray/Open64 PXF source listed in section 7 of
the catalog (../shared/reference/pxf-catalog.md), each tried against pxf:
pitfalls a port of that code would carry, not behaviour to copy.

  1 PXFCONST('O_WRONLY') gave O_RDONLY's value (a table typo)
  2 PXFLSEEK returned IPOSITION 0 after every successful seek
  3 pxfeintset_/pxfaintset_ called the GET routines
  4 PXFAINTGET/SET copied one element too many
  5 PXFSTRUCTFREE on a termios handle freed its embedded c_cc array
  6 PXFREADDIR created the dirent handle itself on the first call, flipped
    the caller's directory id and relied on errno preset to -1
  7 PXFSTRSET accepted no component; PXFGETGRGID checked the wrong pointer
    after a malloc
  8 PXFREAD refused NBYTE > LEN(BUF) only unless PXFREAD_CONFORM=NO
  9 the handle table never reused a slot

Defects 3 and 4 are tried on c_cc of a 'termios' instance, the one
integer-array component (tests/structs/test_arrays.py has the rest of
those routines); defect 5 by test_5, which frees every structure type
docs/ documents, 'termios' among them. Defect 6 is tried in tests/dirs/
and the PXFGETGRGID half of 7 in tests/db/, where those routines are.
"""
import errno
import fcntl
import os
import re
import termios

import pxf
from pxf import _config
from support import REPO, parse, run


def program(programs, *args, **kw):
    _, out, _ = run([programs.fortran("t_vendor_defects"), *map(str, args)], check_rc=0, **kw)
    return parse(out)


def test_1_o_wronly_opens_for_writing_only(tmp_path):
    """The access mode the kernel reports for a file opened with PXFCONST's
    O_WRONLY is write-only (Cray's table gave O_RDONLY, 0)."""
    wronly, rdonly, rdwr = (pxf.const(n) for n in ("O_WRONLY", "O_RDONLY", "O_RDWR"))
    assert len({wronly, rdonly, rdwr}) == 3
    fd = os.open(tmp_path / "f", os.O_CREAT | wronly, 0o600)
    try:
        assert fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY
    finally:
        os.close(fd)


def test_2_lseek_returns_the_new_offset(programs, tmp_path):
    path = tmp_path / "data"
    path.write_bytes(b"x" * 5000)
    fd = os.open(path, os.O_RDONLY)
    try:
        kv = program(programs, "lseek", fd, pass_fds=(fd,))
    finally:
        os.close(fd)
    assert (kv["set"], kv["cur"], kv["end"]) == ("1234 0", "1244 0", "4999 0")


def test_3_the_array_sets_write(programs):
    """PXFAINTSET and PXFEINTSET change the instance (Cray's called the GET
    routines): the values read back are those set, not the zeros of a new
    instance."""
    nccs = termios.NCCS
    kv = program(programs, "arrays", nccs)
    assert kv["aintset"] == "0"
    assert kv["eintset"] == "42 0"
    cc = [101, 42] + [i + 100 for i in range(3, nccs + 1)]
    assert kv["aintget"] == " ".join(map(str, [0, *cc, -7, -7]))


def test_4_the_array_routines_touch_ialen_elements(programs):
    """PXFAINTGET writes NCCS elements of the caller's array and no more
    (Cray's wrote one past). An IALEN one too large is EARRAYLEN: GET
    stores no value of the structure (its first IALEN elements are -1, the
    rule after a failure, the sentinel past them stays), SET changes
    nothing."""
    nccs = termios.NCCS
    kv = program(programs, "arrays", nccs)
    cc = [101, 42] + [i + 100 for i in range(3, nccs + 1)]
    assert kv["aintget"].split()[-2:] == ["-7", "-7"]
    assert kv["aintget_long"] == " ".join(map(str, [pxf.EARRAYLEN, *[-1] * (nccs + 1), -7]))
    assert kv["aintset_long"] == str(pxf.EARRAYLEN)
    assert kv["after_long"] == " ".join(map(str, [0, *cc, -7, -7]))


def documented_structure_types():
    """Every structure type the user guides list (a table row per type)."""
    names = set()
    for doc in (REPO / "docs").glob("*.md"):
        for table in re.findall(r"^\| structure \|.*\n((?:\|.*\n)+)", doc.read_text(), re.M):
            names |= set(re.findall(r"^\| (\w+) \|", table, re.M))
    return sorted(names)


def test_5_free_and_copy_every_structure_type(programs):
    """Create, copy and free each type three times: a free of memory the
    table does not own (Cray's c_cc) aborts in glibc, and the sanitizer run
    (tools/sanitize.sh) reports any invalid free or leak."""
    types = [t for t in documented_structure_types() if _config.NUMA or t != "numa_attr"]
    assert {"utsname", "tms", "utimbuf", "flock", "stat", "termios"} <= set(types)
    kv = program(programs, "free", *types)
    assert {t: kv[f"free_{t}"] for t in types} == {t: "0" for t in types}


def test_7_strset_sets_a_string_component(programs):
    kv = program(programs, "strset")
    assert kv["strset"] == f"[{'set-by-fortran':16s}] 14 0"


def test_8_read_beyond_the_buffer_whatever_the_environment(programs):
    """NBYTE above LEN(BUF) is EINVAL with nothing read and nothing written
    beyond BUF (BUF itself blank, as after any failure), with or without
    Cray's PXFREAD_CONFORM=NO."""
    for env in ({}, {"PXFREAD_CONFORM": "NO"}):
        r, w = os.pipe()
        os.write(w, b"12345678")
        try:
            kv = program(programs, "read", r, pass_fds=(r,), env=dict(os.environ, **env))
        finally:
            os.close(r)
            os.close(w)
        assert kv["read"] == f"[    EFGHIJKLMNOP] -1 {errno.EINVAL}", env
        assert kv["read4"] == "[1234EFGHIJKLMNOP] 4 0", env


def test_9_freed_slots_are_reused(programs):
    """A million create/free pairs use one slot (Cray's table grew by one
    slot each time, without bound)."""
    kv = program(programs, "reuse")
    assert kv["reuse"] == "1 0"
