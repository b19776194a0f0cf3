"""Fixtures: test programs compiled once per session against the installed
pxf with the compiler it was built with, and a guard that no test leaves a
process behind."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

import pxf
from pxf import _config, build
from support import (EXAMPLES, HELPERS, REPORT, command_lines, parse, readme_block,
                     readme_text, run, run_shell_lines, source_copy, program_source)


# A build without hwloc has no NUMA family (meson.build), so nothing in
# tests/numa/ applies to it; tests/project/test_build_without_numa.py checks
# such a build from any build.
collect_ignore = [] if _config.NUMA else ["numa"]


def pytest_terminal_summary(terminalreporter):
    for line in REPORT:
        terminalreporter.write_line(line)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "errno(routine, errno, ...): the test makes ROUTINE fail with each "
        "ERRNO for real and asserts the exact value (docs/errno-coverage.md)")
    config.addinivalue_line(
        "markers", "no_sanitizer(reason): the test cannot run with the ASan and UBSan "
        "runtimes preloaded; tools/sanitize.sh deselects it")
    # A misspelt marker would silently cover nothing: unknown ones are errors.
    config.addinivalue_line("filterwarnings", "error::pytest.PytestUnknownMarkWarning")


def pytest_report_header(config):
    return (f"pxf {pxf.__version__} from {Path(pxf.__file__).parent}, "
            f"built with {_config.FC_NAME} {_config.FC_VERSION}")


@pytest.fixture(scope="session")
def workdir():
    """A directory every user can read, so programs can also run as nobody."""
    d = Path(tempfile.mkdtemp(prefix="pxf-tests-"))
    d.chmod(0o755)
    yield d
    shutil.rmtree(d, ignore_errors=True)


def _private_libdir(workdir: Path) -> Path:
    """A world-readable copy of libpxf in WORKDIR: programs that drop to
    nobody must load the library without entering the installation, which
    may sit under a home directory nobody cannot enter (mode 700)."""
    lib = workdir / "lib"
    lib.mkdir(mode=0o755)
    for f in Path(_config.LIBDIR).glob("libpxf.so*"):
        shutil.copy2(f, lib / f.name, follow_symlinks=False)
    if not list(lib.iterdir()):
        raise RuntimeError(f"no libpxf.so* in {_config.LIBDIR}")
    return lib


class Programs:
    """Builds each test program once per session and runs it. Programs find
    libpxf in the session's world-readable copy first (see _private_libdir);
    it is the installed library, byte for byte."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.rpath = "-Wl,-rpath," + str(_private_libdir(workdir))
        self.built: dict[str, Path] = {}

    def fortran(self, name: str) -> Path:
        if name not in self.built:
            exe = self.workdir / name
            build.compile_program([str(program_source(f"{name}.f90"))], str(exe),
                                  extra=[self.rpath, "-I" + str(HELPERS)])
            self.built[name] = exe
        return self.built[name]

    def c(self, name: str, *libs: str) -> Path:
        key = "c:" + name
        if key not in self.built:
            exe = self.workdir / name
            subprocess.run(["cc", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Werror",
                            "-I" + _config.INCDIR, "-I" + str(HELPERS),
                            str(program_source(f"{name}.c")),
                            "-o", str(exe), "-L" + _config.LIBDIR, self.rpath,
                            "-Wl,-rpath," + _config.LIBDIR, *libs, "-pthread"],
                           check=True)
            self.built[key] = exe
        return self.built[key]

    def run(self, name: str, *args, rc=0, **kw) -> dict[str, str]:
        """Run Fortran program NAME with args; check its exit status; return
        its parsed `key=value` output."""
        _, out, _ = run([self.fortran(name), *args], check_rc=rc, **kw)
        return parse(out)


@pytest.fixture(scope="session")
def programs(workdir):
    return Programs(workdir)


def _children() -> set[int]:
    pids = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            pids.update(int(p) for p in (task / "children").read_text().split())
        except FileNotFoundError:
            pass
    return pids


@pytest.fixture(autouse=True)
def no_leftover_processes():
    """A test that forks must reap every child it made."""
    before = _children()
    yield
    left = _children() - before
    for pid in left:  # clean up so one failure does not cascade
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    assert not left, f"test left child processes behind: {sorted(left)}"


@pytest.fixture(scope="session")
def readme_hpc(tmp_path_factory):
    """The README's HPC path, run line by line as written, into a private
    prefix: the build prerequisites (tools/install-deps.sh, tools/venv.sh
    into ~/pxf-build-env under a fresh HOME, PATH), then meson setup and
    install from a copy of the source tree, pkg-config, and the shared and
    static builds of prog.f90 (examples/fork_wait.f90), each program run
    right after it is built."""
    tmp = tmp_path_factory.mktemp("readme-hpc")
    src, home, prefix = source_copy(tmp / "src"), tmp / "home", tmp / "prefix"
    home.mkdir()
    shutil.copy(EXAMPLES / "fork_wait.f90", src / "prog.f90")
    env = dict(os.environ, HOME=str(home),
               PIP_CACHE_DIR=os.environ.get("PIP_CACHE_DIR",
                                            os.path.expanduser("~/.cache/pip")))
    env.pop("PKG_CONFIG_PATH", None)
    lines = command_lines(readme_block("tools/install-deps.sh")) + command_lines(
        readme_text(readme_block("FC=gfortran meson setup"), prefix))

    def run_each_program(i, line):
        if line.startswith(_config.FC + " "):
            return f"cp a.out prog{i}; ./a.out > prog{i}.out"
        return None

    run_shell_lines(lines, cwd=src, env=env, after=run_each_program)
    built = sorted(src.glob("prog[0-9]*.out"), key=lambda out: int(out.stem[4:]))
    return SimpleNamespace(prefix=prefix, lines=lines,
                           programs=[out.with_suffix("") for out in built])


@pytest.fixture
def unrunnable(tmp_path):
    """A path each exec error is the kernel's answer to (the exec and
    spawn routines' tests)."""
    plain = tmp_path / "plain.txt"
    plain.write_text("not a program\n")
    plain.chmod(0o644)
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"\x7fNOT-ELF\x00\x01\x02" * 10)
    garbage.chmod(0o755)
    loop = tmp_path / "loop-a"
    loop.symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(loop)
    busy = tmp_path / "open-for-writing"
    busy.write_text("#!/bin/sh\nexit 0\n")
    busy.chmod(0o755)
    with open(busy, "a"):  # held open: exec gives ETXTBSY
        yield {"ENOENT": tmp_path / "missing", "EACCES": plain, "ENOEXEC": garbage,
               "ENOTDIR": plain / "below-a-file",
               "ENAMETOOLONG": tmp_path / ("n" * 300),  # a component > NAME_MAX
               "ELOOP": loop, "ETXTBSY": busy}
