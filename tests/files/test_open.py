"""PXFOPEN and PXFCREAT (files family). From Fortran (tests/files/t_open.f90:
USE pxf, INTEGER(8); the flags by name through PXFCONST), one call per
run, as root or as nobody: the descriptor's flags as the kernel has them
and what writing and reading through it give, and every documented errno
from a real failure; from Python (the externals) against os.open on the
same paths."""
import errno
import fcntl
import os
import stat

import pytest

import pxf
from pxf import _fpxf
from support import as_unprivileged, error_of, in_fork, nofile, parse, run
from test_paths import os_error, read_only_mount, tree  # noqa: F401 (tree: a fixture)

P = pytest.param
WRITE_ONLY_READ = f"-1 {errno.EBADF}"     # PXFREAD on a write-only descriptor


def t_open(programs, tree, *args, user="root", pre=None):
    """Run t_open ARGS ('{tree}' and '{long}' filled in) as USER."""
    args = [str(a).format(tree=tree, long="a" * 300) for a in args]
    if pre is None and user == "nobody":
        pre = as_unprivileged()
    _, out, _ = run([programs.fortran("t_open"), *args], preexec_fn=pre, cwd=tree,
                    check_rc=0)
    return parse(out)


def access_mode(kv):
    """The O_ACCMODE bits of the descriptor's flags (fdinfo: octal)."""
    return int(kv["flags"], 8) & os.O_ACCMODE


def test_open_and_creat(programs, tree):
    """The access mode the flags ask for is the descriptor's: O_WRONLY
    writes and cannot read (the Cray table gave O_WRONLY the value of
    O_RDONLY: catalog section 7, defect 1), O_RDONLY the reverse; O_CREAT
    makes the file with IMODE less the umask; PXFCREAT opens write-only,
    creating or truncating."""
    kv = t_open(programs, tree, "open", "{tree}/new", "O_WRONLY|O_CREAT|O_EXCL", 0o640)
    assert kv["ierror"] == "0" and int(kv["fd"]) >= 3
    assert access_mode(kv) == os.O_WRONLY
    assert (kv["write"], kv["read"]) == ("1 0", WRITE_ONLY_READ)
    assert stat.S_IMODE(os.stat(tree / "new").st_mode) == 0o640
    kv = t_open(programs, tree, "open", "{tree}/file", "O_RDONLY", 0)
    assert access_mode(kv) == os.O_RDONLY
    assert (kv["write"], kv["read"]) == (f"-1 {errno.EBADF}", "1 0")
    kv = t_open(programs, tree, "open", "{tree}/file", "O_RDWR|O_APPEND|O_NONBLOCK", 0)
    assert access_mode(kv) == os.O_RDWR
    assert int(kv["flags"], 8) & (os.O_APPEND | os.O_NONBLOCK) == os.O_APPEND | os.O_NONBLOCK
    assert (tree / "file").read_text() == "datax"
    kv = t_open(programs, tree, "creat", "{tree}/made", 0o600)
    assert kv["ierror"] == "0" and access_mode(kv) == os.O_WRONLY
    assert (kv["write"], kv["read"]) == ("1 0", WRITE_ONLY_READ)
    assert stat.S_IMODE(os.stat(tree / "made").st_mode) == 0o600
    assert t_open(programs, tree, "creat", "{tree}/file", 0o600)["ierror"] == "0"
    assert (tree / "file").read_text() == "x"                    # truncated, then one byte


def test_open_constants_are_the_systems(programs, tree):
    """PXFCONST's O_* and S_I* values are <fcntl.h>'s and <sys/stat.h>'s (as
    os and stat have them), O_WRONLY above all (defect 1)."""
    names = {n: getattr(os, n) for n in ("O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE",
                                         "O_APPEND", "O_CREAT", "O_EXCL", "O_TRUNC",
                                         "O_NOCTTY", "O_NONBLOCK", "O_NDELAY", "O_SYNC",
                                         "O_CLOEXEC")}
    names |= {n: getattr(stat, n) for n in ("S_ISUID", "S_ISGID", "S_IRWXU", "S_IRUSR",
                                            "S_IWUSR", "S_IXUSR", "S_IRWXG", "S_IRGRP",
                                            "S_IWGRP", "S_IXGRP", "S_IRWXO", "S_IROTH",
                                            "S_IWOTH", "S_IXOTH")}
    kv = t_open(programs, tree, "consts", ".", *names)
    assert {n: kv[f"c.{n}"] for n in names} == {n: f"{v} 0" for n, v in names.items()}
    assert os.O_WRONLY != os.O_RDONLY
    assert {n: pxf.const(n) for n in names} == names


