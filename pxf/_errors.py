"""The one place where a PXF ierror becomes a Python exception."""
from __future__ import annotations

import os

# The 1003.9 codes and their messages, generated from <pxf/errors.h>.
from ._errcodes import (CODES as PXF_CODES, EARRAYLEN, EBADHANDLE,  # noqa: F401
                        EBADID, EEND, ENOHANDLE, ENONAME, ETRUNC)


class PXFError(OSError):
    """An IEEE 1003.9 error (ENONAME, ETRUNC, EBADHANDLE ...).

    ``errno`` holds the number, ``name`` the code's name."""

    @property
    def name(self) -> str:
        return PXF_CODES[self.errno][0]


def checked(result: tuple):
    """The outputs of an _fpxf call whose last output is ierror, after
    check(): the one value, or a tuple of them."""
    *values, ierror = result
    check(ierror)
    return values[0] if len(values) == 1 else tuple(values)


def check(ierror: int, filename=None, filename2=None) -> None:
    """Raise the exception for a nonzero ierror: PXFError for a 1003.9 code,
    otherwise OSError(errno, strerror), which Python turns into the matching
    subclass (ChildProcessError, FileNotFoundError ...), with the file
    name(s) as os gives them."""
    if ierror == 0:
        return
    names = () if filename is None else (filename,) if filename2 is None else \
        (filename, None, filename2)
    if ierror in PXF_CODES:
        name, text = PXF_CODES[ierror]
        raise PXFError(ierror, f"{name}: {text}", *names)
    raise OSError(ierror, os.strerror(ierror), *names)
