"""Descriptor I/O: pipe, dup, dup2, close, read, write."""
from __future__ import annotations

import numpy as np

from . import _fpxf
from ._errors import check, checked
from ._routines import BUFFERS
from ._strings import encode

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
