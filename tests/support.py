"""Helpers for the tests: run programs, parse their `key=value` output,
drop privileges for real resource-limit failures."""
from __future__ import annotations

import os
import pwd
import resource
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
FORTRAN = HERE / "fortran"
HELPERS = HERE / "helpers"
REPO = HERE.parent
NOBODY = pwd.getpwnam("nobody")


def run(cmd, *, env=None, timeout=60, preexec_fn=None, check_rc=None,
        input=None, cwd=None):
    """Run a program; return (returncode, stdout, stderr) as text."""
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                       env=env, timeout=timeout, preexec_fn=preexec_fn,
                       input=input, cwd=cwd)
    if check_rc is not None and r.returncode != check_rc:
        raise AssertionError(f"{cmd} exited {r.returncode}, expected {check_rc}\n"
                             f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}")
    return r.returncode, r.stdout, r.stderr


def parse(stdout: str) -> dict[str, str]:
    """The `key=value` lines a test program prints (later keys win)."""
    out = {}
    for line in stdout.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key.strip()] = value
    return out


def as_unprivileged(nproc: int | None = None):
    """preexec_fn: drop to an unprivileged user (nobody when running as
    root), optionally under RLIMIT_NPROC so fork fails for real."""
    def pre():
        if os.getuid() == 0:
            os.setgroups([])
            os.setgid(NOBODY.pw_gid)
            os.setuid(NOBODY.pw_uid)
        if nproc is not None:
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    return pre


def python_snippet(code: str, **kw):
    """Run Python code in a fresh interpreter that imports this pxf."""
    return run([sys.executable, "-c", code], **kw)
