"""Directory streams (1003.9 clause 5.1) through PXFOPENDIR, PXFREADDIR,
PXFREWINDDIR and PXFCLOSEDIR.

listdir() is os.listdir's; opendir() ... closedir() mirror the routines:
a stream is an int id, readdir() returns the next entry as a
Dirent(name, ino), or None at the end of the stream (as a file's read()
returns b'' at its end: the end is no error). Failures raise the OSError
subclass os would (FileNotFoundError ... with the file name), an id that
names no open stream PXFError(EBADID)."""
from __future__ import annotations

import os
from typing import NamedTuple

from . import _fpxf
from ._errors import EEND, check
from ._strings import argument, decode, output
from .structs import Struct, int_get, struct_free

PathLike = str | bytes | os.PathLike


class Dirent(NamedTuple):
    """A directory entry: its name (in the file-system encoding, as os
    decodes names) and its inode number (d_ino, what os.DirEntry.inode()
    gives)."""
    name: str
    ino: int


def opendir(path: PathLike = ".") -> int:
    """opendir(3) through PXFOPENDIR: the stream's id, a small int (the
    lowest free one). Close it with closedir()."""
    dirid, ierror = _fpxf.pxfopendir(*argument(os.fspath(path)))
    check(ierror, os.fspath(path))
    return dirid


def _name(handle: int) -> bytes:
    value, ilen, ierror = _fpxf.pxfstrget(handle, b"d_name")
    return output(value, ilen, ierror)


def _next(dirid: int, handle: int) -> bool:
    """PXFREADDIR into a 'dirent' handle the caller holds (Intel's form):
    False at the end of the stream."""
    _, ierror = _fpxf.pxfreaddir(dirid, handle)
    if ierror == EEND:
        return False
    check(ierror)
    return True


def readdir(dirid: int) -> Dirent | None:
    """readdir(3) through PXFREADDIR in Cray's form (the routine makes the
    'dirent' instance): the next entry, '.' and '..' included, or None at
    the end of the stream (and after it, until rewinddir())."""
    handle, ierror = _fpxf.pxfreaddir(dirid, 0)
    if ierror == EEND:
        return None
    check(ierror)
    try:
        return Dirent(decode(_name(handle)), int_get(handle, "d_ino"))
    finally:
        struct_free(handle)


def rewinddir(dirid: int) -> None:
    """rewinddir(3) through PXFREWINDDIR: the stream starts again."""
    check(_fpxf.pxfrewinddir(dirid))


def closedir(dirid: int) -> None:
    """closedir(3) through PXFCLOSEDIR: the id is free again."""
    check(_fpxf.pxfclosedir(dirid))


def listdir(path: PathLike = ".") -> list[str] | list[bytes]:
    """The names in a directory, as os.listdir: in the order the directory
    gives them, without '.' and '..'; bytes for a bytes path, else str.
    (A descriptor in place of a path, which os.listdir also takes, is not
    supported.)"""
    raw = isinstance(os.fspath(path), bytes)
    dirid = opendir(path)
    names = []
    try:
        with Struct("dirent") as entry:
            while _next(dirid, entry.handle):
                name = _name(entry.handle)
                if name not in (b".", b".."):
                    names.append(name if raw else decode(name))
    finally:
        closedir(dirid)
    return names

