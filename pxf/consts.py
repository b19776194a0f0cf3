"""Symbolic constants by name (PXFCONST, PXFISCONST)."""
from __future__ import annotations

from . import _fpxf
from ._errors import PXFError, check
from ._strings import name as c_name


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
