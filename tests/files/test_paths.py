"""The files family: PXFCHDIR, PXFGETCWD, PXFMKDIR, PXFMKFIFO, PXFRMDIR,
PXFUNLINK, PXFRENAME, PXFLINK, PXFACCESS, PXFCHMOD, PXFCHOWN, PXFCHROOT,
PXFUMASK. From Fortran (tests/files/t_paths.f90: USE pxf, INTEGER(8)), one
call per run, as root or as nobody, every documented errno produced by a
real failure; from Python against os on the same paths (the externals,
default INTEGER)."""
import errno
import os
import stat
import subprocess

import pytest

import pxf
from pxf import _fpxf
from support import NOBODY, as_unprivileged, mount_namespace, parse

P = pytest.param


@pytest.fixture
def tree(workdir, tmp_path_factory):
    """A tree nobody can walk: dir/ (root, 0755) with sub/, full/ (not
    empty), private/ (0700), file (root, 0644), loop (a symlink to itself),
    ro/ (a mount point for the EROFS case)."""
    t = workdir / f"tree-{os.urandom(4).hex()}"
    t.mkdir(mode=0o755)
    (t / "dir" / "sub").mkdir(parents=True)
    (t / "full").mkdir()
    (t / "full" / "x").write_text("x")
    (t / "private").mkdir(mode=0o700)
    (t / "file").write_text("data")
    (t / "loop").symlink_to(t / "loop")
    (t / "ro").mkdir()
    yield t


def shm_file():
    """A file on another file system than the tree (EXDEV)."""
    path = f"/dev/shm/pxf-test-{os.getpid()}"
    with open(path, "w") as f:
        f.write("shm")
    return path


def read_only_mount(path):
    """preexec_fn: a private mount namespace with a read-only tmpfs on
    path (root only), so mkdir there fails with EROFS for real."""
    ms_rdonly = 1
    return mount_namespace(("none", path, b"tmpfs", ms_rdonly))


def call(programs, tree, op, *args, user="root", pre=None, stdin=subprocess.DEVNULL):
    """Run t_paths OP ARGS... ('{tree}' and '{long}' filled in) as USER;
    stdin is descriptor 0 of the program (PXFFSTAT reads it)."""
    args = [str(a).format(tree=tree, long="a" * 300) for a in args]
    if pre is None and user == "nobody":
        pre = as_unprivileged()
    r = subprocess.run([str(programs.fortran("t_paths")), op, *args], stdin=stdin,
                       capture_output=True, text=True, preexec_fn=pre, cwd=tree, timeout=60)
    assert r.returncode == 0, r.stderr
    return parse(r.stdout)



@pytest.mark.parametrize("op,path,user,name", [
    P("chdir", "{tree}/missing", "root", "ENOENT", marks=pytest.mark.errno("PXFCHDIR", "ENOENT")),
    P("chdir", "{tree}/file/x", "root", "ENOTDIR", marks=pytest.mark.errno("PXFCHDIR", "ENOTDIR")),
    P("chdir", "{tree}/loop", "root", "ELOOP", marks=pytest.mark.errno("PXFCHDIR", "ELOOP")),
    P("chdir", "{tree}/{long}", "root", "ENAMETOOLONG", marks=pytest.mark.errno("PXFCHDIR", "ENAMETOOLONG")),
    P("chdir", "{tree}/private", "nobody", "EACCES", marks=pytest.mark.errno("PXFCHDIR", "EACCES")),
    P("rmdir", "{tree}/missing", "root", "ENOENT", marks=pytest.mark.errno("PXFRMDIR", "ENOENT")),
    P("rmdir", "{tree}/file", "root", "ENOTDIR", marks=pytest.mark.errno("PXFRMDIR", "ENOTDIR")),
    P("rmdir", "{tree}/full", "root", "ENOTEMPTY", marks=pytest.mark.errno("PXFRMDIR", "ENOTEMPTY")),
    P("rmdir", "{tree}/dir/.", "root", "EINVAL", marks=pytest.mark.errno("PXFRMDIR", "EINVAL")),
    P("rmdir", "/proc", "root", "EBUSY", marks=pytest.mark.errno("PXFRMDIR", "EBUSY")),
    P("rmdir", "{tree}/dir/sub", "nobody", "EACCES", marks=pytest.mark.errno("PXFRMDIR", "EACCES")),
    P("unlink", "{tree}/missing", "root", "ENOENT", marks=pytest.mark.errno("PXFUNLINK", "ENOENT")),
    P("unlink", "{tree}/file/x", "root", "ENOTDIR", marks=pytest.mark.errno("PXFUNLINK", "ENOTDIR")),
    P("unlink", "{tree}/dir", "root", "EISDIR", marks=pytest.mark.errno("PXFUNLINK", "EISDIR")),
    P("unlink", "{tree}/file", "nobody", "EACCES", marks=pytest.mark.errno("PXFUNLINK", "EACCES")),
    P("chroot", "{tree}/missing", "root", "ENOENT", marks=pytest.mark.errno("PXFCHROOT", "ENOENT")),
    P("chroot", "{tree}/file", "root", "ENOTDIR", marks=pytest.mark.errno("PXFCHROOT", "ENOTDIR")),
    P("chroot", "{tree}/dir", "nobody", "EPERM", marks=pytest.mark.errno("PXFCHROOT", "EPERM")),
])
def test_one_path_failures(programs, tree, op, path, user, name):
    kv = call(programs, tree, op, path, user=user)
    assert kv["ierror"] == str(getattr(errno, name))