@pytest.mark.parametrize("op,path,flags,user,name", [
    P("open", "{tree}/missing", "O_RDONLY", "root", "ENOENT",
      marks=pytest.mark.errno("PXFOPEN", "ENOENT")),
    P("open", "{tree}/file/x", "O_RDONLY", "root", "ENOTDIR",
      marks=pytest.mark.errno("PXFOPEN", "ENOTDIR")),
    P("open", "{tree}/loop", "O_RDONLY", "root", "ELOOP", marks=pytest.mark.errno("PXFOPEN", "ELOOP")),
    P("open", "{tree}/{long}", "O_RDONLY", "root", "ENAMETOOLONG",
      marks=pytest.mark.errno("PXFOPEN", "ENAMETOOLONG")),
    P("open", "{tree}/file", "O_WRONLY|O_CREAT|O_EXCL", "root", "EEXIST",
      marks=pytest.mark.errno("PXFOPEN", "EEXIST")),
    P("open", "{tree}/dir", "O_WRONLY", "root", "EISDIR", marks=pytest.mark.errno("PXFOPEN", "EISDIR")),
    P("open", "{tree}/file", "O_WRONLY", "nobody", "EACCES",
      marks=pytest.mark.errno("PXFOPEN", "EACCES")),
    P("creat", "{tree}/missing/x", None, "root", "ENOENT",
      marks=pytest.mark.errno("PXFCREAT", "ENOENT")),
    P("creat", "{tree}/file/x", None, "root", "ENOTDIR",
      marks=pytest.mark.errno("PXFCREAT", "ENOTDIR")),
    P("creat", "{tree}/loop", None, "root", "ELOOP", marks=pytest.mark.errno("PXFCREAT", "ELOOP")),
    P("creat", "{tree}/{long}", None, "root", "ENAMETOOLONG",
      marks=pytest.mark.errno("PXFCREAT", "ENAMETOOLONG")),
    P("creat", "{tree}/dir", None, "root", "EISDIR", marks=pytest.mark.errno("PXFCREAT", "EISDIR")),
    P("creat", "{tree}/dir/new", None, "nobody", "EACCES",
      marks=pytest.mark.errno("PXFCREAT", "EACCES")),
])
def test_failures(programs, tree, op, path, flags, user, name):
    args = [path, flags, 0o600] if op == "open" else [path, 0o600]
    kv = t_open(programs, tree, op, *args, user=user)
    assert kv == {"fd": "-1", "ierror": str(getattr(errno, name))}


@pytest.mark.errno("PXFOPEN", "EROFS")
@pytest.mark.errno("PXFCREAT", "EROFS")
def test_read_only_mount(programs, tree):
    pre = read_only_mount(tree / "ro")
    kv = t_open(programs, tree, "open", "{tree}/ro/x", "O_WRONLY|O_CREAT", 0o600, pre=pre)
    assert kv == {"fd": "-1", "ierror": str(errno.EROFS)}
    kv = t_open(programs, tree, "creat", "{tree}/ro/x", 0o600, pre=pre)
    assert kv == {"fd": "-1", "ierror": str(errno.EROFS)}


@pytest.mark.errno("PXFOPEN", "EMFILE")
@pytest.mark.errno("PXFCREAT", "EMFILE")
def test_emfile(programs, tree):
    """Under RLIMIT_NOFILE 8, with descriptors 0, 1 and 2 open: five
    opens, then EMFILE with the descriptor -1, from PXFCREAT too."""
    kv = t_open(programs, tree, "emfile", "{tree}/file", pre=nofile(8))
    assert kv["opened"] == f"5 {errno.EMFILE} -1"
    assert kv["creat"] == f"{errno.EMFILE} -1"
    assert not (tree / "file.new").exists()


