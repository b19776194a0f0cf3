"""rfork and spawn (docs/rfork.md), through PXFRFORK and PXFSPAWN*.

The RF* flags are module constants with FreeBSD's values, read from the
library (PXFCONST), so Python and Fortran agree by construction.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import _fpxf
from ._errors import check
from ._strings import argument, arguments, environment
from .consts import const
from .process import _flush_python

RFFDG = const("RFFDG")
RFPROC = const("RFPROC")
RFMEM = const("RFMEM")
RFNOWAIT = const("RFNOWAIT")
RFCFDG = const("RFCFDG")
RFTHREAD = const("RFTHREAD")
RFSIGSHARE = const("RFSIGSHARE")
RFLINUXTHPN = const("RFLINUXTHPN")
RFTSIGZMB = const("RFTSIGZMB")
RFSPAWN = const("RFSPAWN")


def RFTSIGFLAGS(signum: int) -> int:  # noqa: N802 (the C macro's name)
    """The flag bits that make RFTSIGZMB send `signum` at the child's exit
    (0: no signal). Signals above 64 raise OSError(EINVAL)."""
    return const(f"RFTSIGFLAGS({int(signum)})")


def rfork(flags: int) -> int:
    """FreeBSD rfork(2) through PXFRFORK: 0 in the child, the child's pid in
    the parent, 0 without RFPROC. Buffers are flushed and the interpreter's
    fork steps run as for os.fork(). RFMEM children need a stack of their
    own, which Python cannot give: OSError(ENOTSUP)."""
    _flush_python()
    pid, ierror = _fpxf.pxfrfork(flags)
    check(ierror)
    return pid


def spawn(path: str | bytes, args: Iterable[str | bytes],
          env: Mapping[str, str] | Iterable[str] | None = None) -> int:
    """Start the program at `path` with RFSPAWN semantics (PXFSPAWN, or
    PXFSPAWNE with env, a mapping or NAME=value strings) and return its pid;
    wait for it with waitpid. The cost does not grow with this process's
    memory. An exec failure raises OSError (FileNotFoundError,
    PermissionError ...) and leaves no child. An empty ARGS, or an empty
    first element, raises ValueError, as os.posix_spawn does."""
    p, n = argument(path)
    argv, lens, argc = arguments(args, "spawn: argv")
    _flush_python()
    if env is None:
        pid, ierror = _fpxf.pxfspawn(p, n, argv, lens, iargc=argc)
    else:
        envv, envlens, envc = environment(env)
        pid, ierror = _fpxf.pxfspawne(p, n, argv, lens, envv, envlens, iargc=argc,
                                      ienvc=envc)
    check(ierror, filename=path)
    return pid


def spawnp(file: str | bytes, args: Iterable[str | bytes]) -> int:
    """spawn() with a PATH search for `file` (PXFSPAWNP)."""
    p, n = argument(file)
    argv, lens, argc = arguments(args, "spawnp: argv")
    _flush_python()
    pid, ierror = _fpxf.pxfspawnp(p, n, argv, lens, iargc=argc)
    check(ierror, filename=file)
    return pid
