"""Symbolic constants by name (PXFCONST, PXFISCONST) and the language
helpers IPXFLENTRIM and PXFUCOMPARE."""
from __future__ import annotations

from . import _fpxf
from ._errors import PXFError, check
from ._strings import c_bytes, name as c_name


def selector(name: str | int) -> int:
    """A selector given by name (through PXFCONST) or by value, as os's
    sysconf/pathconf take either."""
    return const(name) if isinstance(name, str) else name


def const(name: str) -> int:
    """The value of a constant (EINTR, SIGTERM, WNOHANG, O_CREAT, STDOUT_UNIT,
    ETRUNC ...) through PXFCONST. Unknown names raise PXFError(ENONAME)."""
    value, ierror = _fpxf.pxfconst(c_name(name))
    check(ierror)
    return value


def isconst(name: str) -> bool:
    """True if PXFCONST knows the name (PXFISCONST); False for a name that
    is not ASCII (no constant has one)."""
    try:
        return bool(_fpxf.pxfisconst(c_name(name)))
    except PXFError:
        return False


def lentrim(s: str | bytes) -> int:
    """IPXFLENTRIM: the length of `s` without its trailing blanks (only
    ' ', as Fortran's LEN_TRIM; len(s.rstrip(' ')) for ASCII text)."""
    return _fpxf.ipxflentrim(c_bytes(s))


def ucompare(i1: int, i2: int) -> tuple[int, int]:
    """PXFUCOMPARE on default (32-bit) INTEGERs: (-1, 0 or 1, |i1 - i2|),
    the two compared as C's unsigned int. The difference comes back as
    PXFUCOMPARE gives it, its 32 bits read as a signed INTEGER (it may be
    negative: ucompare(-1, 1) is (1, -2))."""
    return _fpxf.pxfucompare(i1, i2)
