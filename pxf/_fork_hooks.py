"""Make every fork the library performs keep the interpreter sound.

os.fork() runs PyOS_BeforeFork() before the fork and PyOS_AfterFork_Parent()
or PyOS_AfterFork_Child() after it (import lock, threading state,
os.register_at_fork handlers). The C core runs hooks at exactly those points
for every fork variant; this module installs the interpreter's functions
there once, when pxf is imported. The calls into the extension hold the
GIL, as those functions require.
"""
from __future__ import annotations

import ctypes

from ._libpxf import libpxf


#: True once the interpreter's fork steps are installed in libpxf.
installed = False


def install() -> None:
    global installed
    lib = libpxf()
    api = ctypes.pythonapi
    hooks = [ctypes.cast(f, ctypes.c_void_p) for f in
             (api.PyOS_BeforeFork, api.PyOS_AfterFork_Parent,
              api.PyOS_AfterFork_Child)]
    lib.pxf_set_fork_hooks.argtypes = [ctypes.c_void_p] * 3
    lib.pxf_set_fork_hooks.restype = None
    lib.pxf_set_fork_hooks(*hooks)
    installed = True
