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


# os's module constants for what pxf's functions take (waitpid's options,
# open's flags, access's modes, lseek's whence), so pxf.WNOHANG works where
# os.WNOHANG does. The values are PXFCONST's, read when pxf is imported, so
# they are the library's (and equal to os's: tests/consts). Only POSIX
# names, which every build's table has.
WNOHANG = const("WNOHANG")
WUNTRACED = const("WUNTRACED")
WCONTINUED = const("WCONTINUED")
O_RDONLY = const("O_RDONLY")
O_WRONLY = const("O_WRONLY")
O_RDWR = const("O_RDWR")
O_ACCMODE = const("O_ACCMODE")
O_APPEND = const("O_APPEND")
O_CREAT = const("O_CREAT")
O_EXCL = const("O_EXCL")
O_TRUNC = const("O_TRUNC")
O_NOCTTY = const("O_NOCTTY")
O_NONBLOCK = const("O_NONBLOCK")
O_SYNC = const("O_SYNC")
O_DSYNC = const("O_DSYNC")
O_CLOEXEC = const("O_CLOEXEC")
O_DIRECTORY = const("O_DIRECTORY")
O_NOFOLLOW = const("O_NOFOLLOW")
F_OK = const("F_OK")
R_OK = const("R_OK")
W_OK = const("W_OK")
X_OK = const("X_OK")
SEEK_SET = const("SEEK_SET")
SEEK_CUR = const("SEEK_CUR")
SEEK_END = const("SEEK_END")

#: The names above, for pxf/__init__.py's __all__ and the tests.
OS_CONSTANTS = ("WNOHANG", "WUNTRACED", "WCONTINUED", "O_RDONLY", "O_WRONLY", "O_RDWR",
                "O_ACCMODE", "O_APPEND", "O_CREAT", "O_EXCL", "O_TRUNC", "O_NOCTTY",
                "O_NONBLOCK", "O_SYNC", "O_DSYNC", "O_CLOEXEC", "O_DIRECTORY", "O_NOFOLLOW",
                "F_OK", "R_OK", "W_OK", "X_OK", "SEEK_SET", "SEEK_CUR", "SEEK_END")
