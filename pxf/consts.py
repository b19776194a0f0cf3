"""Symbolic constants by name (PXFCONST, PXFISCONST)."""
from __future__ import annotations

from . import _fpxf
from ._errors import check


def const(name: str) -> int:
    """The value of a constant (EINTR, SIGTERM, WNOHANG, O_CREAT, STDOUT_UNIT,
    ETRUNC ...) through PXFCONST. Unknown names raise PXFError(ENONAME)."""
    value, ierror = _fpxf.pxfconst(name)
    check(ierror)
    return value


def isconst(name: str) -> bool:
    """True if PXFCONST knows the name (PXFISCONST)."""
    return bool(_fpxf.pxfisconst(name))
