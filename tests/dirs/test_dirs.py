"""The dirs family: PXFOPENDIR, PXFREADDIR, PXFREWINDDIR, PXFCLOSEDIR.

From Fortran through USE pxf with INTEGER(8) (tests/dirs/t_dirs.f90, one
operation per run, as root or as nobody) and through the default-INTEGER
externals as Cray and Intel code calls them (t_dirs_ext.f90); from C under
threads and forks (dir_threads.c) and with errno preset (errno_preset.c);
from Python against os on the same directory. Every documented errno from
a real failure."""
import errno
import os

import pytest

import pxf
from pxf import _fpxf
from support import ASAN_FORK_REASON, as_unprivileged, error_of, in_fork, nofile, parse, run

P = pytest.param
EEND, EBADID, EBADHANDLE, ENOHANDLE = pxf.EEND, pxf.EBADID, pxf.EBADHANDLE, pxf.ENOHANDLE
LONG = "n" * 255                       # Linux's NAME_MAX: d_name holds it whole


@pytest.fixture
def tree(workdir):
    """entries/ with known entries (a file, a directory, a symlink, a hard
    link, a FIFO, a name of 255 bytes), private/ (0700: nobody cannot
    read it), file (not a directory), loop (a symlink to itself)."""
    t = workdir / f"dirs-{os.urandom(4).hex()}"
    t.mkdir(mode=0o755)
    e = t / "entries"
    e.mkdir()
    (e / "plain").write_text("x")
    (e / "sub").mkdir()
    (e / "link").symlink_to("plain")
    os.link(e / "plain", e / "hard")
    os.mkfifo(e / "fifo")
    (e / LONG).write_text("")
    (t / "private").mkdir(mode=0o700)
    (t / "file").write_text("x")
    (t / "loop").symlink_to(t / "loop")
    return t


def expected(d):
    """(name, inode) of every entry of D in the order readdir gives them
    (os.scandir's, which reads the same way), '.' and '..' first."""
    dots = [(".", os.stat(d).st_ino), ("..", os.stat(d / "..").st_ino)]
    return dots, [(e.name, e.inode()) for e in os.scandir(d)]


def entries(lines, key="entry"):
    """(name, inode) pairs a program printed as KEY=NAME INO."""
    out = []
    for line in lines.splitlines():
        if line.startswith(key + "="):
            name, ino = line[len(key) + 1:].rsplit(" ", 1)
            out.append((name, int(ino)))
    return out


def without_dots(pairs):
    return [p for p in pairs if p[0] not in (".", "..")]


def t_dirs(programs, op, path, user="root", pre=None):
    """Run t_dirs OP PATH as USER; its output text and parsed keys."""
    if pre is None and user == "nobody":
        pre = as_unprivileged()
    _, out, _ = run([programs.fortran("t_dirs"), op, path], preexec_fn=pre, check_rc=0)
    return out, parse(out)


@pytest.mark.errno("PXFREADDIR", "EEND", "EBADID")
@pytest.mark.errno("PXFREWINDDIR", "EBADID")
@pytest.mark.errno("PXFCLOSEDIR", "EBADID")
def test_intel_form(programs, tree):
    """A handle from PXFSTRUCTCREATE('dirent'): every entry with its d_name
    and d_ino as os.scandir gives them, in the same order; EEND at the end
    and again after it; PXFREWINDDIR starts over; a closed id is EBADID for
    each routine."""
    out, kv = t_dirs(programs, "list", tree / "entries")
    dots, rest = expected(tree / "entries")
    got = entries(out)
    assert sorted(got) == sorted(dots + rest)
    assert without_dots(got) == rest
    assert (LONG, os.stat(tree / "entries" / LONG).st_ino) in got
    assert kv["open"] == "1 0"
    assert kv["end"] == f"{EEND} 1"               # the caller's handle, untouched
    assert kv["again"] == str(EEND)
    assert kv["rewound"] == got[0][0]
    assert kv["close"] == "0"
    assert (kv["closed_read"], kv["closed_rewind"], kv["closed_close"]) == (str(EBADID),) * 3


def test_cray_form_keeps_the_callers_id(programs, tree):
    """JDIRENT 0 on input: the routine makes the handle. The caller's id is
    never rewritten (Cray's library negated it: catalog section 7, defect
    6); after the end JDIRENT is -1, the handle the call did not make."""
    out, kv = t_dirs(programs, "cray", tree / "entries")
    dots, rest = expected(tree / "entries")
    assert sorted(entries(out)) == sorted(dots + rest)
    assert "id_changed" not in kv
    assert kv["end"] == f"{EEND} -1 1"
    assert kv["close"] == "0"


