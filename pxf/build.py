"""Compile Fortran programs against this installation of pxf.

Used by the ``pxf`` command (``pxf run``, ``pxf config``) and by the tests.
The compiler is the one the library was built with: .mod files are tied to
one compiler and version.
"""
from __future__ import annotations

import os
import shutil
import subprocess

from . import _config


class BuildError(Exception):
    """A program could not be compiled; the message is one clear line."""


def fc() -> str:
    """The Fortran compiler: the one pxf was built with, or $PXF_FC (an MPI
    wrapper around that same compiler, say)."""
    return os.environ.get("PXF_FC", _config.FC)


def fflags() -> list[str]:
    return ["-I" + _config.MODDIR]


def libs() -> list[str]:
    return ["-L" + _config.LIBDIR, "-Wl,-rpath," + _config.LIBDIR, "-lpxf"]


def compile_command(sources: list[str], output: str,
                    extra: list[str] | None = None) -> list[str]:
    return [fc(), *fflags(), *(extra or []), *sources, "-o", output, *libs()]


def compile_program(sources: list[str], output: str,
                    extra: list[str] | None = None,
                    capture: bool = False) -> subprocess.CompletedProcess:
    """Compile and link `sources` into `output`; BuildError on failure.

    With capture=True the compiler's messages are returned instead of
    going to this process's stderr."""
    for src in sources:
        if not os.path.isfile(src):
            raise BuildError(f"no such file: {src}")
    if shutil.which(fc()) is None:
        origin = "from PXF_FC" if "PXF_FC" in os.environ else "the compiler pxf was built with"
        raise BuildError(f"Fortran compiler not found: {fc()} ({origin})")
    cmd = compile_command(sources, output, extra)
    result = subprocess.run(cmd, capture_output=capture, text=True)
    if result.returncode != 0:
        detail = (result.stderr or "").strip().splitlines()
        where = f": {detail[0]}" if capture and detail else ""
        raise BuildError(f"compiling {' '.join(sources)} with {os.path.basename(fc())} "
                         f"failed (exit status {result.returncode}){where}")
    return result
