"""Helpers for the tests: run programs, parse their `key=value` output,
drop privileges for real resource-limit failures."""
from __future__ import annotations

import ctypes
import os
import pwd
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
#: The test directories: one per family (tests/<family>/, the tokens of the
#: routine table) and project/ for what spans the whole project. A Fortran
#: program or C helper sits beside the tests that run it; one that tests of
#: several directories run sits in tests/helpers/.
HELPERS = HERE / "helpers"
REPO = HERE.parent
README = REPO / "README.md"
EXAMPLES = REPO / "examples"
NOBODY = pwd.getpwnam("nobody")
#: Lines a test reports at the end of the run (figures such as case counts).
REPORT: list[str] = []
#: What tools/sanitize.sh sets for every process of its run (the preloaded
#: runtimes, their options and report files).
# Why a multi-threaded program that forks cannot run under the sanitizers
# (pytest.mark.no_sanitizer): the child may hang in its first malloc.
ASAN_FORK_REASON = ("GCC 12's AddressSanitizer does not take its allocator's locks around "
                    "fork: a child of a multi-threaded program can inherit one held by "
                    "another thread and hang in its first malloc (seen: the child waits in "
                    "SizeClassAllocator64::GetFromAllocator under pxf_structcreate); "
                    "glibc's malloc, which the suite runs with, resets its locks in the child")
SANITIZER_ENV = ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS", "PXF_UBSAN_LOG_PATH")


def family_module(family: str, name: str):
    """Test module NAME of tests/FAMILY/ (its fixtures and data), imported the
    way pytest imports it, so a test of another directory can use it even
    when that directory is not collected."""
    import importlib
    d = str(HERE / family)
    if d not in sys.path:
        sys.path.append(d)
    return importlib.import_module(name)


def program_source(filename: str) -> Path:
    """The test program FILENAME (t_io.f90, rfork_cases.c ...): in tests/helpers/
    or in exactly one test directory (test programs have unique names)."""
    found = sorted(HERE.glob(f"*/{filename}"))
    if len(found) != 1:
        raise FileNotFoundError(f"{filename}: {len(found)} test sources of that name "
                                f"under {HERE}/*/ (want exactly one)")
    return found[0]


def sanitizer_env() -> dict[str, str]:
    """The variables of SANITIZER_ENV this run has, for a test that builds
    a process's environment from scratch: without them a process loading
    the sanitized libpxf cannot start."""
    return {k: os.environ[k] for k in SANITIZER_ENV if k in os.environ}


def run(cmd, *, env=None, timeout=60, preexec_fn=None, check_rc=None,
        input=None, cwd=None, **popen):
    """Run a program; return (returncode, stdout, stderr) as text. Other
    keywords (pass_fds, stdin ...) go to subprocess.run."""
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                       env=env, timeout=timeout, preexec_fn=preexec_fn,
                       input=input, cwd=cwd, **popen)
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


def nofile(limit: int):
    """preexec_fn (or a call in a fork): at most LIMIT descriptors, so the
    next open beyond them fails with EMFILE for real."""
    def pre():
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return pre


def error_of(f) -> list | None:
    """[exception type name, errno, filename] of the OSError f() raises, as
    JSON can carry it out of in_fork(); None when it raises none."""
    try:
        f()
    except OSError as e:
        return [type(e).__name__, e.errno, e.filename]
    return None


def in_fork(code):
    """Run CODE (a function of no arguments) in a fork of this process,
    which has pxf loaded (a test that drops to nobody or lowers a limit
    there needs no second interpreter); its result, which must be JSON."""
    import json
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            os.write(w, json.dumps(code()).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def mount_namespace(*mounts):
    """preexec_fn: a private mount namespace (root only) in which each
    (source, target, fstype, flags) of MOUNTS is mounted, so a test can
    change what a path holds for its own child and nobody else (a
    read-only tmpfs for EROFS, a bind-mounted copy of /etc/group ...)."""
    def pre():
        libc = ctypes.CDLL(None, use_errno=True)
        ms_rec, ms_private = 16384, 1 << 18
        if libc.unshare(0x00020000) != 0:            # CLONE_NEWNS
            raise OSError(ctypes.get_errno(), "unshare")
        if libc.mount(None, b"/", None, ms_rec | ms_private, None) != 0:
            raise OSError(ctypes.get_errno(), "mount --make-rprivate /")
        for source, target, fstype, flags in mounts:
            if libc.mount(os.fsencode(source), os.fsencode(target), fstype, flags, None) != 0:
                raise OSError(ctypes.get_errno(), f"mount {source} on {target}")
    return pre


def python_snippet(code: str, **kw):
    """Run Python code in a fresh interpreter that imports this pxf."""
    return run([sys.executable, "-c", code], **kw)


def readme_blocks(lang: str) -> list[str]:
    """The README's fenced code blocks of language LANG, verbatim."""
    return re.findall(rf"^```{lang}\n(.*?)^```$", README.read_text(), flags=re.M | re.S)


def readme_block(first: str) -> str:
    """The one README shell block whose first line starts with FIRST."""
    found = [b for b in readme_blocks("sh") if b.startswith(first)]
    assert len(found) == 1, f"README has {len(found)} sh blocks starting with {first!r}"
    return found[0]


def readme_text(block: str, prefix: Path) -> str:
    """A README block as the tests type it: installing into PREFIX instead
    of /opt/pxf/<version>, with the compiler this pxf was built with in
    place of gfortran."""
    import pxf
    from pxf import _config
    readme_prefix = f"/opt/pxf/{pxf.__version__}"
    assert readme_prefix in block, f"the README's prefix is not {readme_prefix}"
    return re.sub(r"\bgfortran\b", _config.FC, block.replace(readme_prefix, str(prefix)))


def command_lines(block: str) -> list[str]:
    """The command lines of a shell block (blank lines left out)."""
    return [line for line in block.splitlines() if line.strip()]


def source_copy(dest: Path) -> Path:
    """A copy of the source tree without build outputs, for commands that
    build in their working directory."""
    shutil.copytree(REPO, dest, ignore=shutil.ignore_patterns(
        ".git", "build*", ".venv*", ".mesonpy-*", "__pycache__", "*.mod"))
    return dest


def run_shell_lines(lines: list[str], *, cwd, env, after=None, timeout=900):
    """Run LINES in one bash that stops at the first failure, as a user
    would type them; AFTER(i, line) may return a check command to run
    right after line i. Returns (stdout, stderr)."""
    script = ["set -euo pipefail"]
    for i, line in enumerate(lines):
        script.append(line)
        extra = after(i, line) if after else None
        if extra:
            script.append(extra)
    _, out, err = run(["bash", "-c", "\n".join(script)], cwd=cwd, env=env,
                      timeout=timeout, check_rc=0)
    return out, err
