"""nfork and the NUMA API from Fortran (tests/fortran/t_nfork.f90: handles,
PXFCONST names, real children on an override topology) and from Python
(pxf.nfork, pxf.numa)."""
import errno
import os

import pytest

from support import as_unprivileged, run, parse
from test_numa_c import TWO, FOUR, pci_block_device, online_nodes, node_cpus

EBADHANDLE = 4855


@pytest.fixture
def two(tmp_path):
    path = tmp_path / "two.topo"
    path.write_text(TWO)
    return path


def test_fortran_nfork_on_two_rads(programs, two):
    kv = programs.run("t_nfork", "place", two)
    assert kv["topology.ierror"] == "0"
    assert kv["num"] == "2"
    assert (kv["rad0.cpus"], kv["rad1.cpus"]) == ("0", "1")
    assert kv["rad0.physmem"] == str(4 * 2**30 // os.sysconf("SC_PAGESIZE"))
    assert (kv["dist.0.1"], kv["load.1"], kv["cpu1.rad"]) == ("210", "10", "1")
    # SMALLMEM|INSIST over {0,1}: home RAD 1 (10 % busy); both candidates
    assert (kv["choice.home"], kv["choice.count"]) == ("1", "2")
    assert kv["nfork.ierror"] == "0"
    assert kv["wait.status"] == "0"
    # the last child: PXFRADFORK onto RAD 0
    assert (kv["child.cpus"], kv["child.home"]) == ("0", "0")
    assert kv["xor"] == "0"
    assert kv["xor.has1"] == "0"
    assert (kv["badtype.ierror"], kv["badtype.ipid"]) == (str(errno.EINVAL), "-1")
    assert kv["badflags.ierror"] == str(errno.EINVAL)
    assert kv["wronghandle.ierror"] == str(EBADHANDLE)
    assert kv["badaddress.ierror"] == str(errno.EFAULT)
    assert kv["addset.ierror"] == str(errno.EINVAL)
    assert kv["freed.ierror"] == str(EBADHANDLE)


def test_fortran_child_placement_is_real(programs, two):
    _, out, _ = run([programs.fortran("t_nfork"), "place", two], check_rc=0)
    cpus = [line for line in out.splitlines() if line.startswith("child.")]
    # PXFNFORK's child on RAD 1 (CPU 1), then PXFRADFORK's on RAD 0
    assert cpus == ["child.cpus=1", "child.home=1", "child.cpus=0", "child.home=0"]


def test_fortran_device_locality(programs, tmp_path, monkeypatch):
    _, busid = pci_block_device()
    topo = tmp_path / "four.topo"
    topo.write_text(FOUR + f"device {busid} rads=2\n")
    monkeypatch.setenv("PXF_NUMA_TOPOLOGY", str(topo))
    kv = programs.run("t_nfork", "device", busid)
    assert (kv["nloc.ierror"], kv["near"]) == ("0", "2,3")


def test_fortran_radfork_eagain(programs):
    kv = programs.run("t_nfork", "eagain", preexec_fn=as_unprivileged(nproc=0))
    assert kv["radfork.ierror"] == str(errno.EAGAIN)