@pytest.mark.parametrize("op,path,mode,user,name", [
    P("mkdir", "{tree}/dir", 0o755, "root", "EEXIST", marks=pytest.mark.errno("PXFMKDIR", "EEXIST")),
    P("mkdir", "{tree}/missing/x", 0o755, "root", "ENOENT", marks=pytest.mark.errno("PXFMKDIR", "ENOENT")),
    P("mkdir", "{tree}/file/x", 0o755, "root", "ENOTDIR", marks=pytest.mark.errno("PXFMKDIR", "ENOTDIR")),
    P("mkdir", "{tree}/loop/x", 0o755, "root", "ELOOP", marks=pytest.mark.errno("PXFMKDIR", "ELOOP")),
    P("mkdir", "{tree}/{long}", 0o755, "root", "ENAMETOOLONG",
      marks=pytest.mark.errno("PXFMKDIR", "ENAMETOOLONG")),
    P("mkdir", "{tree}/dir/new", 0o755, "nobody", "EACCES", marks=pytest.mark.errno("PXFMKDIR", "EACCES")),
    P("mkfifo", "{tree}/file", 0o644, "root", "EEXIST", marks=pytest.mark.errno("PXFMKFIFO", "EEXIST")),
    P("mkfifo", "{tree}/missing/x", 0o644, "root", "ENOENT", marks=pytest.mark.errno("PXFMKFIFO", "ENOENT")),
    P("mkfifo", "{tree}/file/x", 0o644, "root", "ENOTDIR", marks=pytest.mark.errno("PXFMKFIFO", "ENOTDIR")),
    P("mkfifo", "{tree}/dir/f", 0o644, "nobody", "EACCES", marks=pytest.mark.errno("PXFMKFIFO", "EACCES")),
    P("access", "{tree}/missing", os.F_OK, "root", "ENOENT", marks=pytest.mark.errno("PXFACCESS", "ENOENT")),
    P("access", "{tree}/file/x", os.F_OK, "root", "ENOTDIR", marks=pytest.mark.errno("PXFACCESS", "ENOTDIR")),
    P("access", "{tree}/file", os.W_OK, "nobody", "EACCES", marks=pytest.mark.errno("PXFACCESS", "EACCES")),
    P("access", "{tree}/file", 64, "root", "EINVAL", marks=pytest.mark.errno("PXFACCESS", "EINVAL")),
    P("chmod", "{tree}/missing", 0o600, "root", "ENOENT", marks=pytest.mark.errno("PXFCHMOD", "ENOENT")),
    P("chmod", "{tree}/file", 0o600, "nobody", "EPERM", marks=pytest.mark.errno("PXFCHMOD", "EPERM")),
])
def test_path_and_mode_failures(programs, tree, op, path, mode, user, name):
    kv = call(programs, tree, op, path, mode, user=user)
    assert kv["ierror"] == str(getattr(errno, name))


