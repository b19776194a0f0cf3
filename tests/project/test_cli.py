"""The pxf command (run, config, info), the pkg-config file, and the
examples, run the way a user runs them."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pxf
from pxf import _config
from support import EXAMPLES, REPO, family_module, run

HERE = Path(__file__).parent  # t_cli.f90, t_broken.f90, cmake/

PXF = [sys.executable, "-m", "pxf"]


def test_run_passes_args_and_exit_status():
    rc, out, err = run([*PXF, "run", HERE / "t_cli.f90", "--", "3", "two words"])
    assert rc == 3, err
    assert out.splitlines() == ["arg1=3", "arg2=two words"]


def test_run_success():
    rc, out, _ = run([*PXF, "run", HERE / "t_cli.f90", "--", "0"])
    assert rc == 0 and out == "arg1=0\n"


def test_run_missing_file(tmp_path):
    rc, out, err = run([*PXF, "run", tmp_path / "nope.f90"])
    assert rc != 0 and out == ""
    assert err == f"pxf: error: no such file: {tmp_path / 'nope.f90'}\n"


def test_run_compile_error():
    rc, _, err = run([*PXF, "run", HERE / "t_broken.f90"])
    assert rc == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"pxf: error: compiling {HERE / 't_broken.f90'} with "
                           f"{os.path.basename(_config.FC)} failed (exit status ")


def test_run_without_the_compiler():
    env = dict(os.environ, PXF_FC="/nonexistent/bin/gfortran")
    rc, _, err = run([*PXF, "run", HERE / "t_cli.f90"], env=env)
    assert rc != 0
    assert err == ("pxf: error: Fortran compiler not found: /nonexistent/bin/gfortran "
                   "(from PXF_FC)\n")


def test_config_flags_build_a_program(tmp_path):
    def cfg(flag):
        return run([*PXF, "config", flag], check_rc=0)[1].strip()
    assert cfg("--fc") == _config.FC
    assert cfg("--moddir") == _config.MODDIR
    assert os.path.isfile(os.path.join(cfg("--moddir"), "pxf.mod"))
    exe = tmp_path / "fork_wait"
    subprocess.run([cfg("--fc"), *cfg("--fflags").split(), str(EXAMPLES / "fork_wait.f90"),
                    "-o", str(exe), *cfg("--libs").split()], check=True)
    rc, out, _ = run([exe])
    assert rc == 0 and "exited with code 42" in out


def test_pkg_config_builds_a_program(tmp_path):
    env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(_config.LIBDIR, "pkgconfig"))
    flags = run(["pkg-config", "--cflags", "--libs", "pxf"], env=env, check_rc=0)[1].split()
    assert "-I" + os.path.realpath(_config.MODDIR) in [
        "-I" + os.path.realpath(f[2:]) for f in flags if f.startswith("-I")]
    exe = tmp_path / "env_example"
    subprocess.run([_config.FC, str(EXAMPLES / "env.f90"), "-o", str(exe), *flags], check=True)
    rc, out, _ = run([exe])
    assert rc == 0 and out.startswith('PXF_DEMO = "a value with a trailing blank ", length 30')


def test_c_headers_and_library(tmp_path):
    src = tmp_path / "c_use.c"
    src.write_text('#include <pxf/pxf.h>\n#include <stdio.h>\n'
                   'int main(void) { long long v; int e = pxf_const("ETRUNC", &v);\n'
                   '  printf("%d %lld %s\\n", e, v, pxf_strerror(PXF_EBADHANDLE)); return 0; }\n')
    exe = tmp_path / "c_use"
    subprocess.run(["cc", str(src), "-I" + _config.INCDIR, "-o", str(exe),
                    "-L" + _config.LIBDIR, "-Wl,-rpath," + _config.LIBDIR, "-lpxf"], check=True)
    _, out, _ = run([exe], check_rc=0)
    assert out == "0 4852 EBADHANDLE: invalid, freed, stale or wrong-type structure handle\n"


def test_info_reports_build():
    _, out, _ = run([*PXF, "info"], check_rc=0)
    assert out.startswith(f"pxf {pxf.__version__}\ncompiler: {_config.FC_NAME} {_config.FC_VERSION}")
    assert "routines: all present" in out
    assert "PXFFORK" in out and "PXFSTRUCTCREATE" in out


def test_info_routines_lists_implemented_and_planned():
    """`pxf info --routines`: by family, the rows of the routine table this
    build has and the catalog routines of fortran/catalog_planned.py."""
    sys.path.insert(0, str(REPO / "tools"))
    import gen_reference
    table = gen_reference.load(REPO, "pxf_table")
    planned = gen_reference.load(REPO, "catalog_planned")
    from pxf import _routines
    # the families this build has (numa only with hwloc)
    built = [f for f in table.FAMILY_ORDER if f in _routines.FAMILIES]
    rows = [r for r in table.ROUTINES if r.family in built]
    expected = [f"routines: {len(rows)} implemented, {len(planned.PLANNED)} planned "
                "(in the PXF catalog, not implemented yet)"]
    titles = {f: table.FAMILIES[f] for f in built} | planned.FAMILY_TITLES
    for fam, title in titles.items():
        done = [r.name for r in rows if r.family == fam]
        todo = [p.name for p in planned.PLANNED if p.family == fam]
        expected.append(f"{fam} ({title}): {len(done)} implemented, {len(todo)} planned")
        if done:
            expected.append("  implemented: " + " ".join(done))
        if todo:
            expected.append("  planned: " + " ".join(todo))
    _, out, err = run([*PXF, "info", "--routines"], check_rc=0)
    assert out.splitlines() == expected and err == ""
    # neither list is empty by accident
    assert rows and any(line.startswith("  planned: ") for line in expected)


def test_info_shows_the_rads():
    _, out, _ = run([*PXF, "info"], check_rc=0)
    assert "  nfork: yes (Tru64 NUMA API; topology from hwloc)" in out
    rads = out.split("NUMA RADs:\n")[1].split("routines")[0].splitlines()
    assert rads[0].split()[:3] == ["RAD", "state", "CPUs"]
    node0 = Path("/sys/devices/system/node/node0/cpulist").read_text().strip()
    assert rads[1].split()[:3] == ["0", "online", node0]


def test_info_says_when_hwloc_cannot_be_loaded(tmp_path):
    """hwloc is loaded at run time (docs/numa.md): without it, `pxf info`
    says the machine's topology is unavailable and why."""
    FOUR = family_module("numa", "test_numa_c").FOUR
    fake = tmp_path / "nohwloc"
    fake.mkdir()
    (fake / _config.HWLOC_SONAME).write_bytes(b"")
    env = dict(os.environ, LD_LIBRARY_PATH=str(fake))
    env.pop("PXF_NUMA_TOPOLOGY", None)
    _, out, _ = run([*PXF, "info"], env=env, check_rc=0)
    line = next(li for li in out.splitlines() if li.startswith("  nfork: "))
    assert line.startswith("  nfork: yes (Tru64 NUMA API; machine topology unavailable: "
                           f"Function not implemented: {fake / _config.HWLOC_SONAME}: ")
    assert line.endswith("; an override file (PXF_NUMA_TOPOLOGY) works)")
    assert "NUMA RADs:\n  unavailable: [Errno 38] Function not implemented" in out
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    env["PXF_NUMA_TOPOLOGY"] = str(topo)
    _, out, _ = run([*PXF, "info"], env=env, check_rc=0)
    assert f"  nfork: yes (Tru64 NUMA API; topology from the override file {topo}; " \
           "machine topology unavailable: " in out
    assert "NUMA RADs:\n  RAD" in out


