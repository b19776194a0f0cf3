"""nfork and the NUMA API from Fortran (tests/numa/t_nfork.f90: handles,
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


@pytest.mark.errno("PXFNFORK", "EINVAL", "EBADHANDLE", "EFAULT")
@pytest.mark.errno("PXFRADADDSET", "EINVAL")
@pytest.mark.errno("PXFRADCOUNTSET", "EBADHANDLE")
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
    # {0, 1023}: the member after each IAFTER (irad, ierror)
    assert (kv["next.1022"], kv["next.1023"]) == ("1023,0", "-1,0")
    assert (kv["next.huge"], kv["next.min"]) == ("-1,0", "0,0")
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


@pytest.mark.errno("PXFRADFORK", "EAGAIN")
def test_fortran_radfork_eagain(programs):
    kv = programs.run("t_nfork", "radfork", preexec_fn=as_unprivileged(nproc=0))
    assert kv["radfork.ierror"] == str(errno.EAGAIN)


# --- Python ---------------------------------------------------------------------

def py(code, topology=None, **kw):
    from support import python_snippet
    env = dict(os.environ)
    env.pop("PXF_NUMA_TOPOLOGY", None)
    if topology is not None:
        env["PXF_NUMA_TOPOLOGY"] = str(topology)
    _, out, _ = python_snippet(code, env=env, check_rc=0, **kw)
    return parse(out)


def test_python_topology_of_the_machine():
    import pxf
    t = pxf.numa.topology()
    assert [r.id for r in t.rads] == online_nodes()
    for r in t.rads:
        assert r.online
        assert list(r.cpus) == node_cpus(r.id)
        assert r.distances[r.id] == pxf.numa.RAD_DIST_LOCAL
        assert 0 < r.freemem <= r.physmem
        assert 0 <= r.load <= 100


def test_python_topology_from_override(two):
    kv = py("import pxf\nt = pxf.numa.topology()\n"
            "for r in t.rads:\n"
            "    print(f'rad{r.id}=', r.cpus, r.physmem >> 30, r.freemem >> 30, r.load, r.distances)\n",
            topology=two)
    assert kv["rad0"] == " (0,) 4 3 70 {0: 100, 1: 210}"
    assert kv["rad1"] == " (1,) 4 1 10 {0: 210, 1: 100}"


@pytest.mark.errno("PXFNUMATOPOLOGY", "EINVAL", "EFBIG")
def test_python_override_must_be_a_small_regular_file(tmp_path):
    # set_topology refuses at once what would be read forever, keeping
    # what was there (the machine)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big.topo"
    big.write_text("rad 0 cpus=0 node=0\n" + "#" * (1 << 20) + "\n")
    huge = tmp_path / "huge.topo"
    huge.write_text("rad 0 cpus=0 node=0 physmem=16777216T\n")
    code = f"""
import pxf
for path in ('/dev/zero', {str(fifo)!r}, {str(big)!r}, {str(huge)!r}):
    try:
        pxf.numa.set_topology(path)
        print(path + '=ok')
    except OSError as e:
        print(path + '=', e.errno)
print('rads=', [r.id for r in pxf.numa.topology().rads])
"""
    kv = py(code, timeout=20)
    assert kv["/dev/zero"] == kv[str(fifo)] == kv[str(huge)] == f" {errno.EINVAL}"
    assert kv[str(big)] == f" {errno.EFBIG}"
    assert kv["rads"] == f" {online_nodes()}"


@pytest.mark.parametrize("path", ["/dev/zero", "fifo"])
def test_pxf_info_with_an_endless_override(tmp_path, path):
    # pxf info hung reading /dev/zero or a FIFO: now it reports the NUMA
    # part unavailable and finishes
    import sys
    if path == "fifo":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    env = dict(os.environ, PXF_NUMA_TOPOLOGY=str(path))
    _, out, _ = run([sys.executable, "-m", "pxf", "info"], env=env, timeout=30, check_rc=0)
    rads = out.split("NUMA RADs:\n")[1].split("routines")[0]
    assert rads == f"  unavailable: [Errno 22] Invalid argument: '{path}'\n"


def test_python_radset_operations():
    from pxf.numa import RadSet
    a, b = RadSet([0, 3, 64]), RadSet([3, 5])
    assert sorted(a | b) == [0, 3, 5, 64]
    assert sorted(a & b) == [3]
    assert sorted(a - b) == [0, 64]
    assert sorted(a ^ b) == [0, 5, 64]
    assert (3 in a, 4 in a, len(a)) == (True, False, 3)
    a.discard(3)
    assert a == {0, 64}
    assert set(RadSet.all()) == set(online_nodes())
    with pytest.raises(OSError) as e:
        a.add(1024)
    assert e.value.errno == errno.EINVAL


def test_python_radnext_at_the_end_of_the_range():
    # the cursor after INT_MAX must not wrap to the start (an endless
    # "next after" loop)
    from pxf import _fpxf
    from pxf._errors import checked
    from pxf.numa import RadSet
    s = RadSet([0, 1023])
    assert [int(checked(_fpxf.pxfradnext(s.handle, after)))
            for after in (-1, 0, 1022, 1023, 2**31 - 1)] == [0, 1023, 1023, -1, -1]
    assert list(s) == [0, 1023]


def test_python_choose_nloc_and_nfork(two):
    code = """