def test_externals_both_forms(programs, tree):
    """No USE, default INTEGER: Cray's loop (a 0 handle the first time, the
    one it returned after), then Intel's after PXFREWINDDIR."""
    _, out, _ = run([programs.fortran("t_dirs_ext"), tree / "entries"], check_rc=0)
    dots, rest = expected(tree / "entries")
    assert sorted(entries(out, "cray")) == sorted(dots + rest)
    assert entries(out, "intel") == entries(out, "cray")
    kv = parse(out)
    assert kv["cray_end"] == f"{EEND} 0"          # the id unchanged
    assert (kv["intel_end"], kv["close"], kv["closed"]) == (str(EEND), "0", str(EBADID))


def test_errno_preset_to_anything(programs, tree):
    """The end of the stream is EEND, and every entry is read, whatever
    errno holds before each call (catalog section 7, defect 6)."""
    _, out, _ = run([programs.c("errno_preset", "-lpxf"), tree / "entries"], check_rc=0)
    n = len(os.listdir(tree / "entries")) + 2
    lines = out.splitlines()
    assert len(lines) == 8
    for line in lines:
        assert line.split()[1:] == [f"entries={n}", f"end={EEND}"], line


def test_ids_are_small_and_reused(programs, tree):
    _, kv = t_dirs(programs, "reuse", tree / "entries")
    assert kv["first"] == "1 2 3"
    assert kv["after_close_2"] == "2"
    assert kv["after_close_1_3"] == "1 3"


@pytest.mark.errno("PXFCLOSEDIR", "EBADID")
def test_ids_that_name_no_stream(programs, tree):
    """Never opened, 0, negative, beyond a C int (with the open id's low
    bits), hugely negative: EBADID from each routine, never a crash; the
    open stream is untouched."""
    _, kv = t_dirs(programs, "badids", tree / "entries")
    for k in range(1, 6):
        for op in ("read", "rewind", "close"):
            assert kv[f"{op}{k}"] == str(EBADID), (op, k)
    assert kv["still_open"] == "0"


@pytest.mark.errno("PXFREADDIR", "EBADHANDLE")
def test_bad_handles(programs, tree):
    """A 'stat' handle, a freed one, one never made, one beyond a C int, a
    negative one: EBADHANDLE, the caller's handle untouched, and no entry
    read (the next read gives the first)."""
    out, kv = t_dirs(programs, "badhandle", tree / "entries")
    assert kv["stat_handle"] == f"{EBADHANDLE} 1"
    assert kv["freed_handle"] == str(EBADHANDLE)
    assert kv["never_created"] == f"{EBADHANDLE} 12345"
    assert kv["no_c_int"] == f"{EBADHANDLE} {2**40}"
    assert kv["negative"] == f"{EBADHANDLE} -7"
    first = next(iter(entries(t_dirs(programs, "list", tree / "entries")[0])))
    assert entries(out) == [first]


@pytest.mark.errno("PXFREADDIR", "ENOHANDLE")
def test_cray_form_with_the_handle_table_full(programs, tree):
    """No handle left (65535 alive): ENOHANDLE with JDIRENT -1, and no entry
    lost: once one is freed the first entry comes."""
    out, kv = t_dirs(programs, "enohandle", tree / "entries")
    assert kv["created"] == f"65535 {ENOHANDLE}"
    assert kv["full"] == f"{ENOHANDLE} -1"
    assert kv["after_free"] == "0"
    first = next(iter(entries(t_dirs(programs, "list", tree / "entries")[0])))
    assert entries(out) == [first]


@pytest.mark.parametrize("path,user,name", [
    P("missing", "root", "ENOENT", marks=pytest.mark.errno("PXFOPENDIR", "ENOENT")),
    P("file", "root", "ENOTDIR", marks=pytest.mark.errno("PXFOPENDIR", "ENOTDIR")),
    P("file/x", "root", "ENOTDIR", marks=pytest.mark.errno("PXFOPENDIR", "ENOTDIR")),
    P("loop", "root", "ELOOP", marks=pytest.mark.errno("PXFOPENDIR", "ELOOP")),
    P("n" * 300, "root", "ENAMETOOLONG", marks=pytest.mark.errno("PXFOPENDIR", "ENAMETOOLONG")),
    P("private", "nobody", "EACCES", marks=pytest.mark.errno("PXFOPENDIR", "EACCES")),
])
def test_opendir_failures(programs, tree, path, user, name):
    _, kv = t_dirs(programs, "open", tree / path, user=user)
    assert kv == {"id": "-1", "ierror": str(getattr(errno, name))}