def test_numa_command_on_an_override(tmp_path):
    FOUR = family_module("numa", "test_numa_c").FOUR
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    _, out, _ = run([*PXF, "numa", "--topology", topo, "--flags", "smallmem"], check_rc=0)
    lines = out.splitlines()
    assert lines[1].split() == ["0", "online", "0", "8.0", "GiB", "6.0", "GiB", "50%",
                                "100", "160", "320", "320"]
    assert lines[-1] == ("nfork near RADs 0,1,2,3 (distance 100, flags smallmem): "
                         "home RAD 3, candidates 0,1,2,3, child CPUs 1")
    _, out, _ = run([*PXF, "numa", "--topology", topo, "--rads", "1", "--flags",
                     "largemem", "--distance", "220"], check_rc=0)
    # R_RAD ignores the distance, as nfork does: RAD 1 alone
    assert out.splitlines()[-1].endswith("home RAD 1, candidates 1, child CPUs 1")
    rc, _, err = run([*PXF, "numa", "--topology", topo, "--flags", "fast"])
    assert rc == 1 and err.startswith("pxf: error:") and "RAD_FAST" in err
    rc, _, err = run([*PXF, "numa", "--topology", tmp_path / "missing"])
    assert rc == 1 and "No such file" in err


def test_console_script_installed():
    script = Path(sys.executable).parent / "pxf"
    assert script.is_file()
    _, out, _ = run([script, "config", "--version"], check_rc=0)
    assert out.strip() == pxf.__version__


