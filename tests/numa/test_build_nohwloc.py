"""A build without hwloc (meson -Dhwloc=disabled): the library compiles
with no hwloc at all, the machine's topology calls fail with ENOSYS and
an override file (PXF_NUMA_TOPOLOGY) still works. One configure and one
compile of the shared library (no Python package), into a temp dir."""
import errno
import os
import shutil
import subprocess

import pytest

from pxf import _config
from support import REPO, parse, run
from test_numa_c import FOUR

PROGRAM = r"""
#include <errno.h>
#include <stdio.h>
#include <pxf/numa.h>

int main(void)
{
    errno = 0;
    int n = rad_get_num();
    printf("num=%d\nerrno=%d\n", n, n < 0 ? errno : 0);
    char why[256];
    int st = pxf_numa_hwloc_status(why, sizeof why);
    printf("status=%d\nstatus.text=%s\n", st, why);
    return 0;
}
"""


@pytest.fixture(scope="module")
def nohwloc_lib(tmp_path_factory):
    for tool in ("meson", "ninja", "fypp"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not on PATH")
    tmp = tmp_path_factory.mktemp("nohwloc")
    build = tmp / "build"
    env = dict(os.environ, FC=_config.FC)
    subprocess.run(["meson", "setup", str(build), str(REPO), "-Dhwloc=disabled",
                    "-Dpython=disabled", "--prefix", str(tmp / "prefix")],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["meson", "compile", "-C", str(build), "pxf:shared_library"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return build


def test_configured_without_hwloc(nohwloc_lib):
    config = (nohwloc_lib / "core" / "pxf_build_config.h").read_text()
    assert "#define PXF_HAVE_HWLOC 0" in config and "PXF_HWLOC_SONAME" not in config
    _, dynamic, _ = run(["objdump", "-p", nohwloc_lib / "libpxf.so.0"], check_rc=0)
    needed = [li.split()[1] for li in dynamic.splitlines() if li.strip().startswith("NEEDED")]
    assert needed and not [n for n in needed if "hwloc" in n], needed


def test_machine_topology_enosys_override_works(nohwloc_lib, tmp_path):
    exe = tmp_path / "radnum"
    src = tmp_path / "radnum.c"
    src.write_text(PROGRAM)
    subprocess.run(["cc", str(src), "-o", str(exe), "-I" + str(REPO / "core" / "include"),
                    "-L" + str(nohwloc_lib), "-lpxf", "-Wl,-rpath," + str(nohwloc_lib)],
                   check=True)
    env = {k: v for k, v in os.environ.items() if k != "PXF_NUMA_TOPOLOGY"}
    _, out, _ = run([exe], env=env, check_rc=0)
    kv = parse(out)
    assert (kv["num"], kv["errno"]) == ("-1", str(errno.ENOSYS))
    assert kv["status"] == str(errno.ENOSYS)
    assert kv["status.text"].startswith("this build of pxf has no hwloc")
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    _, out, _ = run([exe], env=dict(env, PXF_NUMA_TOPOLOGY=str(topo)), check_rc=0)
    assert (parse(out)["num"], parse(out)["errno"]) == ("4", "0")