@pytest.mark.errno("PXFOPENDIR", "EMFILE")
def test_emfile(programs, tree):
    """Under RLIMIT_NOFILE 10 the streams take the free descriptors, ids 1,
    2, 3 ... in turn, then EMFILE with the id -1: the table grows no
    further than the descriptor limit. A closed id is the next one."""
    _, kv = t_dirs(programs, "emfile", tree / "entries", pre=nofile(10))
    n = 10 - int(kv["first_fd"])
    assert n > 3
    assert "unexpected_id" not in kv
    assert kv["opened"] == f"{n} {errno.EMFILE} -1"
    assert kv["reopened"] == "3 0"


@pytest.mark.errno("PXFREADDIR", "EBADF")
@pytest.mark.errno("PXFCLOSEDIR", "EBADF", "EBADID")
def test_descriptor_closed_behind_the_streams_back(programs, tree):
    """PXFCLOSE on the stream's descriptor: reading is EBADF, closing too,
    and the id is free all the same (EBADID after)."""
    _, kv = t_dirs(programs, "ebadf", tree / "entries")
    assert kv["read"] == f"{errno.EBADF} -1"
    assert kv["close"] == str(errno.EBADF)
    assert kv["close_again"] == str(EBADID)


@pytest.mark.errno("PXFOPENDIR", "EINVAL")
def test_bad_lengths(programs, tree):
    _, kv = t_dirs(programs, "badlen", tree / "entries")
    assert kv["long"] == f"{errno.EINVAL} -1"
    assert kv["negative"] == f"{errno.EINVAL} -1"
    assert _fpxf.pxfopendir(b"/tmp", 5) == (-1, errno.EINVAL)
    assert _fpxf.pxfopendir(b"/tmp", -1) == (-1, errno.EINVAL)


@pytest.mark.no_sanitizer(reason=ASAN_FORK_REASON)
def test_threads_and_forks(programs, tree):
    """Six threads open, read and close their own directories 3000 times
    each while the main thread forks children that use the table: each
    thread reads only its own directory, no child hangs."""
    dirs = []
    for i in range(6):
        d = tree / f"thread{i}"
        d.mkdir()
        (d / f"t{i}").write_text("")
        (d / "other").write_text("")
        dirs.append(d)
    _, out, _ = run([programs.c("dir_threads", "-lpxf"), *dirs], check_rc=0, timeout=120)
    rounds, forks = parse(out)["ok"].split()
    assert rounds == "3000" and int(forks) >= 1


# --- Python, against os on the same directory ------------------------------

def test_listdir_matches_os(tree, monkeypatch):
    d = tree / "entries"
    assert pxf.listdir(d) == os.listdir(d)
    assert pxf.listdir(str(d)) == os.listdir(str(d))
    assert pxf.listdir(os.fsencode(d)) == os.listdir(os.fsencode(d))
    monkeypatch.chdir(d)
    assert pxf.listdir() == os.listdir()
    assert pxf.listdir(tree / "entries" / "sub") == [] == os.listdir(d / "sub")


