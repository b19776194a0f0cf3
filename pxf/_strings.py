"""Passing strings to and from the f2py routines (bytes, blank-padded)."""
from __future__ import annotations

import os
from collections.abc import Mapping

import numpy as np

from ._errors import check


def encode(s: str | bytes) -> bytes:
    return s if isinstance(s, bytes) else os.fsencode(s)


def decode(b: bytes) -> str:
    return os.fsdecode(b)


def argument(s: str | bytes) -> tuple[bytes, int]:
    """A string argument and its exact length: a positive length keeps
    trailing blanks, which a length of 0 (the 1003.9 'trim' rule) drops."""
    b = encode(s)
    return b, len(b)


def string_array(items) -> tuple[np.ndarray, list[int]]:
    """A list of strings as the fixed-width array f2py passes to Fortran,
    with each element's exact length. Elements are padded with blanks, as
    Fortran strings are (numpy would pad with NULs), so an empty element
    (length 0: trimmed) is empty."""
    encoded = [encode(s) for s in items]
    width = max([len(b) for b in encoded] + [1])
    padded = [b.ljust(width, b" ") for b in encoded]
    return np.array(padded, dtype=f"S{width}"), [len(b) for b in encoded]


def output(value: bytes, length: int, ierror: int) -> bytes:
    """The value of an output string: f2py drops trailing blanks, the
    returned length tells how many belonged to the value. ETRUNC (the
    fixed buffer was too small) raises."""
    check(ierror)
    return value[:length].ljust(length, b" ")


def environment(env) -> list[bytes]:
    """An environment given as a mapping or as NAME=value strings, as the
    NAME=value byte strings the exec and spawn routines take."""
    if isinstance(env, Mapping):
        return [encode(k) + b"=" + encode(v) for k, v in env.items()]
    return [encode(e) for e in env]
