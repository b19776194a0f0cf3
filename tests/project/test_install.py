"""`meson setup/install --prefix` for HPC use, run as the README shows it: the
library (shared with a
versioned soname, and static), the C headers, the .mod files in a
compiler-tagged directory and pxf.pc; a Fortran program built from the
prefix alone with pkg-config, linked shared and static."""
import errno
import os
import platform
import subprocess
from pathlib import Path

import pytest

from pxf import _config
from support import REPO, run


@pytest.fixture(scope="module")
def prefix(readme_hpc):
    """The prefix the README's HPC commands installed (see conftest)."""
    return readme_hpc.prefix


def test_prefix_layout(prefix):
    tag = _config.COMPILER_TAG
    for f in ["lib/libpxf.so.0", "lib/libpxf.a", "lib/pkgconfig/pxf.pc",
              "include/pxf/pxf.h", "include/pxf/errors.h",
              f"include/pxf/{tag}/pxf.mod", f"include/pxf/{tag}/ifposix.mod"]:
        assert (prefix / f).exists(), f
    assert os.readlink(prefix / "lib/libpxf.so") == "libpxf.so.0"
    _, out, _ = run(["objdump", "-p", prefix / "lib/libpxf.so.0"], check_rc=0)
    assert "SONAME               libpxf.so.0" in out


def pkg_config(prefix, *args):
    env = dict(os.environ, PKG_CONFIG_PATH=str(prefix / "lib/pkgconfig"))
    return run(["pkg-config", *args, "pxf"], env=env, check_rc=0)[1].split()


def test_pkg_config_points_into_prefix(prefix):
    tag = _config.COMPILER_TAG
    cflags = [os.path.realpath(f[2:]) for f in pkg_config(prefix, "--cflags")]
    assert cflags == [str(prefix / "include"), str(prefix / "include/pxf" / tag)]
    assert pkg_config(prefix, "--variable=compiler") == [tag]


def test_program_from_prefix_shared_and_static(prefix, tmp_path):
    src = str(REPO / "examples" / "fork_wait.f90")
    shared = tmp_path / "shared"
    subprocess.run([_config.FC, src, "-o", str(shared),
                    *pkg_config(prefix, "--cflags", "--libs")], check=True)
    rc, out, _ = run([shared])
    assert rc == 0 and "exited with code 42" in out
    static = tmp_path / "static"
    # the libraries libpxf.a needs are the ones pxf.pc says
    private = [f for f in pkg_config(prefix, "--static", "--libs-only-l") if f != "-lpxf"]
    # hwloc is loaded at run time, not linked; dlopen is in libc from glibc 2.34
    glibc = tuple(int(x) for x in platform.libc_ver()[1].split(".")[:2])
    assert private == (["-lpthread"] if glibc >= (2, 34) else ["-ldl", "-lpthread"])
    subprocess.run([_config.FC, *pkg_config(prefix, "--cflags"), src, "-o", str(static),
                    str(prefix / "lib/libpxf.a"), *private], check=True)
    _, ldd, _ = run(["ldd", static], check_rc=0)
    assert "libpxf" not in ldd and "libhwloc" not in ldd
    rc, out, _ = run([static])
    assert rc == 0 and "exited with code 42" in out


def test_pc_names_no_hwloc(prefix):
    """libpxf does not link hwloc (core/numa/hwloc_load.c loads it at run
    time), so pxf.pc neither requires it (Requires.private would make
    `pkg-config --static` name hwloc and libudev, which static links lack)
    nor lists it."""
    env = dict(os.environ, PKG_CONFIG_PATH=str(prefix / "lib/pkgconfig"))
    _, requires, _ = run(["pkg-config", "--print-requires-private", "pxf"], env=env, check_rc=0)
    assert requires == ""
    assert not [f for f in pkg_config(prefix, "--static", "--libs") if "hwloc" in f or "udev" in f]


