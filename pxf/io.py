"""Descriptor I/O: pipe, dup, dup2, close, read, write, lseek; fcntl and
record locks."""
from __future__ import annotations

import errno
import os
from typing import NamedTuple, Protocol

import numpy as np

from . import _fpxf
from ._errors import check, checked
from ._routines import BUFFERS
from ._strings import encode
from .consts import const, selector
from .structs import Struct

#: Most bytes one read() returns: the buffer f2py hands to PXFREAD.
READ_MAX = BUFFERS["PXFREAD"]["buf"]


def pipe() -> tuple[int, int]:
    """pipe(2) through PXFPIPE: (read end, write end)."""
    r, w, ierror = _fpxf.pxfpipe()
    check(ierror)
    return r, w


def dup(fd: int) -> int:
    """dup(2) through PXFDUP."""
    new, ierror = _fpxf.pxfdup(fd)
    check(ierror)
    return new


def dup2(fd: int, fd2: int) -> int:
    """dup2(2) through PXFDUP2; returns fd2."""
    check(_fpxf.pxfdup2(fd, fd2))
    return fd2


def close(fd: int) -> None:
    """close(2) through PXFCLOSE."""
    check(_fpxf.pxfclose(fd))


def read(fd: int, n: int) -> bytes:
    """read(2) through PXFREAD: at most min(n, READ_MAX) bytes; b'' at end
    of file. A negative n raises OSError(EINVAL)."""
    buf, nread, ierror = _fpxf.pxfread(fd, min(n, READ_MAX))
    check(ierror)
    return buf[:nread].tobytes()


def write(fd: int, data: bytes | str) -> int:
    """write(2) through PXFWRITE: the number of bytes written."""
    raw = encode(data)
    # f2py needs a non-empty array; nbyte says how much of it to write.
    nwritten, ierror = _fpxf.pxfwrite(fd, np.frombuffer(raw or b"\0", dtype=np.int8),
                                      len(raw))
    check(ierror)
    return nwritten


def lseek(fd: int, pos: int, how: int) -> int:
    """lseek(2) through PXFLSEEK, as os.lseek: the new offset. Through the
    default-INTEGER externals: an offset beyond 2**31 - 1 raises
    OverflowError going in and OSError(EOVERFLOW) coming back."""
    return checked(_fpxf.pxflseek(fd, pos, how))


class _HasFileno(Protocol):
    def fileno(self) -> int: ...


def _fd(fd: int | _HasFileno) -> int:
    """A descriptor, or an object's fileno(), as fcntl.fcntl takes them."""
    return fd if isinstance(fd, int) else fd.fileno()


def fcntl(fd: int | _HasFileno, cmd: int | str, arg: int = 0) -> int:
    """fcntl(2) through PXFFCNTL, as fcntl.fcntl with an integer argument:
    CMD (a value, or a name such as "F_GETFL") is F_DUPFD, F_DUPFD_CLOEXEC,
    F_GETFD, F_SETFD, F_GETFL or F_SETFL, and the result is fcntl's. With
    F_GETLK, F_SETLK or F_SETLKW, ARG is a 'flock' handle (Struct.handle);
    getlk/setlk/setlkw do that for you. Other commands raise OSError(EINVAL)."""
    return checked(_fpxf.pxffcntl(_fd(fd), selector(cmd), arg))


class Flock(NamedTuple):
    """The components of a 'flock' structure, as record locks take and
    give them: l_type is F_RDLCK, F_WRLCK or F_UNLCK (pxf.const), the range
    starts l_start bytes from l_whence (os.SEEK_SET, SEEK_CUR or SEEK_END)
    and is l_len bytes long (0: to the end of the file, however it grows);
    l_pid is the holder's pid in what getlk returns (ignored going in)."""
    l_type: int
    l_whence: int = os.SEEK_SET
    l_start: int = 0
    l_len: int = 0
    l_pid: int = 0


def _lock_command(fd: int | _HasFileno, cmd: str, lock: Flock | tuple) -> Flock:
    """PXFFCNTL with command CMD on a 'flock' handle holding LOCK; the
    handle's components afterwards."""
    lock = Flock(*lock)
    with Struct("flock") as s:
        for field, value in zip(Flock._fields, lock):
            s.set_int(field, value)
        while True:
            _, ierror = _fpxf.pxffcntl(_fd(fd), const(cmd), s.handle)
            # Retried after a signal whose handler did not raise, as
            # fcntl.lockf does (PEP 475); PXFFCNTL itself returns EINTR.
            if ierror != errno.EINTR:
                break
        check(ierror)
        return Flock(*(s.get_int(field) for field in Flock._fields))


def getlk(fd: int | _HasFileno, lock: Flock | tuple) -> Flock:
    """F_GETLK: the first lock another process holds that would block
    LOCK, with its holder's l_pid (its l_whence is SEEK_SET), or LOCK with
    l_type F_UNLCK when none would."""
    return _lock_command(fd, "F_GETLK", lock)


def setlk(fd: int | _HasFileno, lock: Flock | tuple) -> None:
    """F_SETLK: take (F_RDLCK, F_WRLCK) or release (F_UNLCK) LOCK at once;
    BlockingIOError (EAGAIN) when another process holds a conflicting one."""
    _lock_command(fd, "F_SETLK", lock)


def setlkw(fd: int | _HasFileno, lock: Flock | tuple) -> None:
    """F_SETLKW: as setlk, waiting for the conflicting locks to go (the GIL
    released meanwhile). A signal handler that raises ends the wait with
    its exception; one that returns lets it go on."""
    _lock_command(fd, "F_SETLKW", lock)