EXPECTED = {
    "fork_wait.f90": ["exited with code 42"],
    "exec_child.f90": ["exec of a missing file: ierror = 2 (ENOENT)",
                       "hello from the exec'd child", "child exit status: 0"],
    "pipe_pair.f90": ['child read 24 bytes: "greetings through a pipe"',
                      "child exit status (bytes it read): 24"],
    "env.f90": ['PXF_DEMO = "a value with a trailing blank ", length 30',
                'into 4 characters: "a va", length 30, ierror = ETRUNC = 4852',
                "unset variable: ierror = 22 (EINVAL = 22)"],
    "spawn.f90": ["hello from pid ", " exited with 3",
                  "missing program: ierror=2 ipid=-1"],
    "nfork.f90": ["RADs: ", "child: my home RAD is 0", "child exit status: 0",
                  "RAD 999: ierror=22 ipid=-1"],
}


@pytest.mark.parametrize("example", sorted(EXPECTED))
def test_examples_run(example):
    rc, out, err = run([*PXF, "run", EXAMPLES / example])
    assert rc == 0, err
    for line in EXPECTED[example]:
        assert line in out, (line, out)
    assert sorted(EXPECTED) == sorted(p.name for p in EXAMPLES.glob("*.f90"))


def test_cmake_package_inside_python_package(tmp_path):
    cmakedir = run([*PXF, "config", "--cmakedir"], check_rc=0)[1].strip()
    build = tmp_path / "build"
    env = dict(os.environ, FC=_config.FC)
    run(["cmake", "-S", HERE / "cmake", "-B", build, f"-Dpxf_DIR={cmakedir}",
         "-DPXF_TARGET=pxf", f"-DEXAMPLE={EXAMPLES / 'pipe_pair.f90'}"], env=env, check_rc=0)
    run(["cmake", "--build", build], env=env, check_rc=0)
    _, out, _ = run([build / "pipe_pair"], check_rc=0)
    assert "child exit status (bytes it read): 24" in out


def test_info_features_come_from_the_build(monkeypatch):
    """`pxf info`'s features are read from the library and _config, not
    typed in: a symbol libpxf lacks turns its feature off (a build without
    the NUMA family: tests/project/test_build_without_numa.py)."""
    from pxf import cli
    monkeypatch.setattr(cli, "_BPROC_SYMBOLS", ("bproc_rfork",))
    monkeypatch.setattr(cli, "_RFORK_SYMBOLS", ("pxf_rfork", "pxf_no_such_function"))
    f = cli.features()
    assert f["bproc_rfork"] == "no (not in this release)" and f["rfork"] == "no"
    assert f["implicit-interface externals"].startswith("yes")
    assert f["INTEGER(8) interfaces"].startswith("yes")