@pytest.mark.parametrize("op,src,dst,user,name", [
    P("rename", "{tree}/missing", "{tree}/x", "root", "ENOENT", marks=pytest.mark.errno("PXFRENAME", "ENOENT")),
    P("rename", "{tree}/file/x", "{tree}/x", "root", "ENOTDIR", marks=pytest.mark.errno("PXFRENAME", "ENOTDIR")),
    P("rename", "{tree}/file", "{tree}/dir", "root", "EISDIR", marks=pytest.mark.errno("PXFRENAME", "EISDIR")),
    P("rename", "{tree}/dir", "{tree}/full", "root", "ENOTEMPTY",
      marks=pytest.mark.errno("PXFRENAME", "ENOTEMPTY")),
    P("rename", "{tree}/dir", "{tree}/dir/sub/dir", "root", "EINVAL",
      marks=pytest.mark.errno("PXFRENAME", "EINVAL")),
    P("rename", "{tree}/file", "{tree}/file2", "nobody", "EACCES",
      marks=pytest.mark.errno("PXFRENAME", "EACCES")),
    P("rename", "SHM", "{tree}/from-shm", "root", "EXDEV", marks=pytest.mark.errno("PXFRENAME", "EXDEV")),
    P("link", "{tree}/missing", "{tree}/x", "root", "ENOENT", marks=pytest.mark.errno("PXFLINK", "ENOENT")),
    P("link", "{tree}/file", "{tree}/dir", "root", "EEXIST", marks=pytest.mark.errno("PXFLINK", "EEXIST")),
    P("link", "{tree}/dir", "{tree}/dirlink", "root", "EPERM", marks=pytest.mark.errno("PXFLINK", "EPERM")),
    P("link", "SHM", "{tree}/from-shm", "root", "EXDEV", marks=pytest.mark.errno("PXFLINK", "EXDEV")),
])
def test_two_path_failures(programs, tree, op, src, dst, user, name):
    if src == "SHM":
        src = shm_file()
        assert os.stat(src).st_dev != os.stat(tree).st_dev
    try:
        kv = call(programs, tree, op, src, dst, user=user)
    finally:
        if src.startswith("/dev/shm/"):
            os.unlink(src)
    assert kv["ierror"] == str(getattr(errno, name))


@pytest.mark.errno("PXFCHOWN", "ENOENT", "EPERM", "EINVAL")
def test_chown(programs, tree):
    assert call(programs, tree, "chown", "{tree}/file", NOBODY.pw_uid, -1)["ierror"] == "0"
    assert os.stat(tree / "file").st_uid == NOBODY.pw_uid
    assert os.stat(tree / "file").st_gid == 0                    # -1: unchanged
    assert call(programs, tree, "chown", "{tree}/missing", 0, 0)["ierror"] == str(errno.ENOENT)
    # nobody owns the file now, but may not give it away
    kv = call(programs, tree, "chown", "{tree}/file", 0, 0, user="nobody")
    assert kv["ierror"] == str(errno.EPERM)
    assert call(programs, tree, "chown", "{tree}/file", -2, 0)["ierror"] == str(errno.EINVAL)


@pytest.mark.errno("PXFMKDIR", "EROFS")
def test_mkdir_on_a_read_only_mount(programs, tree):
    kv = call(programs, tree, "mkdir", "{tree}/ro/x", 0o755,
              pre=read_only_mount(tree / "ro"))
    assert kv["ierror"] == str(errno.EROFS)