def fully_static(prefix, tmp_path, name):
    """tests/project/NAME.f90 linked -static as the README shows it."""
    exe = tmp_path / name
    src = Path(__file__).parent / f"{name}.f90"
    subprocess.run([_config.FC, "-static", str(src), "-o", str(exe),
                    *pkg_config(prefix, "--static", "--cflags", "--libs")], check=True)
    _, out, _ = run(["file", "-L", exe], check_rc=0)
    assert "statically linked" in out
    return exe


def kv(out):
    return dict(word.split("=", 1) for word in out.split())


def test_fully_static_program(prefix, tmp_path):
    """`FC -static prog.f90 $(pkg-config --static --cflags --libs pxf)`:
    PXFGETPID, PXFFORK (flushing first: the record before it appears
    once) and PXFWAITPID in a program with no shared library at all."""
    exe = fully_static(prefix, tmp_path, "t_static_full")
    proc = subprocess.Popen([exe], stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    got = kv(out)
    assert out.count("before_fork=1") == 1
    assert got["pid"] == str(proc.pid)
    assert got["child_pid"] == got["child_self"] == got["waited"]
    assert int(got["child_pid"]) > 0
    assert {k: got[k] for k in ("getpid_ierror", "fork_ierror", "wait_ierror", "status")} == {
        "getpid_ierror": "0", "fork_ierror": "0", "wait_ierror": "0", "status": "42"}


@pytest.mark.skipif(not _config.NUMA, reason=_config.NO_NUMA)
def test_static_program_does_not_load_hwloc(prefix, tmp_path):
    """A statically linked program cannot dlopen hwloc safely (glibc would
    load a second libc.so, which must be the very version linked in): the
    machine's topology is ENOSYS there, never a crash, while a topology file
    works; the same libpxf.a in a dynamically linked program loads hwloc."""
    exe = fully_static(prefix, tmp_path, "t_static_numa")
    env = {k: v for k, v in os.environ.items() if k != "PXF_NUMA_TOPOLOGY"}
    _, out, _ = run([exe], env=env, check_rc=0)
    assert kv(out) == {"radgetnum_ierror": str(errno.ENOSYS), "nrads": "-1"}
    topology = tmp_path / "two.topo"
    topology.write_text("rad 0 cpus=0 node=0\nrad 1 cpus=0 node=0\n")
    _, out, _ = run([exe], env=dict(env, PXF_NUMA_TOPOLOGY=str(topology)), check_rc=0)
    assert kv(out) == {"radgetnum_ierror": "0", "nrads": "2"}
    dynamic = tmp_path / "dynamic_numa"
    private = [f for f in pkg_config(prefix, "--static", "--libs-only-l") if f != "-lpxf"]
    subprocess.run([_config.FC, *pkg_config(prefix, "--cflags"),
                    str(Path(__file__).parent / "t_static_numa.f90"), "-o", str(dynamic),
                    str(prefix / "lib/libpxf.a"), *private], check=True)
    _, out, _ = run([dynamic], env=env, check_rc=0)
    assert kv(out)["radgetnum_ierror"] == "0" and int(kv(out)["nrads"]) >= 1


@pytest.mark.skipif(_config.FC_NAME != "gfortran", reason="flang-22 has no -static-pie")
def test_static_pie_program(prefix, tmp_path):
    """-static-pie with libpxf.a named as the README says (pkg-config's
    -Wl,-rpath would make glibc crash it at start): the program runs, and
    as a statically linked one it does not load hwloc."""
    for name in ["t_static_full"] + (["t_static_numa"] if _config.NUMA else []):
        exe = tmp_path / name
        subprocess.run([_config.FC, "-static-pie", *pkg_config(prefix, "--cflags"),
                        str(Path(__file__).parent / f"{name}.f90"), "-o", str(exe),
                        str(prefix / "lib/libpxf.a"), "-lpthread"], check=True)
        assert "static-pie linked" in run(["file", exe], check_rc=0)[1]
        _, out, _ = run([exe], env={"PATH": "/usr/bin:/bin"}, check_rc=0)
        got = kv(out)
        if name == "t_static_full":
            assert (got["status"], got["wait_ierror"]) == ("42", "0")
        else:
            assert got == {"radgetnum_ierror": str(errno.ENOSYS), "nrads": "-1"}


def test_static_link_keeps_the_fork_variants_constants(prefix, tmp_path):
    """rfork and numa register their constants with PXFCONST, and numa its
    structures, from constructors in files nothing names
    (core/consts/consts_internal.h); libpxf.a is one prelinked object, so a
    static program that calls none of their routines still has RFPROC,
    RFTSIGFLAGS(n), RAD_INSIST and 'radset' (docs/consts.md)."""
    import signal
    exe = tmp_path / "static_consts"
    private = [f for f in pkg_config(prefix, "--static", "--libs-only-l") if f != "-lpxf"]
    subprocess.run([_config.FC, *pkg_config(prefix, "--cflags"),
                    str(Path(__file__).parent / "t_static_consts.f90"), "-o", str(exe),
                    str(prefix / "lib/libpxf.a"), *private], check=True)
    assert "libpxf" not in run(["ldd", exe], check_rc=0)[1]
    _, out, _ = run([exe], check_rc=0)
    got = dict(line.split("=", 1) for line in out.split())
    assert got == {"SIGTERM": str(int(signal.SIGTERM)), "RFPROC": "16", "RAD_INSIST": "1",
                   "RFTSIGFLAGS(SIGUSR1)": str(int(signal.SIGUSR1) << 20), "radset": "0"}


LMOD = "/usr/share/lmod/lmod/libexec/lmod"


@pytest.mark.parametrize("kind,subdir", [("lua", "lmod"), ("tcl", "modulefiles")])
def test_module_load_builds_a_program(prefix, tmp_path, kind, subdir):
    """`module load pxf/<version>` (Lmod reads both the Lua and the Tcl
    file) sets up everything a Fortran build needs."""
    import pxf
    modulepath = prefix / "share" / subdir
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LMOD", "_ModuleTable"))}
    env.update(MODULEPATH=str(modulepath), LMOD_ALLOW_ROOT_USE="yes")
    script = (f"eval \"$({LMOD} bash load pxf/{pxf.__version__})\" && "
              f"{_config.FC} -I\"$PXF_MODDIR\" {REPO / 'examples' / 'pipe_pair.f90'} "
              f"-o {tmp_path / 'prog'} -lpxf && {tmp_path / 'prog'} && "
              "echo \"ROOT=$PXF_ROOT\" && echo \"CONFIG=$(pxf-config --prefix)\" && "
              "pkg-config --modversion pxf")
    _, out, err = run(["bash", "-c", script], env=env, check_rc=0)
    assert "child exit status (bytes it read): 24" in out, err
    assert f"ROOT={prefix}" in out
    assert f"CONFIG={prefix}" in out  # the module puts bin/ (pxf-config) on PATH
    assert out.strip().endswith(pxf.__version__)


@pytest.mark.parametrize("target", ["pxf", "pxf_static"])
def test_cmake_find_package(prefix, tmp_path, target):
    """find_package(pxf) from a user's CMake project, with the compiler pxf
    was built with, linking the shared and the static library."""
    build = tmp_path / "build"
    env = dict(os.environ, FC=_config.FC)
    run(["cmake", "-S", Path(__file__).parent / "cmake", "-B", build,
         f"-DCMAKE_PREFIX_PATH={prefix}", f"-DPXF_TARGET={target}",
         f"-DEXAMPLE={REPO / 'examples' / 'pipe_pair.f90'}"], env=env, check_rc=0)
    run(["cmake", "--build", build], env=env, check_rc=0)
    _, out, _ = run([build / "pipe_pair"], check_rc=0)
    assert "child exit status (bytes it read): 24" in out
