"""Files and directories (1003.9 clause 5) through the PXF routines, with
os's conventions: the same arguments and return values as os.chdir,
os.getcwd, os.mkdir ..., paths as str, bytes or os.PathLike, and the
matching OSError subclass carrying the file name(s)."""
from __future__ import annotations

import os
import time as _time

from . import _fpxf
from ._errors import check, checked
from ._strings import argument, decode, output
from .consts import selector
from .io import _close_after, _set_inheritable
from .structs import Struct

PathLike = str | bytes | os.PathLike


def _path(path: PathLike) -> tuple[bytes, int]:
    return argument(os.fspath(path))


def chdir(path: PathLike) -> None:
    """chdir(2) through PXFCHDIR."""
    check(_fpxf.pxfchdir(*_path(path)), os.fspath(path))


def getcwd() -> str:
    """getcwd(3) through PXFGETCWD."""
    buf, ilen, ierror = _fpxf.pxfgetcwd()
    return decode(output(buf, ilen, ierror))


def open(path: PathLike, flags: int, mode: int = 0o777) -> int:  # noqa: A001 (os.open)
    """open(2) through PXFOPEN, as os.open: the new descriptor, which is
    non-inheritable as os.open's are (PEP 446): O_CLOEXEC is added to
    FLAGS, so an exec does not pass it on (os.set_inheritable undoes that).
    PXFOPEN itself, from Fortran, adds nothing."""
    fd, ierror = _fpxf.pxfopen(*_path(path), flags | os.O_CLOEXEC, mode)
    check(ierror, os.fspath(path))
    return fd


def creat(path: PathLike, mode: int = 0o777) -> int:
    """creat(2) through PXFCREAT: a descriptor open for writing on the file,
    created (with MODE, less the umask) or truncated. Made non-inheritable
    as pxf.open's are; creat(2) has no flags, so that is done just after
    the call, through PXFFCNTL(F_SETFD) as for pxf.pipe (a fork another
    thread makes in between inherits it: use pxf.open(path, O_WRONLY |
    O_CREAT | O_TRUNC, mode) where that matters)."""
    fd, ierror = _fpxf.pxfcreat(*_path(path), mode)
    check(ierror, os.fspath(path))
    _close_after((fd,), lambda: _set_inheritable(fd, False))
    return fd


def mkdir(path: PathLike, mode: int = 0o777) -> None:
    """mkdir(2) through PXFMKDIR (the umask applies, as in os.mkdir)."""
    check(_fpxf.pxfmkdir(*_path(path), mode), os.fspath(path))


def mkfifo(path: PathLike, mode: int = 0o666) -> None:
    """mkfifo(3) through PXFMKFIFO."""
    check(_fpxf.pxfmkfifo(*_path(path), mode), os.fspath(path))


def rmdir(path: PathLike) -> None:
    """rmdir(2) through PXFRMDIR."""
    check(_fpxf.pxfrmdir(*_path(path)), os.fspath(path))


def unlink(path: PathLike) -> None:
    """unlink(2) through PXFUNLINK."""
    check(_fpxf.pxfunlink(*_path(path)), os.fspath(path))


remove = unlink


def rename(src: PathLike, dst: PathLike) -> None:
    """rename(2) through PXFRENAME (both names in the exception, as os)."""
    check(_fpxf.pxfrename(*_path(src), *_path(dst)), os.fspath(src), os.fspath(dst))


def link(src: PathLike, dst: PathLike) -> None:
    """link(2) through PXFLINK."""
    check(_fpxf.pxflink(*_path(src), *_path(dst)), os.fspath(src), os.fspath(dst))


def access(path: PathLike, mode: int) -> bool:
    """access(2) through PXFACCESS; True when allowed, as os.access (which
    gives False for any failure rather than raising)."""
    return _fpxf.pxfaccess(*_path(path), mode) == 0


