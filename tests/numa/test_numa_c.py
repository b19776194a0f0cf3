"""The C API of <pxf/numa.h>, driven by tests/numa/numa_cases.c: RAD
queries against sysfs, the set operations, nloc and the home-RAD decision
on override topologies (2, 4 and 8 RADs with asymmetric distances), real
placement of real children (affinity, memory policy, the node of a freshly
touched page), NUMA scheduling groups across unrelated processes, and every
errno of nfork produced for real."""
import errno
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

import pxf
from pxf import _config
from support import as_unprivileged, parse, run

NODE = Path("/sys/devices/system/node")
PAGE = os.sysconf("SC_PAGESIZE")


def sysfs_list(text: str) -> list[int]:
    out = []
    for part in text.strip().split(","):
        if part:
            lo, _, hi = part.partition("-")
            out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def online_nodes() -> list[int]:
    return sysfs_list((NODE / "online").read_text())


def node_cpus(n: int) -> list[int]:
    return sysfs_list((NODE / f"node{n}" / "cpulist").read_text())


def as_list(ids) -> str:
    return ",".join(str(i) for i in ids)


def as_range(ids) -> str:
    """/proc/self/status's Cpus_allowed_list form: 0-1,4."""
    ids = sorted(ids)
    parts, start = [], None
    for i, v in enumerate(ids):
        if start is None:
            start = v
        if i + 1 == len(ids) or ids[i + 1] != v + 1:
            parts.append(str(start) if start == v else f"{start}-{v}")
            start = None
    return ",".join(parts)


@pytest.fixture(scope="module")
def numa(programs):
    exe = programs.c("numa_cases", "-lpxf")

    def call(*args, topology=None, rc=0, **kw):
        env = dict(os.environ)
        env.pop("PXF_NUMA_TOPOLOGY", None)
        if topology is not None:
            env["PXF_NUMA_TOPOLOGY"] = str(topology)
        _, out, err = run([exe, *args], env=env, check_rc=rc, **kw)
        return parse(out)
    call.exe = exe
    return call


# --- the machine -------------------------------------------------------------

