"""The process environment: getenv, setenv, clearenv, uname."""
from __future__ import annotations

import errno
from typing import NamedTuple

from . import _fpxf
from ._errors import check
from ._strings import argument, decode, output
from .structs import Struct


def getenv(name: str, default: str | None = None) -> str | None:
    """getenv(3) through PXFGETENV: the value, or `default` when the
    variable is unset. An empty name or one containing '=' raises
    OSError(EINVAL)."""
    b, n = argument(name)
    value, lenval, ierror = _fpxf.pxfgetenv(b, n)
    valid = len(b) > 0 and b"=" not in b
    if ierror == errno.EINVAL and valid:
        return default  # PXFGETENV reports an unset variable as EINVAL
    return decode(output(value, lenval, ierror))


def setenv(name: str, value: str, overwrite: bool = True) -> None:
    """setenv(3) through PXFSETENV; overwrite=False keeps an existing value.
    Values are taken exactly, trailing blanks included."""
    nb, nn = argument(name)
    vb, vn = argument(value)
    check(_fpxf.pxfsetenv(nb, nn, vb, vn, 1 if overwrite else 0))


def clearenv() -> None:
    """clearenv(3) through PXFCLEARENV: remove every variable."""
    check(_fpxf.pxfclearenv())


class UnameResult(NamedTuple):
    sysname: str
    nodename: str
    release: str
    version: str
    machine: str


def uname() -> UnameResult:
    """uname(2) through PXFUNAME and a 'utsname' structure handle."""
    with Struct("utsname") as s:
        check(_fpxf.pxfuname(s.handle))
        return UnameResult(*(s.get_str(f) for f in UnameResult._fields))
