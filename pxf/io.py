"""Descriptor I/O: pipe, pipe2, dup, dup2, close, read, write, lseek; fcntl and
record locks."""
from __future__ import annotations

import errno
import operator
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


def _set_inheritable(fd: int, inheritable: bool) -> None:
    """FD_CLOEXEC on or off through PXFFCNTL(F_SETFD), FD_CLOEXEC being
    the only descriptor flag."""
    checked(_fpxf.pxffcntl(fd, const("F_SETFD"), 0 if inheritable else const("FD_CLOEXEC")))


def _close_after(fds: tuple[int, ...], step) -> None:
    """Run STEP; if it raises, close FDS first, so a failed call leaks no
    descriptor."""
    try:
        step()
    except BaseException:
        for fd in fds:
            _fpxf.pxfclose(fd)
        raise


def pipe() -> tuple[int, int]:
    """pipe(2) through PXFPIPE, as os.pipe: (read end, write end), both
    non-inheritable (PEP 446), so an exec does not pass them on
    (os.set_inheritable or pipe2(0) for inheritable ones).

    PXFPIPE has no flags (pipe2 is not in 1003.9), so FD_CLOEXEC is set
    through PXFFCNTL(F_SETFD) just after the call, not atomically: a
    process another thread forks and execs in between inherits the two
    ends."""
    return pipe2(const("O_CLOEXEC"))


def pipe2(flags: int) -> tuple[int, int]:
    """A pipe with FLAGS, as os.pipe2: O_CLOEXEC (non-inheritable ends)
    and O_NONBLOCK, or 0 (inheritable, blocking). Through PXFPIPE and
    then PXFFCNTL (F_SETFD, F_SETFL) on each end, so not atomically as
    pipe2(2) is (see pipe). Other flags raise OSError(EINVAL) with no
    pipe made (O_DIRECT, which pipe2(2) takes, cannot be set afterwards)."""
    flags = operator.index(flags)
    cloexec, nonblock = const("O_CLOEXEC"), const("O_NONBLOCK")
    if flags & ~(cloexec | nonblock):
        check(errno.EINVAL)
    r, w, ierror = _fpxf.pxfpipe()
    check(ierror)

    def set_flags() -> None:
        for fd in (r, w):
            if flags & cloexec:
                _set_inheritable(fd, False)
            if flags & nonblock:
                fcntl(fd, "F_SETFL", fcntl(fd, "F_GETFL") | nonblock)
    _close_after((r, w), set_flags)
    return r, w


def dup(fd: int) -> int:
    """A duplicate of FD, as os.dup: the lowest free descriptor,
    non-inheritable (PEP 446). Atomically, through PXFFCNTL(F_DUPFD_CLOEXEC)
    (PXFDUP makes an inheritable one, and setting the flag afterwards
    would leave a window). OSError as dup(2): EBADF, EMFILE."""
    return checked(_fpxf.pxffcntl(operator.index(fd), const("F_DUPFD_CLOEXEC"), 0))


def dup2(fd: int, fd2: int, inheritable: bool = True) -> int:
    """dup2(2) through PXFDUP2, as os.dup2: FD2 becomes a duplicate of FD,
    inheritable by default (as dup2(2) makes it); returns fd2. With
    inheritable=False FD_CLOEXEC is set through PXFFCNTL(F_SETFD) just
    after the call, not atomically as os.dup2 does with dup3(2) (PXFDUP2
    has no flags; see pipe), and fd == fd2 raises OSError(EINVAL) as
    dup3(2) and os.dup2 do."""
    fd, fd2 = operator.index(fd), operator.index(fd2)
    if not inheritable and fd == fd2:
        check(errno.EINVAL)
    check(_fpxf.pxfdup2(fd, fd2))
    if not inheritable:
        _close_after((fd2,), lambda: _set_inheritable(fd2, False))
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