def test_queries_match_sysfs(numa):
    kv = numa("machine")
    nodes = online_nodes()
    assert (kv["num"], kv["num.errno"]) == (str(len(nodes)), "0")
    possible = sysfs_list((NODE / "possible").read_text())
    assert kv["max"] == str(max(possible) + 1)
    for n in nodes:
        assert kv[f"rad{n}.state"] == "1"
        assert kv[f"rad{n}.cpus"] == as_list(node_cpus(n))
        meminfo = (NODE / f"node{n}" / "meminfo").read_text()
        total_kb = int(meminfo.split("MemTotal:")[1].split()[0])
        assert kv[f"rad{n}.physmem"] == str(total_kb * 1024 // PAGE)
        free = int(kv[f"rad{n}.freemem"])
        assert 0 < free <= total_kb * 1024 // PAGE
        assert kv[f"rad{n}.info"] == "0"
        assert kv[f"rad{n}.info.radid"] == str(n)
        assert kv[f"rad{n}.info.physmem"] == kv[f"rad{n}.physmem"]
        assert kv[f"rad{n}.info.cpus"] == kv[f"rad{n}.cpus"]
        slit = (NODE / f"node{n}" / "distance").read_text().split()
        for m, d in zip(nodes, slit):
            assert kv[f"dist.{n}.{m}"] == str(int(d) * 10)
        assert kv[f"rad{n}.load_rc"] == "0"
        assert kv[f"rad{n}.load_in_range"] == "1"
        for c in node_cpus(n):
            assert kv[f"cpu{c}.rad"] == str(n)
    assert int(kv["home"]) in nodes
    for key in ("bad.state", "bad.cpu", "bad.freemem", "bad.info"):
        assert (kv[key], kv[key + ".errno"]) == ("-1", "EINVAL"), key
    assert (kv["fault.info"], kv["fault.info.errno"]) == ("-1", "EFAULT")


def test_set_operations(numa):
    kv = numa("sets")
    assert kv["a"] == "0,3,64,1023"
    assert (kv["a.count"], kv["a.has3"], kv["a.has4"]) == ("4", "1", "0")
    assert kv["or"] == "0,3,5,64,1023"
    assert kv["and"] == "3"
    assert kv["diff"] == "0,64,1023"
    assert kv["xor"] == "0,5,64,1023"
    assert kv["copy"] == "3,5"
    assert kv["del"] == "3"
    assert (kv["copy.empty"], kv["emptied.empty"]) == ("0", "1")
    assert kv["fill"] == as_list(online_nodes())
    assert kv["consume.first"] == "0"
    assert kv["consumed"] == "3,64,1023"
    for key, err in (("add.out_of_range", "EINVAL"), ("add.negative", "EINVAL"),
                     ("count.null", "EFAULT"), ("foreach.badflags", "EINVAL"),
                     ("destroy.twice", "EFAULT")):
        assert (kv[key], kv[key + ".errno"]) == ("-1", err), key
    assert kv["destroyed.null"] == "1"
    assert (kv["foreach.intmax"], kv["foreach.intmax.errno"]) == ("-1", "0")
    assert kv["foreach.intmax.cursor"] == "1024"
    assert (kv["cpu_foreach.intmax"], kv["cpu_foreach.intmax.errno"]) == ("-1", "0")
    assert kv["cpuxor"] == "2,4095"
    assert kv["cpu.count"] == "2"
    assert kv["cpufill"] == as_list(c for n in online_nodes() for c in node_cpus(n))


def test_placement_on_the_machine(numa):
    home = online_nodes()[0]
    cpus = as_range(node_cpus(home))
    for flags, mode in (("INSIST", "BIND"), ("0", "PREFERRED")):
        kv = numa("fork", "RAD", str(home), "0", flags)
        assert kv["nfork"] == "ok"
        assert kv["child.cpus"] == cpus
        assert (kv["child.mode"], kv["child.nodes"]) == (mode, str(home))
        assert kv["child.page_node"] == str(home)
        assert kv["child.home"] == str(home)
        # children of the child inherit the placement ...
        assert (kv["grandchild.mode"], kv["grandchild.nodes"]) == (mode, str(home))
        # ... and the parent has its own back
        assert (kv["parent.mode"], kv["parent.nodes"]) == ("DEFAULT", "")


def test_no_inherit(numa):
    home = online_nodes()[0]
    kv = numa("fork", "RAD", str(home), "0", "INSIST|NO_INHERIT")
    assert (kv["child.mode"], kv["child.nodes"]) == ("BIND", str(home))
    assert (kv["grandchild.mode"], kv["grandchild.nodes"]) == ("DEFAULT", "")


@pytest.mark.skipif(os.geteuid() != 0, reason="page frames are visible to root only")
def test_migrate_moves_resident_pages(numa):
    # After a plain nfork the child shares the parent's resident page
    # (copy-on-write); with RAD_MIGRATE it has its own copy, made under its
    # home policy, the parent keeps its page, and a page nobody touched is
    # not brought in.
    kv = numa("migrate", "INSIST")
    assert (kv["frame_visible"], kv["nfork"]) == ("1", "ok")
    assert (kv["child.shares_page"], kv["child.value"]) == ("1", "1")
    kv = numa("migrate", "INSIST|MIGRATE")
    assert (kv["child.shares_page"], kv["child.value"]) == ("0", "1")
    assert kv["child.untouched_resident"] == "0"
    assert kv["parent.frame_kept"] == "1"


def test_null_attributes_fork(numa):
    # numa_attr NULL, or a NULL descriptor: fork() (policy inherited)
    for descr in ("attrnull", "null"):
        kv = numa("fork", "RAD", descr, "0", "0")
        assert kv["nfork"] == "ok"
        assert (kv["child.mode"], kv["child.nodes"]) == ("DEFAULT", "")


def test_resource_types_on_the_machine(numa, tmp_path):
    nodes = as_list(online_nodes())
    local = online_nodes()[0]
    regular = tmp_path / "file"
    regular.write_text("x")
    # a regular file has no locality: every RAD
    assert numa("nloc", "PATH", str(regular), "100") == {"rc": "0", "set": nodes}
    assert numa("nloc", "FILDES", str(regular), "100") == {"rc": "0", "set": nodes}
    # a page of ours, a touched shared memory segment, ourselves
    assert numa("nloc", "MEM", "stack", "100")["rc"] == "0"
    assert numa("nloc", "SHM", "touched", "100")["rc"] == "0"
    assert numa("nloc", "PID", "self", "100")["rc"] == "0"
    if len(online_nodes()) == 1:
        for t, d in (("MEM", "stack"), ("SHM", "touched"), ("PID", "self")):
            assert numa("nloc", t, d, "100")["set"] == str(local)


# --- override topologies -------------------------------------------------------

TWO = """\
# two RADs on CPUs 0 and 1 of this machine, both backed by node 0
rad 0 cpus=0 node=0 physmem=4G freemem=3G load=70 distance=10,21
rad 1 cpus=1 node=0 physmem=4G freemem=1G load=10 distance=21,10
"""

# Four RADs, asymmetric: 0-1 and 2-3 are pairs, 1 is nearer 2 than 0 is.
FOUR = """\
rad 0 cpus=0 node=0 physmem=8G freemem=6G load=50 distance=10,16,32,32
rad 1 cpus=1 node=0 physmem=8G freemem=2G load=20 distance=16,10,22,32
rad 2 cpus=0 node=0 physmem=8G freemem=7G load=80 distance=32,22,10,16
rad 3 cpus=1 node=0 physmem=8G freemem=4G load=5 distance=32,32,16,10
"""

# Eight RADs in two sockets of four; RAD 5 offline; all of socket 0 busy.
EIGHT = """\
rad 0 cpus=0 node=0 physmem=16G freemem=8G load=95 distance=10,12,12,12,30,30,30,30
rad 1 cpus=0 node=0 physmem=16G freemem=9G load=92 distance=12,10,12,12,30,30,30,30
rad 2 cpus=1 node=0 physmem=16G freemem=12G load=97 distance=12,12,10,12,30,30,30,30
rad 3 cpus=1 node=0 physmem=16G freemem=400M load=20 distance=12,12,12,10,30,30,30,30
rad 4 cpus=0 node=0 physmem=16G freemem=10G load=40 distance=30,30,30,30,10,12,12,12
rad 5 state=offline physmem=16G distance=30,30,30,30,12,10,12,12
rad 6 cpus=1 node=0 physmem=16G freemem=14G load=60 distance=30,30,30,30,12,12,10,12
rad 7 cpus=1 node=0 physmem=16G freemem=3G load=10 distance=30,30,30,30,12,12,12,10
"""


@pytest.fixture
def topo(tmp_path):
    def write(text, name="topology"):
        path = tmp_path / name
        path.write_text(text)
        return path
    return write


@pytest.mark.parametrize("distance,expect", [
    ("100", "1"), ("159", "1"), ("160", "0,1"), ("220", "0,1,2"),
    ("319", "0,1,2"), ("320", "0,1,2,3"), ("REMOTE", "0,1,2,3")])
def test_four_rad_candidates_by_distance(numa, topo, distance, expect):
    # RAD 1's row is 16,10,22,32 (SLIT): within d/10 of it
    kv = numa("nloc", "RAD", "1", distance, topology=topo(FOUR))
    assert kv == {"rc": "0", "set": expect}


def test_four_rad_nloc_from_a_set(numa, topo):
    # the union of what is near each member: 0 (10,16,32,32), 3 (32,32,16,10)
    kv = numa("nloc", "RAD", "0,3", "160", topology=topo(FOUR))
    assert kv["set"] == "0,1,2,3"
    kv = numa("nloc", "RAD", "0,3", "100", topology=topo(FOUR))
    assert kv["set"] == "0,3"


@pytest.mark.parametrize("flags,home", [
    ("SMALLMEM", "3"),   # lightest load: 3 (5 %)
    ("LARGEMEM", "2"),   # most free memory: 2 (7G), despite 80 % load
    # balance, idle x free share: 0: 50*.75=37.5  1: 80*.25=20
    # 2: 20*.875=17.5  3: 95*.5=47.5
    ("0", "3"),
])
def test_four_rad_home_by_flags(numa, topo, flags, home):
    kv = numa("choose", "RAD", "0,1,2,3", "0", flags, topology=topo(FOUR))
    assert (kv["rc"], kv["home"], kv["overridden"]) == ("0", home, "0")
    assert kv["candidates"] == "0,1,2,3"


def test_four_rad_choice_within_distance(numa, topo):
    # near RAD 1 within 220: {0,1,2}; SMALLMEM picks 1 (20 %), LARGEMEM 2
    t = topo(FOUR)
    assert numa("choose", "PATH", "x", "0", "0", topology=t)["rc"] == "EINVAL"
    kv = numa("choose", "RAD", "0,1,2", "0", "SMALLMEM", topology=t)
    assert kv["home"] == "1"
    kv = numa("choose", "RAD", "0,1,2", "0", "LARGEMEM", topology=t)
    assert kv["home"] == "2"


def test_eight_rad_hint_overridden_when_all_overloaded(numa, topo):
    t = topo(EIGHT)
    # socket 0's RADs 0-2 are all >= 90 % busy: without RAD_INSIST the set
    # is a hint, and the least loaded RAD that is not overloaded wins
    kv = numa("choose", "RAD", "0,1,2", "0", "SMALLMEM", topology=t)
    assert (kv["home"], kv["overridden"]) == ("7", "1")
    # the candidates become every RAD that is not overloaded (3 has 400M of
    # 16G free: overloaded too; 5 is offline)
    assert kv["candidates"] == "4,6,7"
    # with RAD_INSIST the set is mandatory
    kv = numa("choose", "RAD", "0,1,2", "0", "SMALLMEM|INSIST", topology=t)
    assert (kv["home"], kv["overridden"]) == ("1", "0")
    # while one candidate is not overloaded (4), the flags decide among
    # all of them: LARGEMEM takes 2 (12G free) though it is 97 % busy
    kv = numa("choose", "RAD", "2,4", "0", "LARGEMEM", topology=t)
    assert (kv["home"], kv["overridden"]) == ("2", "0")


def test_eight_rad_distance_across_sockets(numa, topo):
    t = topo(EIGHT)
    assert numa("nloc", "RAD", "4", "120", topology=t)["set"] == "4,6,7"  # 5 offline
    assert numa("nloc", "RAD", "4", "299", topology=t)["set"] == "4,6,7"
    assert numa("nloc", "RAD", "4", "300", topology=t)["set"] == "0,1,2,3,4,6,7"
    kv = numa("choose", "RAD", "4,6,7", "0", "LARGEMEM", topology=t)
    assert kv["home"] == "6"


def test_offline_and_missing_rads_are_einval(numa, topo):
    t = topo(EIGHT)
    assert numa("choose", "RAD", "4,5", "0", "0", topology=t)["rc"] == "EINVAL"
    assert numa("choose", "RAD", "8", "0", "0", topology=t)["rc"] == "EINVAL"
    assert numa("choose", "RAD", "", "0", "0", topology=t)["rc"] == "EINVAL"
    assert numa("nloc", "RAD", "5", "100", topology=t)["rc"] == "EINVAL"


def test_override_placement_is_real(numa, topo):
    # RAD 1 is CPU 1: the child runs there for real
    t = topo(TWO)
    kv = numa("fork", "RAD", "0,1", "0", "SMALLMEM|INSIST", topology=t)
    assert kv["child.cpus"] == "1"
    assert (kv["child.mode"], kv["child.nodes"]) == ("BIND", "0")
    assert kv["child.home"] == "1"
    # attach: home 1, but it may run on the rest of the set
    kv = numa("fork", "RAD", "0,1", "0", "SMALLMEM", topology=t)
    assert kv["child.cpus"] == "0-1"
    assert (kv["child.mode"], kv["child.home"]) == ("PREFERRED", "1")
    kv = numa("fork", "RAD", "0,1", "0", "LARGEMEM|INSIST", topology=t)
    assert (kv["child.cpus"], kv["child.home"]) == ("0", "0")
    kv = numa("radfork", "1", "0", topology=t)
    assert (kv["child.cpus"], kv["child.mode"], kv["child.home"]) == ("1", "BIND", "1")
    assert kv["parent.cpus"] == as_range(range(os.cpu_count()))


def test_override_file_errors(numa, topo):
    for bad in ("rad 0 cpus=0 load=101\n", "rad 0 node=0\n", "rad x cpus=0\n",
                "rad 0 cpus=0 colour=blue\n", "rad 0 cpus=0\nrad 0 cpus=1\n",
                "rad 0 cpus=0 distance=10,20\n", "socket 0\n", "",
                "rad 0 cpus=0 physmem=1G freemem=2G\n"):
        kv = numa("machine", topology=topo(bad))
        assert (kv["num"], kv["num.errno"]) == ("-1", "EINVAL"), bad
    kv = numa("machine", topology="/nonexistent/topology")
    assert (kv["num"], kv["num.errno"]) == ("-1", "ENOENT")


ONE = "rad 0 cpus=0 node=0\n"


def padded(text: str, size: int) -> str:
    """TEXT followed by comment lines up to exactly SIZE bytes."""
    fill = size - len(text)
    lines = ["#" * 63 + "\n"] * (fill // 64)
    if fill % 64:
        lines.append("#" * (fill % 64 - 1) + "\n")
    out = text + "".join(lines)
    assert len(out) == size
    return out


def test_override_file_must_be_a_regular_file(numa, tmp_path):
    # /dev/zero never ends and a FIFO without a writer blocks: both would
    # hang every NUMA call; they (and a directory) are refused at once
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", fifo, tmp_path):
        start = time.monotonic()
        kv = numa("machine", topology=path, timeout=20)
        assert (kv["num"], kv["num.errno"]) == ("-1", "EINVAL"), path
        assert time.monotonic() - start < 10


def test_override_file_size_is_bounded(numa, topo):
    # up to 1 MiB is read; a byte more is EFBIG
    kv = numa("machine", topology=topo(padded(ONE, 1 << 20)))
    assert (kv["num"], kv["num.errno"]) == ("1", "0")
    kv = numa("machine", topology=topo(padded(ONE, (1 << 20) + 1)))
    assert (kv["num"], kv["num.errno"]) == ("-1", "EFBIG")


def test_override_over_long_line(numa, topo):
    # lines are read 8191 bytes at a time: a longer one would be read as
    # two, its tail as a line of its own (here a second RAD); refused whole
    tail = "rad 1 cpus=0 node=0\n"
    kv = numa("machine", topology=topo(ONE + "#" + " " * 8189 + "\n" + tail))
    assert (kv["num"], kv["num.errno"]) == ("2", "0")   # 8190 characters and \n
    kv = numa("machine", topology=topo(ONE + "#" + " " * 8190 + tail))
    assert (kv["num"], kv["num.errno"]) == ("-1", "EINVAL")
    kv = numa("machine", topology=topo(ONE.rstrip("\n")))   # no final newline
    assert (kv["num"], kv["num.errno"]) == ("1", "0")


@pytest.mark.parametrize("value,nbytes", [
    ("8388607T", 8388607 << 40),                   # the largest T that fits
    ("9223372036854775807", 2**63 - 1),            # the largest number of bytes
    ("8388608T", None),                            # 2**63: overflows
    ("16777216T", None),                           # 2**64: was taken as 0
    ("9007199254740992K", None),                   # 2**63 again, in K
    ("9223372036854775808", None),                 # one past LLONG_MAX
    ("99999999999999999999", None),                # 20 digits: was saturated
])
def test_override_sizes_overflow(numa, topo, value, nbytes):
    for key in ("physmem", "freemem"):
        text = f"rad 0 cpus=0 node=0 physmem={2**63 - 1 if key == 'freemem' else value}"
        if key == "freemem":
            text += f" freemem={value}"
        kv = numa("machine", topology=topo(text + "\n"))
        if nbytes is None:
            assert (kv["num"], kv["num.errno"]) == ("-1", "EINVAL"), (key, value)
        else:
            assert (kv["num"], kv["num.errno"]) == ("1", "0"), (key, value)
            assert int(kv[f"rad0.{key}"]) == nbytes // PAGE


@pytest.mark.parametrize("line", [
    "rad 99999999999999999999 cpus=0",
    "rad 0 cpus=0 load=99999999999999999999",
    "rad 0 cpus=0 node=18446744073709551616",
    "rad 0 cpus=0-99999999999999999999",
    "rad 0 cpus=0 distance=18446744073709551626",
    "rad 0 cpus=0\ndevice 100000000:3b:00.0 rads=0",     # domain 2**32: was 0000
    "rad 0 cpus=0\ndevice 0000:10000000000000000:00.0 rads=0",
    "rad 0 cpus=0\ndevice 00:3b:00.0 rads=99999999999999999999",
])
def test_override_numbers_out_of_range(numa, topo, line):
    kv = numa("machine", topology=topo(line + "\n"))
    assert (kv["num"], kv["num.errno"]) == ("-1", "EINVAL"), line


@pytest.mark.skipif(os.geteuid() != 0, reason="making a setgid program needs root")
@pytest.mark.no_sanitizer(reason="a setgid program runs in secure mode, where the loader "
                          "ignores LD_PRELOAD: the ASan runtime cannot come first")
def test_override_ignored_in_a_setgid_program(numa, tmp_path):
    # a setgid program (secure mode) gets the caller's environment: it
    # must not read a file that environment names (secure_getenv)
    exe = tmp_path / "numa_cases_setgid"
    exe.write_bytes(Path(numa.exe).read_bytes())
    os.chown(exe, 0, 65534)
    exe.chmod(0o2755)
    env = dict(os.environ, PXF_NUMA_TOPOLOGY="/nonexistent/topology")
    _, out, _ = run([exe, "secure"], env=env, check_rc=0)
    kv = parse(out)
    if kv["at_secure"] != "1":
        pytest.skip("setgid has no effect here (nosuid mount)")
    assert (kv["num"], kv["num.errno"]) == (str(len(online_nodes())), "0")
    # the same program, not setgid, obeys it
    exe.chmod(0o755)
    kv = parse(run([exe, "secure"], env=env, check_rc=0)[1])
    assert (kv["at_secure"], kv["num"], kv["num.errno"]) == ("0", "-1", "ENOENT")


# --- devices -------------------------------------------------------------------

def pci_block_device():
    """A block device of this machine behind a PCI function, and its bus id."""
    for dev in sorted(Path("/sys/dev/block").iterdir()):
        real = (dev / "device").resolve() if (dev / "device").exists() else None
        if real is None:
            continue
        ids = [p for p in real.parts if p.count(":") == 2 and "." in p]
        node = Path("/dev") / (dev / "uevent").read_text().split("DEVNAME=")[1].split()[0]
        if ids and node.exists():
            return node, ids[-1]
    pytest.skip("no PCI block device on this machine")


def test_device_locality_from_override(numa, topo):
    node, busid = pci_block_device()
    t = topo(FOUR + f"device {busid} rads=2\n")
    # by device node, by sysfs path, by bus id (full or short)
    for path in (str(node), f"/sys/bus/pci/devices/{busid}", busid, busid[5:]):
        assert numa("nloc", "PATH", path, "100", topology=t) == {"rc": "0", "set": "2"}, path
    # an open descriptor: of the device node where this machine lets us
    # open it, of the device's sysfs directory always
    sysdir = f"/sys/bus/pci/devices/{busid}"
    assert numa("nloc", "FILDES", sysdir, "100", topology=t)["set"] == "2"
    if os.access(node, os.R_OK):
        try:
            os.close(os.open(node, os.O_RDONLY))
        except PermissionError:
            pass
        else:
            assert numa("nloc", "FILDES", str(node), "100", topology=t)["set"] == "2"
    # near it within 160: 2 and 3; SMALLMEM picks 3, LARGEMEM 2
    assert numa("nloc", "PATH", busid, "160", topology=t)["set"] == "2,3"
    assert numa("choose", "PATH", busid, "160", "SMALLMEM", topology=t)["home"] == "3"
    assert numa("choose", "PATH", busid, "160", "LARGEMEM", topology=t)["home"] == "2"
    # a bus id the file does not list is no resource
    assert numa("nloc", "PATH", "0000:ff:1f.7", "100", topology=t)["rc"] == "EINVAL"


def test_device_locality_from_hwloc(numa):
    node, busid = pci_block_device()
    local = (Path("/sys/bus/pci/devices") / busid / "numa_node").read_text().strip()
    expect = as_list(online_nodes()) if local == "-1" else local
    kv = numa("nloc", "PATH", str(node), "100")
    assert kv == {"rc": "0", "set": expect}
    assert numa("nloc", "PATH", busid, "100") == {"rc": "0", "set": expect}


def test_fork_during_the_first_topology_load(programs, tmp_path):
    """Forks leave the topology's lock alone until a topology is first
    asked for (core/common/fork_registry.h). The race that leaves, forced: another
    thread takes the lock for the first time while the fork is made. The
    child does not hang and loads the topology again."""
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    exe = programs.c("fork_lock_race")
    env = dict(os.environ, PXF_NUMA_TOPOLOGY=str(topo))
    _, out, _ = run([exe, "topology", os.path.join(_config.LIBDIR, "libpxf.so")],
                    env=env, check_rc=0)
    assert parse(out) == {"lock": "0", "child": "exit 0", "parent.num": "4"}


# --- errors ----------------------------------------------------------------------

@pytest.mark.parametrize("args,err", [
    (("9", "0", "100", "0"), "EINVAL"),                 # resource type
    (("RAD", "0", "0", "0x80"), "EINVAL"),              # undefined flag
    (("RAD", "0", "0", "MIGRATE|NO_MIGRATE"), "EINVAL"),
    (("PATH", "/", "99", "0"), "EINVAL"),               # distance < local
    (("RAD", "", "0", "0"), "EINVAL"),                  # empty radset
    (("RAD", "7", "0", "0"), "EINVAL"),                 # no such RAD
    (("PID", "999999999", "100", "0"), "EINVAL"),       # no such process
    (("FILDES", "bad", "100", "0"), "EINVAL"),          # not an open fd
    (("PATH", "/nonexistent", "100", "0"), "EINVAL"),   # neither file nor bus id
    (("SHM", "-5", "100", "0"), "EINVAL"),              # no such segment
    (("RAD", "bad", "0", "0"), "EFAULT"),               # radset pointer
    (("PATH", "bad", "100", "0"), "EFAULT"),            # path pointer
    (("MEM", "bad", "100", "0"), "EFAULT"),             # unmapped address
    (("RAD", "attrbad", "0", "0"), "EFAULT"),           # numa_attr pointer
])
def test_nfork_errors(numa, args, err):
    kv = numa("fork", *args)
    assert kv["nfork"] == err
    assert "child.cpus" not in kv     # no child was made
    assert (kv["parent.mode"], kv["parent.nodes"]) == ("DEFAULT", "")


def test_rad_fork_errors(numa):
    assert numa("radfork", "7", "0")["nfork"] == "EINVAL"
    assert numa("radfork", "0", "INSIST")["nfork"] == "EINVAL"   # NO_INHERIT only
    assert numa("radfork", "-1", "0")["nfork"] == "EINVAL"


def test_nfork_eagain_at_the_process_limit(numa):
    kv = numa("fork", "RAD", "0", "0", "INSIST",
              preexec_fn=as_unprivileged(nproc=0))
    assert kv["nfork"] == "EAGAIN"


def test_nfork_enomem(numa, programs):
    # the kernel refusing the process for lack of memory, via a filter
    helper = programs.c("seccomp_fail", "-lseccomp")
    _, out, _ = run([helper, errno.ENOMEM, "clone,fork,vfork", numa.exe,
                     "fork", "RAD", "0", "0", "INSIST"], check_rc=0)
    kv = parse(out)
    assert kv["nfork"] == "ENOMEM"
    # the caller had taken the child's placement for the fork: it has its
    # own back
    assert (kv["parent.mode"], kv["parent.nodes"]) == ("DEFAULT", "")
    assert kv["parent.cpus"] == as_range(range(os.cpu_count()))


# --- NUMA scheduling groups ----------------------------------------------------------

def pinned(cpu):
    return lambda: os.sched_setaffinity(0, {cpu})


def test_nsg_members_share_one_home(numa, topo):
    if os.cpu_count() < 2:
        pytest.skip("needs two CPUs")
    t = topo(TWO)
    key = str(0x5058_0000 + os.getpid() % 0xffff)
    env = dict(os.environ, PXF_NUMA_TOPOLOGY=str(t))
    # the first member runs on CPU 1 (RAD 1): that becomes the group's home
    first = subprocess.Popen(
        [numa.exe, "nsg", key, "CREATE|EXCL", "attach", "self", "0",
         "placement", "byself", "sleep", "3"],
        env=env, stdout=subprocess.PIPE, text=True, preexec_fn=pinned(1))
    try:
        lines = []
        for line in first.stdout:
            lines.append(line)
            if line.startswith("byself="):
                break
        kv = parse("".join(lines))
        assert (kv["init"], kv["attach"]) == ("ok", "0")
        assert (kv["self.cpus"], kv["self.home"]) == ("1", "1")
        assert kv["byself"] == "same"
        # an unrelated process on CPU 0 joins: placed on RAD 1 too
        kv = numa("nsg", key, "0", "attach", "self", "INSIST", "placement",
                  topology=t, preexec_fn=pinned(0))
        assert (kv["init"], kv["attach"]) == ("ok", "0")
        assert (kv["self.cpus"], kv["self.mode"], kv["self.home"]) == ("1", "BIND", "1")
        # nfork into the group: the child gets the group's home
        kv = numa("nsg", key, "0", "fork", topology=t, preexec_fn=pinned(0))
        assert (kv["nfork"], kv["child.cpus"], kv["child.home"]) == ("ok", "1", "1")
        # creating it again exclusively fails
        assert numa("nsg", key, "CREATE|EXCL")["init"] == "EEXIST"
    finally:
        first.kill()
        first.wait()
    kv = numa("nsg", key, "0", "destroy")
    assert (kv["init"], kv["destroy"]) == ("ok", "0")
    assert numa("nsg", key, "0")["init"] == "ENOENT"


def test_nsg_detach_cleanup_and_errors(numa):
    key = str(0x5059_0000 + os.getpid() % 0xffff)
    kv = numa("nsg", key, "CREATE|CLEANUP", "attach", "self", "0", "byself",
              "detach", "self", "byself", "detach", "self")
    assert (kv["init"], kv["attach"]) == ("ok", "0")
    assert kv["byself"] == "ENOENT"            # the last byself, after detach
    assert kv["detach"] == "EINVAL"            # not a member any more
    # NSG_CLEANUP: gone with its last member
    assert numa("nsg", key, "0")["init"] == "ENOENT"
    # bad flags, a pid that does not exist, GETBYPID with CREATE
    assert numa("nsg", key, "0x40000000")["init"] == "EINVAL"
    assert numa("nsg", key, "GETBYPID|CREATE")["init"] == "EINVAL"
    kv = numa("nsg", key, "CREATE|CLEANUP", "attach", "999999999", "0",
              "attach", "self", "0x80", "detach", "self")
    assert kv["attach"] == "EINVAL"            # the last attach: bad flag
    kv = numa("nsg", key, "CREATE|CLEANUP", "attach", "999999999", "0")
    assert kv["attach"] == "ESRCH"
    kv = numa("nsg", key, "0", "destroy")
    assert kv["destroy"] == "0"


def test_nsg_home_from_another_topology(numa, topo):
    # The group's home was chosen under an override with RAD 5; a process
    # whose topology has only RAD 0 cannot be placed there: EINVAL (it read
    # rads[-1] and crashed), and it does not join.
    key = str(0x505b_0000 + os.getpid() % 0xffff)
    cpus = as_range(range(os.cpu_count()))
    five = topo(f"rad 5 cpus={cpus} node=0\n", "five")
    zero = topo(f"rad 0 cpus={cpus} node=0\n", "zero")
    try:
        kv = numa("nsg", key, "CREATE|EXCL", "attach", "self", "0", "placement",
                  topology=five)
        assert (kv["init"], kv["attach"], kv["self.home"]) == ("ok", "0", "5")
        kv = numa("nsg", key, "0", "attach", "self", "0", "byself", "fork",
                  topology=zero)
        assert (kv["init"], kv["attach"], kv["byself"]) == ("ok", "EINVAL", "ENOENT")
        assert kv["nfork"] == "EINVAL"
        assert "child.cpus" not in kv
        assert numa("nloc", "NSG", key, "100", topology=zero) == {"rc": "EINVAL"}
        # under its own topology the group still works
        kv = numa("nsg", key, "0", "attach", "self", "0", "placement", topology=five)
        assert (kv["attach"], kv["self.home"]) == ("0", "5")
    finally:
        assert numa("nsg", key, "0", "destroy")["destroy"] == "0"


# --- a group's segment written by others ------------------------------------------
# A group is a System V segment that its owner (or everyone, with mode 0666)
# may write: what is in it must never crash or hang the library.

def nsg_key(n):
    return str(0x5060_0000 + n * 0x1_0000 + os.getpid() % 0xffff)


@pytest.mark.parametrize("field,value", [
    ("nmembers", "100000"), ("nmembers", "1025"), ("nmembers", "-1"),
    ("home_plus1", "5000"), ("home_plus1", "1025"), ("home_plus1", "-7"),
    ("magic", "0x1234"), ("cleanup", "7"), ("pid0", "-1"), ("pid0", "0"),
])
def test_nsg_tampered_segment_is_einval(numa, field, value):
    key = nsg_key(0)
    kv = numa("nsg", key, "CREATE|EXCL", "attach", "self", "0", "tamper", field, value)
    assert (kv["init"], kv["attach"], kv["tamper"]) == ("ok", "0", "ok")
    try:
        assert numa("nsg", key, "0", timeout=20)["init"] == "EINVAL"
        kv = numa("nsg", key, "noinit", "attach", "self", "0", "byself", "fork",
                  "detach", "self", timeout=20)
        assert (kv["attach"], kv["byself"], kv["nfork"]) == ("EINVAL", "ENOENT", "EINVAL")
        assert kv["detach"] == "EINVAL"
        assert "child.cpus" not in kv
    finally:
        # what is left to do with it: destroy it
        assert numa("nsg", key, "noinit", "destroy")["destroy"] == "0"


def test_nsg_foreign_segments_are_einval(numa):
    # segments that are no group: another size, or a group's size holding
    # something else (its first word, the lock, is garbage too)
    key = nsg_key(1)
    for size in ("4096", "nsg"):
        assert numa("segment", key, size)["segment"] == "ok"
        try:
            assert numa("nsg", key, "0", timeout=20)["init"] == "EINVAL"
            kv = numa("nsg", key, "noinit", "attach", "self", "0", "fork", timeout=20)
            assert (kv["attach"], kv["nfork"]) == ("EINVAL", "EINVAL")
        finally:
            assert numa("segment", key, "rm")["rm"] == "0"


@pytest.mark.errno("PXFNSGINIT", "ETIMEDOUT")
@pytest.mark.errno("PXFNSGATTACHPID", "ETIMEDOUT")
@pytest.mark.errno("PXFNFORK", "ETIMEDOUT")
@pytest.mark.errno("PXFNLOC", "ETIMEDOUT")
def test_nsg_lock_of_a_live_holder_times_out_from_python(numa):
    # the same through the PXF routines: a live holder in the lock word
    key = nsg_key(3)
    holder = subprocess.Popen(["sleep", "60"])
    try:
        kv = numa("nsg", key, "CREATE|EXCL", "tamper", "lock", str(holder.pid))
        assert (kv["init"], kv["tamper"]) == ("ok", "ok")
        nsg = int(kv["nsgid"])
        attr = pxf.numa.NumaAttr(pxf.numa.R_NSG, nsg)
        for call in (lambda: pxf.numa.nsg_init(int(key)),
                     lambda: pxf.numa.nsg_attach_pid(nsg, 0),
                     lambda: pxf.numa.nfork(attr),
                     lambda: pxf.numa.nloc(attr)):
            with pytest.raises(OSError) as e:
                call()
            assert e.value.errno == errno.ETIMEDOUT
    finally:
        holder.kill()
        holder.wait()
        assert numa("nsg", key, "noinit", "destroy")["destroy"] == "0"


def test_nsg_lock_of_a_live_holder_times_out(numa):
    # a live process in the lock word (it never lets go): every call waits
    # 1 s for it, then ETIMEDOUT; it used to spin forever at 100 % CPU
    key = nsg_key(2)
    holder = subprocess.Popen(["sleep", "60"])
    try:
        kv = numa("nsg", key, "CREATE|EXCL", "tamper", "lock", str(holder.pid))
        assert (kv["init"], kv["tamper"]) == ("ok", "ok")
        kv = numa("nsg", key, "0", timeout=20)
        assert kv["init"] == "ETIMEDOUT"
        assert 1000 <= int(kv["init.ms"]) < 3000
        kv = numa("nsg", key, "noinit", "attach", "self", "0", timeout=20)
        assert kv["attach"] == "ETIMEDOUT"
        assert 1000 <= int(kv["attach.ms"]) < 3000
        start = time.monotonic()
        kv = numa("nsg", key, "noinit", "fork", timeout=20)
        assert (kv["nfork"], time.monotonic() - start < 10) == ("ETIMEDOUT", True)
        assert "child.cpus" not in kv
        # gone: the lock is taken over at once
        holder.kill()
        holder.wait()
        kv = numa("nsg", key, "0", "attach", "self", "0")
        assert (kv["init"], kv["attach"]) == ("ok", "0")
        assert int(kv["init.ms"]) < 1000 and int(kv["attach.ms"]) < 1000
    finally:
        holder.kill()
        holder.wait()
        assert numa("nsg", key, "noinit", "destroy")["destroy"] == "0"


def test_nsg_lock_word_of_our_own_pid_or_garbage(numa):
    key = nsg_key(3)
    try:
        # our own pid, though no thread of ours holds it: bounded too
        kv = numa("nsg", key, "CREATE|EXCL", "tamper", "lock", "self",
                  "attach", "self", "0", timeout=20)
        assert (kv["init"], kv["attach"]) == ("ok", "ETIMEDOUT")
        assert 1000 <= int(kv["attach.ms"]) < 3000
        # a word that is no pid at all (negative: kill() would name a
        # process group): taken over
        kv = numa("nsg", key, "0", "tamper", "lock", "-5", "attach", "self", "0",
                  "tamper", "lock", "-2147483648", "attach", "self", "0", timeout=20)
        assert (kv["init"], kv["attach"]) == ("ok", "0")
        assert int(kv["attach.ms"]) < 1000
    finally:
        assert numa("nsg", key, "noinit", "destroy")["destroy"] == "0"
