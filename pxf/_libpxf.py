"""libpxf itself, for the few C calls that have no PXF routine (the fork
hooks, the hwloc status): the copy the extension already loaded."""
from __future__ import annotations

import ctypes
import functools
import glob
import os

from . import _config


@functools.cache
def libpxf() -> ctypes.CDLL:
    # dlopen of the same file returns the copy the extension already loaded.
    candidates = sorted(glob.glob(os.path.join(_config.LIBDIR, "libpxf.so*")))
    if not candidates:
        raise ImportError(f"pxf: libpxf not found in {_config.LIBDIR}")
    return ctypes.CDLL(candidates[0])