def test_successes(programs, tree):
    kv = call(programs, tree, "chdir", "{tree}/dir/sub")
    assert (kv["cwd"], kv["ierror"]) == (str(tree / "dir" / "sub"), "0")
    assert call(programs, tree, "mkdir", "{tree}/new", 0o750)["ierror"] == "0"
    assert stat.S_IMODE(os.stat(tree / "new").st_mode) == 0o750 & ~0o022
    assert call(programs, tree, "mkfifo", "{tree}/fifo", 0o640)["ierror"] == "0"
    assert stat.S_ISFIFO(os.stat(tree / "fifo").st_mode)
    assert call(programs, tree, "link", "{tree}/file", "{tree}/hard")["ierror"] == "0"
    assert os.stat(tree / "hard").st_ino == os.stat(tree / "file").st_ino
    assert call(programs, tree, "rename", "{tree}/hard", "{tree}/moved")["ierror"] == "0"
    assert not (tree / "hard").exists() and (tree / "moved").read_text() == "data"
    assert call(programs, tree, "unlink", "{tree}/moved")["ierror"] == "0"
    assert call(programs, tree, "rmdir", "{tree}/new")["ierror"] == "0"
    assert not (tree / "new").exists()
    assert call(programs, tree, "access", "{tree}/file", os.R_OK | os.W_OK)["ierror"] == "0"
    assert call(programs, tree, "access", "{tree}/file", os.R_OK, user="nobody")["ierror"] == "0"
    assert call(programs, tree, "chmod", "{tree}/file", 0o600)["ierror"] == "0"
    assert stat.S_IMODE(os.stat(tree / "file").st_mode) == 0o600
    assert call(programs, tree, "chroot", "{tree}/dir")["ierror"] == "0"


@pytest.mark.errno("PXFGETCWD", "ETRUNC")
def test_getcwd_truncated(programs, tree):
    kv = call(programs, tree, "getcwd_short", "{tree}/dir/sub")
    full = str(tree / "dir" / "sub")
    assert kv["short"] == f"[{full[:8]}] {len(full)}"
    assert kv["ierror"] == str(pxf.ETRUNC)


@pytest.mark.errno("PXFUMASK", "EINVAL")
def test_umask(programs, tree):
    kv = call(programs, tree, "umask", 0o027)
    assert kv == {"prev": str(0o022), "set": str(0o027), "ierror": "0"}
    kv = call(programs, tree, "umask", 0o1000)
    assert kv == {"prev": "-1", "ierror": str(errno.EINVAL)}


@pytest.mark.errno("PXFCHDIR", "EINVAL")
@pytest.mark.errno("PXFMKDIR", "EINVAL")
@pytest.mark.errno("PXFMKFIFO", "EINVAL")
@pytest.mark.errno("PXFUNLINK", "EINVAL")
@pytest.mark.errno("PXFLINK", "EINVAL")
@pytest.mark.errno("PXFCHMOD", "EINVAL")
@pytest.mark.errno("PXFCHROOT", "EINVAL")
def test_bad_lengths(programs, tree):
    """A length beyond the string, or negative, is EINVAL before any call
    (docs/conventions.md), through the module (INTEGER(8)) and the
    externals (pxf._fpxf)."""
    assert call(programs, tree, "badlen", "{tree}/x", 0o755)["ierror"] == str(errno.EINVAL)
    assert not (tree / "x").exists()
    e = errno.EINVAL
    assert _fpxf.pxfchdir(b"/tmp", 5) == e and _fpxf.pxfchdir(b"/tmp", -1) == e
    assert _fpxf.pxfmkfifo(b"/tmp/f", 7, 0o600) == e
    assert _fpxf.pxfunlink(b"/tmp/f", 9) == e
    assert _fpxf.pxflink(b"/a", 2, b"/b", 3) == e
    assert _fpxf.pxfchmod(b"/a", -2, 0) == e
    assert _fpxf.pxfchroot(b"/a", 3) == e


# --- Python, against os on the same paths ---------------------------------

def os_error(f, *args):
    try:
        f(*args)
    except OSError as e:
        return type(e), e.errno, e.filename, e.filename2
    return None