@pytest.mark.errno("PXFREADDIR", "EEND", "EBADID", "EBADHANDLE")
@pytest.mark.errno("PXFREWINDDIR", "EBADID")
@pytest.mark.errno("PXFCLOSEDIR", "EBADID")
def test_python_streams(tree):
    """opendir/readdir/rewinddir/closedir: readdir's entries and inodes are
    os.scandir's (with '.' and '..'); None at the end and after it; a
    closed id raises PXFError(EBADID); ids are reused, lowest first."""
    d = tree / "entries"
    dots, rest = expected(d)
    dirid = pxf.opendir(d)
    got = []
    while (entry := pxf.readdir(dirid)) is not None:
        assert isinstance(entry, pxf.Dirent)
        got.append(tuple(entry))
    assert sorted(got) == sorted(dots + rest) and without_dots(got) == rest
    assert pxf.readdir(dirid) is None
    pxf.rewinddir(dirid)
    assert tuple(pxf.readdir(dirid)) == got[0]
    # the raw routine, Intel's form with a handle of another structure
    with pxf.Struct("stat") as s:
        assert _fpxf.pxfreaddir(dirid, s.handle) == (s.handle, EBADHANDLE)
    ids = [pxf.opendir(d), pxf.opendir(d)]
    assert ids == [dirid + 1, dirid + 2]
    pxf.closedir(ids[0])
    assert pxf.opendir(d) == ids[0]
    for i in [dirid, *ids]:
        pxf.closedir(i)
    for f in (pxf.readdir, pxf.rewinddir, pxf.closedir):
        with pytest.raises(pxf.PXFError) as e:
            f(dirid)
        assert (e.value.errno, e.value.name) == (EBADID, "EBADID")
    assert _fpxf.pxfreaddir(dirid, 0) == (-1, EBADID)


@pytest.mark.errno("PXFOPENDIR", "ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG")
def test_python_errors_match_os(tree):
    for path in (tree / "missing", tree / "file", tree / "loop", tree / ("n" * 300)):
        with pytest.raises(OSError) as got:
            pxf.listdir(path)
        with pytest.raises(OSError) as want:
            os.listdir(path)
        assert (type(got.value), got.value.errno, got.value.filename) == \
            (type(want.value), want.value.errno, want.value.filename)


@pytest.mark.errno("PXFOPENDIR", "EACCES", "EMFILE")
def test_python_eacces_and_emfile(tree):
    """As nobody, a directory of mode 0700: PermissionError with the file
    name; under RLIMIT_NOFILE, OSError(EMFILE) once the free descriptors
    are taken, by streams of consecutive ids (each in a fork of this
    process)."""
    private = tree / "private"

    def as_nobody():
        as_unprivileged()()
        return error_of(lambda: pxf.listdir(private))
    assert in_fork(as_nobody) == ["PermissionError", errno.EACCES, str(private)]

    def until_emfile():
        # room for five more descriptors than this process has open
        fds = [fd for fd in map(int, os.listdir("/proc/self/fd")) if is_open(fd)]
        limit = max(fds) + 6
        nofile(limit)()
        ids = []
        try:
            while True:
                ids.append(pxf.opendir(tree))
        except OSError as e:
            return [ids, e.errno, e.filename, limit - len(fds)]
    ids, err, filename, free = in_fork(until_emfile)
    assert (err, filename) == (errno.EMFILE, str(tree))
    assert len(ids) == free >= 5
    assert ids == list(range(ids[0], ids[0] + len(ids)))   # after any the tests left open


def is_open(fd):
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


@pytest.mark.errno("PXFREADDIR", "EBADF", "ENOHANDLE")
@pytest.mark.errno("PXFCLOSEDIR", "EBADF")
def test_python_ebadf_and_enohandle(tree):
    """The stream's descriptor closed with os.close: readdir and closedir
    raise OSError(EBADF), and the id is free after; with every handle
    taken (in a fork), readdir raises PXFError(ENOHANDLE) and the entry is
    not lost."""
    d = tree / "entries"
    dirid = pxf.opendir(d)
    fd = next(int(f) for f in os.listdir("/proc/self/fd")
              if os.readlink(f"/proc/self/fd/{f}") == str(d))
    os.close(fd)
    for f in (pxf.readdir, pxf.closedir):
        with pytest.raises(OSError) as e:
            f(dirid)
        assert (type(e.value), e.value.errno) == (OSError, errno.EBADF)
    assert error_of(lambda: pxf.closedir(dirid)) == ["PXFError", EBADID, None]

    def table_full():
        dirid = pxf.opendir(d)
        taken = []
        try:
            while True:
                taken.append(pxf.struct_create("tms"))
        except pxf.PXFError as e:
            full = e.errno
        failed = error_of(lambda: pxf.readdir(dirid))
        pxf.struct_free(taken.pop())
        return [len(taken) + 1, full, failed, pxf.readdir(dirid)]
    n, full, failed, entry = in_fork(table_full)
    assert full == ENOHANDLE and 0 < n <= 65535     # less any handle this process holds
    assert failed == ["PXFError", ENOHANDLE, None]
    dirid = pxf.opendir(d)
    assert tuple(entry) == tuple(pxf.readdir(dirid))
    pxf.closedir(dirid)