@pytest.mark.errno("PXFOPEN", "EINVAL")
@pytest.mark.errno("PXFCREAT", "EINVAL")
def test_bad_lengths(programs, tree):
    kv = t_open(programs, tree, "badlen", "{tree}/file")
    assert (kv["open"], kv["creat"]) == (f"{errno.EINVAL} -1",) * 2
    assert _fpxf.pxfopen(b"/tmp", 5, os.O_RDONLY, 0) == (-1, errno.EINVAL)
    assert _fpxf.pxfcreat(b"/tmp/x", -1, 0o600) == (-1, errno.EINVAL)


# --- Python, against os.open on the same paths ------------------------------

def test_python_open_and_creat(tree):
    """pxf.open as os.open: the access mode asked for, non-inheritable
    (O_CLOEXEC, PEP 446); pxf.creat write-only and non-inheritable too."""
    fd = pxf.open(tree / "new", pxf.const("O_WRONLY") | os.O_CREAT | os.O_EXCL, 0o640)
    try:
        assert fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY
        assert fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC
        assert os.get_inheritable(fd) is False
        assert os.write(fd, b"abc") == 3
    finally:
        os.close(fd)
    assert stat.S_IMODE(os.stat(tree / "new").st_mode) == 0o640
    fd = pxf.open(os.fsencode(tree / "new"), os.O_RDONLY)
    try:
        assert os.read(fd, 10) == b"abc" and os.get_inheritable(fd) is False
    finally:
        os.close(fd)
    fd = pxf.creat(tree / "new", 0o600)
    try:
        assert fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY
        assert os.get_inheritable(fd) is False
        assert os.fstat(fd).st_size == 0                          # truncated
    finally:
        os.close(fd)
    fd = pxf.creat(tree / "created", 0o640)
    os.close(fd)
    assert stat.S_IMODE(os.stat(tree / "created").st_mode) == 0o640


@pytest.mark.errno("PXFOPEN", "ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG", "EEXIST", "EISDIR")
@pytest.mark.errno("PXFCREAT", "ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG", "EISDIR")
def test_python_errors_match_os(tree):
    creat = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    for path, flags in [(tree / "missing", os.O_RDONLY), (tree / "file" / "x", os.O_RDONLY),
                        (tree / "loop", os.O_RDONLY), (tree / ("a" * 300), os.O_RDONLY),
                        (tree / "file", os.O_WRONLY | os.O_CREAT | os.O_EXCL),
                        (tree / "dir", os.O_WRONLY)]:
        assert os_error(pxf.open, path, flags) == os_error(os.open, path, flags) != None, path
    for path in (tree / "missing" / "x", tree / "file" / "x", tree / "loop",
                 tree / ("a" * 300), tree / "dir"):
        assert os_error(pxf.creat, path) == os_error(os.open, path, creat) != None, path


@pytest.mark.errno("PXFOPEN", "EACCES", "EROFS", "EMFILE")
@pytest.mark.errno("PXFCREAT", "EACCES", "EROFS", "EMFILE")
def test_python_eacces_erofs_emfile(tree):
    """In forks of this process: as nobody, a file of root's (0644) and a
    directory of root's (0755); in a private mount namespace, a read-only
    tmpfs; under RLIMIT_NOFILE with one descriptor free."""
    file, new = tree / "file", tree / "dir" / "new"

    def as_nobody():
        as_unprivileged()()
        return [error_of(lambda: pxf.open(file, os.O_WRONLY)), error_of(lambda: pxf.creat(new))]
    assert in_fork(as_nobody) == [["PermissionError", errno.EACCES, str(file)],
                                  ["PermissionError", errno.EACCES, str(new)]]
    ro = tree / "ro" / "x"

    def read_only():
        read_only_mount(tree / "ro")()
        return [error_of(lambda: pxf.open(ro, os.O_WRONLY | os.O_CREAT)),
                error_of(lambda: pxf.creat(ro))]
    assert in_fork(read_only) == [["OSError", errno.EROFS, str(ro)]] * 2

    def one_left():
        fd = os.open("/dev/null", os.O_RDONLY)    # the lowest free descriptor
        nofile(fd + 1)()
        os.close(fd)
        fd = pxf.open(file, os.O_RDONLY)          # takes it
        return [fd, error_of(lambda: pxf.open(file, os.O_RDONLY)),
                error_of(lambda: pxf.creat(new))]
    fd, *errors = in_fork(one_left)
    assert fd >= 3
    assert errors == [["OSError", errno.EMFILE, str(file)], ["OSError", errno.EMFILE, str(new)]]