def test_python_matches_os(tree, monkeypatch):
    monkeypatch.chdir(tree)
    pxf.chdir(tree / "dir")
    assert pxf.getcwd() == os.getcwd() == str(tree / "dir")
    pxf.mkdir("made", 0o700)
    assert stat.S_IMODE(os.stat("made").st_mode) == 0o700
    pxf.rename("made", b"renamed")
    pxf.link(tree / "file", "hard")
    assert os.stat("hard").st_nlink == 2
    pxf.remove("hard")
    pxf.rmdir("renamed")
    pxf.mkfifo("fifo")
    assert stat.S_ISFIFO(os.stat("fifo").st_mode)
    pxf.unlink("fifo")
    pxf.chmod(tree / "file", 0o640)
    pxf.chown(tree / "file", NOBODY.pw_uid, NOBODY.pw_gid)
    st = os.stat(tree / "file")
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o640, NOBODY.pw_uid,
                                                                  NOBODY.pw_gid)
    assert pxf.access(tree / "file", os.R_OK) is os.access(tree / "file", os.R_OK) is True
    assert pxf.access(tree / "missing", os.F_OK) is os.access(tree / "missing", os.F_OK) is False
    old = pxf.umask(0o077)
    assert os.umask(old) == 0o077
    for pf, of, args in [(pxf.chdir, os.chdir, [tree / "missing"]),
                         (pxf.mkdir, os.mkdir, [tree / "dir"]),
                         (pxf.rmdir, os.rmdir, [tree / "full"]),
                         (pxf.unlink, os.unlink, [tree / "dir"]),
                         (pxf.rename, os.rename, [tree / "missing", tree / "x"]),
                         (pxf.link, os.link, [tree / "file", tree / "full"]),
                         (pxf.chmod, os.chmod, [tree / "missing", 0o600])]:
        assert os_error(pf, *args) == os_error(of, *args) != None, pf.__name__
    with pytest.raises(ValueError):
        pxf.mkdir("a\0b")


@pytest.mark.errno("PXFPATHCONF", "ENOENT", "ENOTDIR", "EACCES", "EINVAL")
@pytest.mark.errno("PXFFPATHCONF", "EBADF", "EINVAL")
def test_pathconf(programs, tree):
    """Through the externals (pxf._fpxf: default INTEGER) and pxf against
    os; the failures for real."""
    name_max = pxf.const("_PC_NAME_MAX")
    assert pxf.pathconf(tree, "_PC_NAME_MAX") == os.pathconf(tree, "PC_NAME_MAX") == 255
    assert pxf.pathconf(tree, name_max) == 255
    r, w = os.pipe()
    try:
        assert pxf.fpathconf(r, "_PC_PIPE_BUF") == os.fpathconf(r, "PC_PIPE_BUF")
    finally:
        os.close(r)
        os.close(w)
    for path, name in [(tree / "missing", "ENOENT"), (tree / "file" / "x", "ENOTDIR")]:
        with pytest.raises(OSError) as e:
            pxf.pathconf(path, name_max)
        assert (e.value.errno, e.value.filename) == (getattr(errno, name), str(path))
    assert call(programs, tree, "pathconf", "{tree}/dir") == {"ival": "255", "ierror": "0"}
    kv = call(programs, tree, "pathconf", "{tree}/private/x", user="nobody")
    assert kv == {"ival": "-1", "ierror": str(errno.EACCES)}
    assert _fpxf.pxfpathconf(b"/tmp", 4, 9999) == (-1, errno.EINVAL)
    assert _fpxf.pxfpathconf(b"/tmp", 9, name_max) == (-1, errno.EINVAL)   # bad length
    assert _fpxf.pxffpathconf(999, name_max) == (-1, errno.EBADF)
    assert _fpxf.pxffpathconf(0, 9999) == (-1, errno.EINVAL)


def test_file_type_functions():
    """PXFISDIR ... against the stat module, for every file type's mode."""
    import stat as st
    modes = [st.S_IFDIR | 0o755, st.S_IFCHR | 0o600, st.S_IFBLK | 0o660, st.S_IFREG | 0o644,
             st.S_IFIFO | 0o600, st.S_IFLNK | 0o777, st.S_IFSOCK | 0o755, 0]
    for mode in modes:
        got = [pxf.S_ISDIR(mode), pxf.S_ISCHR(mode), pxf.S_ISBLK(mode), pxf.S_ISREG(mode),
               pxf.S_ISFIFO(mode)]
        want = [st.S_ISDIR(mode), st.S_ISCHR(mode), st.S_ISBLK(mode), st.S_ISREG(mode),
                st.S_ISFIFO(mode)]
        assert got == want, oct(mode)


