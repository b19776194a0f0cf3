"""A build without hwloc (meson -Dhwloc=disabled) has no NUMA family
(issue 11): no NUMA routine, structure, constant or header in the library,
the modules or the Python package, and `pxf info` says so. One configure,
compile and install of the whole build (Python package included) into a
temporary directory, with this build's compiler."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pxf import _config, _routines
from pxf._errcodes import ENONAME
from support import REPO, parse, run

NUMA_ROUTINES = {n for n, (family, *_) in _routines.ROUTINES.items() if family == "numa"}

PROGRAM = """\
program nonuma
  use pxf
  implicit none
  integer :: ival, ierror, jhandle
  call pxfconst('RFPROC', ival, ierror)
  print '(a,i0)', 'rfproc.ierror=', ierror
  call pxfconst('RAD_INSIST', ival, ierror)
  print '(a,i0)', 'rad_insist.ierror=', ierror
  call pxfstructcreate('radset', jhandle, ierror)
  print '(a,i0)', 'radset.ierror=', ierror
  call pxfstructcreate('utsname', jhandle, ierror)
  print '(a,i0)', 'utsname.ierror=', ierror
end program nonuma
"""


@pytest.fixture(scope="module")
def nonuma(tmp_path_factory):
    for tool in ("meson", "ninja", "fypp"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not on PATH")
    tmp = tmp_path_factory.mktemp("nonuma")
    build, prefix, dest = tmp / "build", tmp / "prefix", tmp / "dest"
    env = dict(os.environ, FC=_config.FC)
    for cmd in (["meson", "setup", build, REPO, "-Dhwloc=disabled", "-Dinstall_layout=python",
                 "-Dpython=enabled", "--prefix", prefix],
                ["meson", "compile", "-C", build],
                ["meson", "install", "-C", build, "--destdir", dest]):
        subprocess.run(list(map(str, cmd)), env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    # site-packages, or dist-packages with Debian's Python outside a venv
    found = list(dest.rglob("*-packages/pxf/__init__.py"))
    assert len(found) == 1, sorted(str(p) for p in dest.rglob("*"))[:40]
    package = found[0].parent
    return build, package


def python(package, code):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(package.parent)
    return run([sys.executable, "-c", code], env=env, cwd=package.parent.parent)


def test_configured_without_hwloc(nonuma):
    build, package = nonuma
    config = (build / "core" / "pxf_build_config.h").read_text()
    assert "#define PXF_HAVE_HWLOC 0" in config and "PXF_HWLOC_SONAME" not in config
    _, dynamic, _ = run(["objdump", "-p", package / "lib" / "libpxf.so"], check_rc=0)
    needed = [li.split()[1] for li in dynamic.splitlines() if li.strip().startswith("NEEDED")]
    assert needed and not [n for n in needed if "hwloc" in n], needed


def test_library_has_every_routine_but_the_numa_family(nonuma):
    _, package = nonuma
    _, out, _ = run(["nm", "-D", "--defined-only", package / "lib" / "libpxf.so"], check_rc=0)
    symbols = {line.split()[-1] for line in out.splitlines()}
    externals = {n for n in _routines.ROUTINES if n.lower() + "_" in symbols}
    assert externals == set(_routines.ROUTINES) - NUMA_ROUTINES
    assert not {"nfork", "rad_get_num", "nsg_init", "pxf_nfork"} & symbols
    assert not (package / "include" / "pxf" / "numa.h").exists()
    assert (package / "include" / "pxf" / "rfork.h").is_file()


def test_fortran_without_the_numa_family(nonuma, tmp_path):
    _, package = nonuma
    mods = package / "include" / "pxf" / _config.COMPILER_TAG
    lib = package / "lib"
    src = tmp_path / "nonuma.f90"
    src.write_text(PROGRAM)
    exe = tmp_path / "nonuma"
    run([_config.FC, f"-I{mods}", src, f"-L{lib}", "-lpxf", f"-Wl,-rpath,{lib}", "-o", exe],
        check_rc=0, cwd=tmp_path)
    kv = parse(run([exe], check_rc=0)[1])
    assert kv == {"rfproc.ierror": "0", "rad_insist.ierror": str(ENONAME),
                  "radset.ierror": str(ENONAME),
                  "utsname.ierror": "0"}
    # no NUMA routine in module pxf or the library: a call does not link
    src.write_text("program p\n  use pxf\n  integer :: ipid, ierror\n"
                   "  call pxfnfork(0, ipid, ierror)\nend program p\n")
    rc, out, err = run([_config.FC, f"-I{mods}", src, f"-L{lib}", "-lpxf", "-o", tmp_path / "p"],
                       cwd=tmp_path)
    assert rc != 0 and re.search(r"undefined reference to .pxfnfork_", out + err), out + err


def test_python_without_the_numa_family(nonuma):
    _, package = nonuma
    rc, out, err = python(package, "import pxf; print(hasattr(pxf, 'nfork'), 'numa' in pxf.__all__)\n"
                                   "import pxf.numa")
    assert out == "False False\n" and rc == 1
    assert err.splitlines()[-1] == f"ImportError: {_config.NO_NUMA}"
    _, out, _ = python(package, "import sys; from pxf import cli; sys.exit(cli.main(['info']))")
    lines = out.splitlines()
    assert "  nfork: no (this build has no NUMA family: built without hwloc)" in lines
    assert lines[lines.index("NUMA RADs:") + 1] == "  none: this build has no NUMA family"
    families = lines[next(i for i, li in enumerate(lines) if li.startswith("routines (")) + 1:]
    listed = [li.split(": ")[0].strip() for li in families]
    assert listed == [t for f, t in _routines.FAMILIES.items() if f != "numa"]
    names = {n for li in families for n in li.split(": ")[1].split()}
    assert names == set(_routines.ROUTINES) - NUMA_ROUTINES
    rc, out, err = python(package, "import sys; from pxf import cli; sys.exit(cli.main(['numa']))")
    assert (rc, out, err) == (2, "", f"pxf: error: {_config.NO_NUMA}\n")