import os, pxf
from pxf.numa import NumaAttr, R_RAD, RAD_SMALLMEM, RAD_LARGEMEM, RAD_INSIST
print('small=', pxf.numa.choose(NumaAttr(R_RAD, [0, 1], flags=RAD_SMALLMEM)))
print('large=', pxf.numa.choose(NumaAttr(R_RAD, [0, 1], flags=RAD_LARGEMEM)))
print('near1=', sorted(pxf.numa.nloc(NumaAttr(R_RAD, [1], distance=209))))
print('near2=', sorted(pxf.numa.nloc(NumaAttr(R_RAD, [1], distance=210))))
pid = pxf.nfork(NumaAttr(R_RAD, [0, 1], flags=RAD_SMALLMEM | RAD_INSIST))
if pid == 0:
    print('child=', sorted(os.sched_getaffinity(0)), pxf.numa.current_home(), flush=True)
    pxf.fastexit(0)
pxf.waitpid(pid)
pid = pxf.numa.rad_fork(0)
if pid == 0:
    print('radfork=', sorted(os.sched_getaffinity(0)), flush=True)
    pxf.fastexit(0)
pxf.waitpid(pid)
print('parent=', sorted(os.sched_getaffinity(0)) == sorted(range(os.cpu_count())))
"""
    kv = py(code, topology=two)
    assert kv["small"] == " (1, frozenset({0, 1}))"
    assert kv["large"] == " (0, frozenset({0, 1}))"
    assert (kv["near1"], kv["near2"]) == (" [1]", " [0, 1]")
    assert kv["child"] == " [1] 1"
    assert kv["radfork"] == " [0]"
    assert kv["parent"] == " True"


def test_python_nfork_none_is_fork():
    import pxf
    pid = pxf.nfork()
    if pid == 0:
        pxf.fastexit(7)
    _, status = pxf.waitpid(pid)
    assert pxf.wexitstatus(status) == 7


@pytest.mark.errno("PXFNFORK", "EINVAL", "EFAULT")
@pytest.mark.parametrize("attr,err", [
    ("NumaAttr(99, [0])", errno.EINVAL),
    ("NumaAttr(R_RAD, [0], flags=0x80)", errno.EINVAL),
    ("NumaAttr(R_RAD, [])", errno.EINVAL),
    ("NumaAttr(R_PATH, '/nonexistent')", errno.EINVAL),
    ("NumaAttr(R_MEM, 8)", errno.EFAULT),
    ("NumaAttr(R_PID, 999999999)", errno.EINVAL),
])
def test_python_nfork_errors(attr, err):
    code = f"""
import pxf
from pxf.numa import *
try:
    pxf.nfork({attr})
except OSError as e:
    print('errno=', e.errno)
"""
    assert py(code)["errno"] == f" {err}"


@pytest.mark.errno("PXFNFORK", "EAGAIN", "ENOMEM")
@pytest.mark.parametrize("err", [errno.EAGAIN, errno.ENOMEM])
def test_python_nfork_kernel_refusals(programs, err):
    # the kernel refusing the process, through a seccomp filter on clone
    # (Python cannot run as nobody here to meet RLIMIT_NPROC: /root is 0700;
    # the Fortran and C tests do that)
    code = ("import os, pxf\nfrom pxf.numa import *\n"
            "try:\n    pxf.nfork(NumaAttr(R_RAD, [0], flags=RAD_INSIST))\n"
            "except OSError as e:\n    print('errno=', e.errno)\n"
            "print('cpus=', sorted(os.sched_getaffinity(0)) == sorted(range(os.cpu_count())))\n")
    helper = programs.c("seccomp_fail", "-lseccomp")
    import sys
    _, out, _ = run([helper, err, "clone,fork,vfork", sys.executable, "-c", code],
                    check_rc=0)
    kv = parse(out)
    assert kv["errno"] == f" {err}"
    assert kv["cpus"] == " True"          # the caller's own CPUs back


@pytest.mark.errno("PXFRADFORK", "ENOMEM")
def test_fortran_radfork_enomem(programs):
    helper = programs.c("seccomp_fail", "-lseccomp")
    _, out, _ = run([helper, errno.ENOMEM, "clone,fork,vfork",
                     programs.fortran("t_nfork"), "radfork"], check_rc=0)
    assert parse(out)["radfork.ierror"] == str(errno.ENOMEM)


def test_python_nsg(two):
    code = """
import os, pxf
from pxf.numa import NSG_CREATE, NSG_EXCL
key = 0x505a0000 + os.getpid() % 0xffff
g = pxf.numa.nsg_init(key, NSG_CREATE | NSG_EXCL)
os.sched_setaffinity(0, {1})
pxf.numa.nsg_attach_pid(g, 0)
os.sched_setaffinity(0, {0, 1})
print('home=', pxf.numa.current_home())
pid = pxf.nfork(pxf.numa.NumaAttr(pxf.numa.R_NSG, g))
if pid == 0:
    print('child=', sorted(os.sched_getaffinity(0)), flush=True)
    pxf.fastexit(0)
pxf.waitpid(pid)
try:
    pxf.numa.nsg_init(key, NSG_CREATE | NSG_EXCL)
except FileExistsError:
    print('again=EEXIST')
pxf.numa.nsg_destroy(g)
try:
    pxf.numa.nsg_init(key)
except FileNotFoundError:
    print('gone=ENOENT')
"""
    kv = py(code, topology=two)
    assert kv["home"] == " 1"
    assert kv["child"] == " [1]"
    assert (kv["again"], kv["gone"]) == ("EEXIST", "ENOENT")