@pytest.mark.errno("PXFSTAT", "ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG", "EACCES",
                   "EBADHANDLE", "EINVAL")
@pytest.mark.errno("PXFFSTAT", "EBADF", "EBADHANDLE", "EINVAL")
@pytest.mark.errno("PXFUTIME", "ENOENT", "EPERM", "EACCES", "EBADHANDLE", "EINVAL")
@pytest.mark.errno("PXFINTGET", "EOVERFLOW")
def test_stat_fstat_utime(programs, tree):
    """From Fortran (t_paths: USE pxf, INTEGER(8) and INTEGER(4)): every
    component of 'stat' against os.stat; a 3 GB sparse file's st_size whole
    in INTEGER(8) and EOVERFLOW in INTEGER(4), never wrapped; the failures
    for real."""
    big = tree / "big"
    with open(big, "wb") as f:
        f.truncate(3 * 10**9)
    with open(big, "rb") as f:
        kv = call(programs, tree, "stat", "{tree}/big", stdin=f)
    st = os.stat(big)
    for field in ("st_dev", "st_ino", "st_mode", "st_nlink", "st_uid", "st_gid", "st_rdev",
                  "st_size", "st_atime", "st_mtime", "st_ctime", "st_blocks", "st_blksize"):
        assert kv[field] == str(int(getattr(st, field))), field
    assert kv["size4"] == f"-1 {errno.EOVERFLOW}"
    assert kv["fstat_size"] == str(st.st_size)
    assert kv["ierror"] == "0"
    assert call(programs, tree, "utime", "{tree}/file", 1000, 2000)["ierror"] == "0"
    st = os.stat(tree / "file")
    assert (st.st_atime, st.st_mtime) == (1000, 2000)
    for op, path, user, name in [
            ("stat", "{tree}/missing", "root", "ENOENT"),
            ("stat", "{tree}/file/x", "root", "ENOTDIR"),
            ("stat", "{tree}/loop", "root", "ELOOP"),
            ("stat", "{tree}/{long}", "root", "ENAMETOOLONG"),
            ("stat", "{tree}/private/x", "nobody", "EACCES"),
            ("utime", "{tree}/missing", "root", "ENOENT"),
            ("utime", "{tree}/file", "nobody", "EPERM"),
            ("utime", "{tree}/private/x", "nobody", "EACCES")]:
        args = (path, 1, 2) if op == "utime" else (path,)
        assert call(programs, tree, op, *args, user=user)["ierror"] == \
            str(getattr(errno, name)), (op, path)
    kv = call(programs, tree, "badhandle", "{tree}/file")
    assert kv == {"stat": str(pxf.EBADHANDLE), "fstat": str(pxf.EBADHANDLE),
                  "utime": str(pxf.EBADHANDLE), "fstat_badf": str(errno.EBADF),
                  "ierror": "0"}
    e = errno.EINVAL
    with pxf.Struct("stat") as s, pxf.Struct("utimbuf") as u:
        assert _fpxf.pxfstat(b"/tmp", 9, s.handle) == e
        assert _fpxf.pxfutime(b"/tmp", -1, u.handle) == e
        assert _fpxf.pxffstat(0, 2**31 - 1) == pxf.EBADHANDLE
    assert call(programs, tree, "fstat_int8", "{tree}/file")["fstat"] == str(e)


def test_stat_python_matches_os(tree):
    for path in (tree / "file", tree / "dir", "/dev/null"):
        got, want = pxf.stat(path), os.stat(path)
        assert tuple(got) == tuple(want), path
        assert (got.st_blksize, got.st_blocks, got.st_rdev) == \
            (want.st_blksize, want.st_blocks, want.st_rdev)
        assert got.st_mtime == int(want.st_mtime)
    with open(tree / "file") as f:
        assert tuple(pxf.fstat(f.fileno())) == tuple(os.fstat(f.fileno()))
    pxf.utime(tree / "file", (111, 222))
    assert (os.stat(tree / "file").st_atime, os.stat(tree / "file").st_mtime) == (111, 222)
    with pytest.raises(FileNotFoundError) as e:
        pxf.stat(tree / "missing")
    assert e.value.filename == str(tree / "missing")
