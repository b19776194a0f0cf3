"""The errors the NUMA routines document (docs/numa.md and the general
rules of docs/conventions.md), produced for real through the Fortran
routines (tests/numa/t_numa_errors.f90): a missing or broken topology
file, the machine's topology without hwloc, freed and wrong-type handles,
ids out of range, INTEGER(8) arguments no C int can hold."""
import errno
import os

import pytest

from support import parse, run
from test_numa_hwloc import no_hwloc  # noqa: F401  (the fixture)

EBADHANDLE, ETRUNC = 4855, 4852

# Every routine that reads the topology; its errno when the override file
# is missing (ENOENT) or broken (EINVAL).
TOPOLOGY_READERS = ["nfork", "radfork", "nloc", "nforkchoice", "radfillset", "radgetnum",
                    "radgetmax", "radgetstate", "radgetcpus", "radgetfreemem",
                    "radgetphysmem", "radgetdistance", "radgetload", "cpugetrad",
                    "nsgattachpid", "numatopology"]


def numa_errors(programs, mode, topology, *args):
    env = dict(os.environ, PXF_NUMA_TOPOLOGY=str(topology))
    _, out, _ = run([programs.fortran("t_numa_errors"), mode, *args], env=env, check_rc=0)
    return parse(out)


@pytest.mark.errno("PXFNFORK", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADFORK", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFNLOC", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFNFORKCHOICE", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADFILLSET", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETNUM", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETMAX", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETSTATE", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETCPUS", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETFREEMEM", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETPHYSMEM", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETDISTANCE", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFRADGETLOAD", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFCPUGETRAD", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFNSGATTACHPID", "ENOENT", "EINVAL")
@pytest.mark.errno("PXFNUMATOPOLOGY", "ENOENT", "EINVAL")
@pytest.mark.parametrize("file,err", [("missing", errno.ENOENT), ("broken", errno.EINVAL)])
def test_topology_file_errors(programs, tmp_path, file, err):
    path = tmp_path / "topology"
    if file == "broken":
        path.write_text("rad 0 cpus=0 colour=blue\n")  # an unknown key
    kv = numa_errors(programs, "topology", path, path)
    for name in TOPOLOGY_READERS:
        assert int(kv[name]) == err, name
    assert kv["radgetcurrenthome"] == "0"  # never fails


@pytest.mark.errno("PXFNFORK", "ENOSYS")
@pytest.mark.errno("PXFRADFORK", "ENOSYS")
@pytest.mark.errno("PXFNLOC", "ENOSYS")
@pytest.mark.errno("PXFNFORKCHOICE", "ENOSYS")
@pytest.mark.errno("PXFRADFILLSET", "ENOSYS")
@pytest.mark.errno("PXFRADGETNUM", "ENOSYS")
@pytest.mark.errno("PXFRADGETMAX", "ENOSYS")
@pytest.mark.errno("PXFRADGETSTATE", "ENOSYS")
@pytest.mark.errno("PXFRADGETCPUS", "ENOSYS")
@pytest.mark.errno("PXFRADGETFREEMEM", "ENOSYS")
@pytest.mark.errno("PXFRADGETPHYSMEM", "ENOSYS")
@pytest.mark.errno("PXFRADGETDISTANCE", "ENOSYS")
@pytest.mark.errno("PXFRADGETLOAD", "ENOSYS")
@pytest.mark.errno("PXFCPUGETRAD", "ENOSYS")
@pytest.mark.errno("PXFNSGATTACHPID", "ENOSYS")
@pytest.mark.errno("PXFNUMATOPOLOGY", "ENOSYS")
def test_machine_topology_without_hwloc(programs, no_hwloc):
    """hwloc is loaded at run time (docs/numa.md): when it cannot be, every
    routine that reads the machine's topology gives ENOSYS, and
    PXFNUMATOPOLOGY('') (the machine) too."""
    env = dict(os.environ, PXF_NUMA_TOPOLOGY="")
    _, out, _ = run([programs.fortran("t_numa_errors"), "topology", ""], env=env, check_rc=0)
    kv = parse(out)
    for name in TOPOLOGY_READERS:
        assert int(kv[name]) == errno.ENOSYS, name
    assert kv["radgetcurrenthome"] == "0"  # never fails