def chmod(path: PathLike, mode: int) -> None:
    """chmod(2) through PXFCHMOD."""
    check(_fpxf.pxfchmod(*_path(path), mode), os.fspath(path))


def chown(path: PathLike, uid: int, gid: int) -> None:
    """chown(2) through PXFCHOWN; -1 leaves an id unchanged."""
    check(_fpxf.pxfchown(*_path(path), uid, gid), os.fspath(path))


def chroot(path: PathLike) -> None:
    """chroot(2) through PXFCHROOT."""
    check(_fpxf.pxfchroot(*_path(path)), os.fspath(path))


def umask(mask: int) -> int:
    """umask(2) through PXFUMASK: the previous mask."""
    return checked(_fpxf.pxfumask(mask))


def pathconf(path: PathLike, name: str | int) -> int:
    """pathconf(3) through PXFPATHCONF, as os.pathconf: NAME a _PC_ name or
    value; -1 when the variable has no limit."""
    value, ierror = _fpxf.pxfpathconf(*_path(path), selector(name))
    check(ierror, os.fspath(path))
    return value


def fpathconf(fd: int, name: str | int) -> int:
    """fpathconf(3) through PXFFPATHCONF, as os.fpathconf."""
    return checked(_fpxf.pxffpathconf(fd, selector(name)))


# The file type of an st_mode value, as the stat module's S_IS* (PXFIS*).
def S_ISDIR(mode: int) -> bool:  # noqa: N802 (the stat module's names)
    return bool(_fpxf.pxfisdir(mode))


def S_ISCHR(mode: int) -> bool:  # noqa: N802
    return bool(_fpxf.pxfischr(mode))


def S_ISBLK(mode: int) -> bool:  # noqa: N802
    return bool(_fpxf.pxfisblk(mode))


def S_ISREG(mode: int) -> bool:  # noqa: N802
    return bool(_fpxf.pxfisreg(mode))


def S_ISFIFO(mode: int) -> bool:  # noqa: N802
    return bool(_fpxf.pxfisfifo(mode))


_STAT_SEQUENCE = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size")
_STAT_TIMES = ("st_atime", "st_mtime", "st_ctime")


def _stat_result(s: Struct) -> os.stat_result:
    """An os.stat_result from a 'stat' handle: the integer fields as os
    gives them; the times in whole seconds (int in the tuple, float as
    attributes, as os has them), so st_atime_ns and the like are absent."""
    ints = [s.get_int(f) for f in _STAT_SEQUENCE]
    times = [s.get_int(f) for f in _STAT_TIMES]
    extra = {f: float(t) for f, t in zip(_STAT_TIMES, times)}
    extra.update({f: s.get_int(f) for f in ("st_blksize", "st_blocks", "st_rdev")})
    return os.stat_result(ints + times, extra)


def stat(path: PathLike) -> os.stat_result:
    """stat(2) through PXFSTAT and a 'stat' structure handle, as os.stat
    (times in whole seconds)."""
    with Struct("stat") as s:
        check(_fpxf.pxfstat(*_path(path), s.handle), os.fspath(path))
        return _stat_result(s)


def fstat(fd: int) -> os.stat_result:
    """fstat(2) through PXFFSTAT, as os.fstat (times in whole seconds)."""
    with Struct("stat") as s:
        check(_fpxf.pxffstat(fd, s.handle))
        return _stat_result(s)


def utime(path: PathLike, times: tuple[int, int] | None = None) -> None:
    """utime(2) through PXFUTIME and a 'utimbuf' handle, as os.utime with
    times=(atime, mtime) in whole seconds; None: now, to the second."""
    if times is None:
        now = int(_time.time())
        times = (now, now)
    with Struct("utimbuf") as u:
        u.set_int("actime", int(times[0]))      # os.utime takes floats too
        u.set_int("modtime", int(times[1]))
        check(_fpxf.pxfutime(*_path(path), u.handle), os.fspath(path))
