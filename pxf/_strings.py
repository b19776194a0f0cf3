"""Passing strings to and from the f2py routines (bytes, blank-padded)."""
from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np

from ._errors import ENONAME, check


def encode(s: str | bytes) -> bytes:
    """Bytes as given; text in the file-system encoding (as os does)."""
    return s if isinstance(s, bytes) else os.fsencode(s)


def c_bytes(s: str | bytes) -> bytes:
    """A string argument as bytes. f2py hands strings on as C strings, which
    would silently end at a NUL: an embedded NUL raises ValueError, as in
    os."""
    b = encode(s)
    if b"\0" in b:
        raise ValueError("embedded null byte")
    return b


def name(s: str | bytes) -> bytes:
    """A constant, structure or component name. Every name the library
    knows is ASCII, so another name is PXFError(ENONAME); a NUL raises
    ValueError as for any string."""
    if isinstance(s, str):
        try:
            s = s.encode("ascii")
        except UnicodeEncodeError:
            check(ENONAME)
    return c_bytes(s)


def decode(b: bytes) -> str:
    return os.fsdecode(b)


def argument(s: str | bytes) -> tuple[bytes, int]:
    """A string argument and its exact length: a positive length keeps
    trailing blanks, which a length of 0 (the 1003.9 'trim' rule) drops."""
    b = c_bytes(s)
    return b, len(b)


def string_array(items) -> tuple[np.ndarray, list[int], int]:
    """A list of strings as the fixed-width array f2py passes to Fortran,
    each element's exact length, and the count. Elements are padded with
    blanks, as Fortran strings are (numpy would pad with NULs), so an empty
    element (length 0: trimmed) is empty. f2py cannot pass an empty array:
    an empty list goes as one unused element with the count 0."""
    encoded = [c_bytes(s) for s in items]
    width = max([len(b) for b in encoded] + [1])
    padded = [b.ljust(width, b" ") for b in encoded] or [b" "]
    lens = [len(b) for b in encoded] or [0]
    return np.array(padded, dtype=f"S{width}"), lens, len(encoded)


def arguments(args, who: str) -> tuple[np.ndarray, list[int], int]:
    """argv for the exec and spawn routines. As os requires, at least one
    element, the first not empty: ValueError otherwise, with os's message
    for the same call (WHO: "execv() arg 2", "execve: argv" ...)."""
    args = list(args)
    if not args:
        raise ValueError(f"{who} must not be empty")
    if not encode(args[0]):
        raise ValueError(f"{who} first element cannot be empty")
    return string_array(args)


def output(value: bytes, length: int, ierror: int) -> bytes:
    """The value of an output string: f2py drops trailing blanks, the
    returned length tells how many belonged to the value. ETRUNC (the
    fixed buffer was too small) raises."""
    check(ierror)
    return value[:length].ljust(length, b" ")


def environment(env) -> tuple[np.ndarray, list[int], int]:
    """An environment given as a mapping or as NAME=value strings, as the
    array of NAME=value strings the exec and spawn routines take. Empty is
    allowed; a name with '=' in a mapping raises ValueError, as in os."""
    if isinstance(env, Mapping):
        pairs = []
        for k, v in env.items():
            kb = c_bytes(k)
            if not kb or b"=" in kb:
                raise ValueError("illegal environment variable name")
            pairs.append(kb + b"=" + c_bytes(v))
        return string_array(pairs)
    return string_array(list(env))