@pytest.mark.errno("PXFNLOC", "EBADHANDLE")
@pytest.mark.errno("PXFNFORKCHOICE", "EBADHANDLE")
@pytest.mark.errno("PXFRADEMPTYSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADFILLSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADADDSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADDELSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADISMEMBER", "EBADHANDLE")
@pytest.mark.errno("PXFRADCOUNTSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADISEMPTYSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADCOPYSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADORSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADANDSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADDIFFSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADXORSET", "EBADHANDLE")
@pytest.mark.errno("PXFRADNEXT", "EBADHANDLE")
def test_freed_and_wrong_type_handles(programs, tmp_path):
    topology = tmp_path / "one.topo"
    topology.write_text("rad 0 cpus=0 node=0 physmem=4G\n")
    kv = numa_errors(programs, "handles", topology)
    names = ["nloc", "nforkchoice", "rademptyset", "radfillset", "radaddset", "raddelset",
             "radismember", "radcountset", "radisemptyset", "radcopyset", "radorset",
             "radandset", "raddiffset", "radxorset", "radnext"]
    assert {n: int(kv[n]) for n in names} == {n: EBADHANDLE for n in names}


@pytest.mark.errno("PXFNLOC", "EINVAL", "EFAULT")
@pytest.mark.errno("PXFNFORKCHOICE", "EINVAL", "EFAULT")
@pytest.mark.errno("PXFRADDELSET", "EINVAL")
@pytest.mark.errno("PXFRADISMEMBER", "EINVAL")
@pytest.mark.errno("PXFRADFORK", "EINVAL")
@pytest.mark.errno("PXFRADGETSTATE", "EINVAL")
@pytest.mark.errno("PXFRADGETCPUS", "EINVAL", "ETRUNC")
@pytest.mark.errno("PXFRADGETFREEMEM", "EINVAL")
@pytest.mark.errno("PXFRADGETPHYSMEM", "EINVAL")
@pytest.mark.errno("PXFRADGETLOAD", "EINVAL")
@pytest.mark.errno("PXFRADGETDISTANCE", "EINVAL")
@pytest.mark.errno("PXFCPUGETRAD", "EINVAL")
@pytest.mark.errno("PXFRADNEXT", "EINVAL")
@pytest.mark.errno("PXFNSGINIT", "EINVAL")
@pytest.mark.errno("PXFNSGATTACHPID", "EINVAL")
@pytest.mark.errno("PXFNSGDETACHPID", "EINVAL")
@pytest.mark.errno("PXFNSGDESTROY", "EINVAL")
@pytest.mark.errno("PXFNUMATOPOLOGY", "EINVAL")
def test_bad_arguments(programs, tmp_path):
    topology = tmp_path / "one.topo"
    topology.write_text("rad 0 cpus=0,2,4,6 node=0 physmem=4G\n")
    kv = numa_errors(programs, "einval", topology)
    assert int(kv["nloc.address"]) == int(kv["nforkchoice.address"]) == errno.EFAULT
    assert kv["radgetcpus.short"] == f"[0,2,] len=7 ierror={ETRUNC}"
    einval = ["nloc.type", "nforkchoice.type", "raddelset", "radismember", "radfork",
              "radgetstate", "radgetcpus", "radgetfreemem", "radgetphysmem", "radgetload",
              "radgetdistance", "cpugetrad", "radnext.int8", "radgetcpus.int8", "nsginit",
              "nsgattachpid", "nsgdetachpid", "nsgdestroy", "numatopology"]
    assert {n: int(kv[n]) for n in einval} == {n: errno.EINVAL for n in einval}
