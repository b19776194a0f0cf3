"""nfork and the Tru64 UNIX NUMA API (docs/numa.md), through PXFNFORK,
PXFNLOC and the PXFRAD*/PXFNSG* routines of the Fortran layer.

A RAD is a Linux NUMA node (or a RAD of the override file named by
PXF_NUMA_TOPOLOGY or set_topology()). Constants have Tru64's names and the
library's values (PXFCONST). Failures raise OSError.

>>> import pxf
>>> t = pxf.numa.topology()
>>> attr = pxf.numa.NumaAttr(pxf.numa.R_RAD, [t.rads[0].id], flags=pxf.numa.RAD_INSIST)
>>> pid = pxf.nfork(attr)          # the child runs on RAD 0's CPUs
"""
from __future__ import annotations

import ctypes
import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import _config

if not _config.NUMA:
    raise ImportError(_config.NO_NUMA)

from . import _fpxf  # noqa: E402  (only a build with the family has its routines)
from ._errors import check, checked
from ._libpxf import libpxf
from ._strings import argument, decode, output
from .consts import const
from .process import _flush_python
from .structs import Struct

R_RAD = const("R_RAD")
R_FILDES = const("R_FILDES")
R_PATH = const("R_PATH")
R_SHM = const("R_SHM")
R_PID = const("R_PID")
R_MEM = const("R_MEM")
R_NSG = const("R_NSG")
RAD_INSIST = const("RAD_INSIST")
RAD_SMALLMEM = const("RAD_SMALLMEM")
RAD_LARGEMEM = const("RAD_LARGEMEM")
RAD_WAIT = const("RAD_WAIT")
RAD_MIGRATE = const("RAD_MIGRATE")
RAD_NO_MIGRATE = const("RAD_NO_MIGRATE")
RAD_NO_INHERIT = const("RAD_NO_INHERIT")
RAD_DIST_LOCAL = const("RAD_DIST_LOCAL")
RAD_DIST_REMOTE = const("RAD_DIST_REMOTE")
RAD_ONLINE = const("RAD_ONLINE")
RAD_OFFLINE = const("RAD_OFFLINE")
NSG_CREATE = const("NSG_CREATE")
NSG_EXCL = const("NSG_EXCL")
NSG_GETBYPID = const("NSG_GETBYPID")
NSG_CLEANUP = const("NSG_CLEANUP")



class RadSet:
    """A set of RAD ids held by the library (a 'radset' handle), for R_RAD
    attributes; behaves as a Python set of ints.

    >>> s = RadSet([0, 1]) - RadSet([1])
    >>> sorted(s)
    [0]
    """

    def __init__(self, rads: Iterable[int] = ()):
        self._struct = Struct("radset")
        for r in rads:
            self.add(r)

    @property
    def handle(self) -> int:
        return self._struct.handle

    @classmethod
    def all(cls) -> RadSet:
        """Every online RAD (radfillset)."""
        s = cls()
        check(_fpxf.pxfradfillset(s.handle))
        return s

    def add(self, rad: int) -> None:
        check(_fpxf.pxfradaddset(self.handle, rad))

    def discard(self, rad: int) -> None:
        check(_fpxf.pxfraddelset(self.handle, rad))

    def __contains__(self, rad: object) -> bool:
        if not isinstance(rad, int):
            return False
        return bool(checked(_fpxf.pxfradismember(self.handle, rad)))

    def __len__(self) -> int:
        return int(checked(_fpxf.pxfradcountset(self.handle)))

    def __iter__(self) -> Iterator[int]:
        after = -1
        while True:
            rad = checked(_fpxf.pxfradnext(self.handle, after))
            if rad < 0:
                return
            yield int(rad)
            after = rad

    def _binary(self, other: RadSet, routine) -> RadSet:
        out = RadSet()
        check(routine(self.handle, other.handle, out.handle))
        return out

    def __or__(self, other: RadSet) -> RadSet:
        return self._binary(other, _fpxf.pxfradorset)

    def __and__(self, other: RadSet) -> RadSet:
        return self._binary(other, _fpxf.pxfradandset)

    def __sub__(self, other: RadSet) -> RadSet:
        return self._binary(other, _fpxf.pxfraddiffset)

    def __xor__(self, other: RadSet) -> RadSet:
        return self._binary(other, _fpxf.pxfradxorset)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RadSet):
            other = set(other)
        return set(self) == other if isinstance(other, (set, frozenset)) else NotImplemented

    def __repr__(self) -> str:
        return f"RadSet({sorted(self)})"

    def close(self) -> None:
        self._struct.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # the library may be gone at interpreter exit
            pass


@dataclass
class NumaAttr:
    """numa_attr_t: the resource the child is placed near.

    descr by type: R_RAD an iterable of RAD ids or a RadSet (None: no
    placement, as fork); R_FILDES an fd; R_PATH a path, device node or PCI
    bus id; R_SHM a shmid; R_PID a pid (0: this process); R_MEM an address;
    R_NSG an nsgid."""
    type: int
    descr: object = None
    distance: int = RAD_DIST_LOCAL
    flags: int = 0


class _AttrHandle:
    """A 'numa_attr' handle filled from a NumaAttr, freed on exit; None is
    handle 0 (PXFNFORK: a plain fork)."""

    def __init__(self, attr: NumaAttr | None):
        self.struct = None
        self.radset = None
        if attr is None:
            return
        self.struct = Struct("numa_attr")
        s = self.struct
        s.set_int("nattr_type", attr.type)
        s.set_int("nattr_distance", attr.distance)
        s.set_int("nattr_flags", attr.flags)
        d = attr.descr
        if attr.type == R_RAD and d is not None:
            self.radset = d if isinstance(d, RadSet) else RadSet(d)
            s.set_int("nattr_descr", self.radset.handle)
        elif attr.type == R_PATH:
            if d is not None:
                s.set_str("nattr_path", d if isinstance(d, str) else str(d))
        elif isinstance(d, int):
            s.set_int("nattr_descr", d)
        elif d is not None and attr.type in (R_FILDES, R_SHM, R_PID, R_MEM, R_NSG):
            raise TypeError(f"the descriptor of this resource type is an int, "
                            f"not {type(d).__name__}")
        # (an unknown type: the library refuses it with EINVAL)

    def __enter__(self) -> int:
        return self.struct.handle if self.struct else 0

    def __exit__(self, *exc):
        if self.struct:
            self.struct.close()


def nfork(attr: NumaAttr | None = None) -> int:
    """Tru64 nfork(3) through PXFNFORK: fork with the child on the home RAD
    chosen for `attr` (None: plain fork). 0 in the child, its pid in the
    parent. Buffers are flushed and the interpreter's fork steps run, as
    for os.fork()."""
    with _AttrHandle(attr) as h:
        _flush_python()
        return int(checked(_fpxf.pxfnfork(h)))


def rad_fork(rad: int, flags: int = 0) -> int:
    """rad_fork(3): nfork onto RAD `rad`, bound there (flags:
    RAD_NO_INHERIT)."""
    _flush_python()
    return int(checked(_fpxf.pxfradfork(rad, flags)))


def nloc(attr: NumaAttr) -> frozenset[int]:
    """nloc(3): the RADs within attr.distance of the resource."""
    out = RadSet()
    with _AttrHandle(attr) as h:
        check(_fpxf.pxfnloc(h, out.handle))
    return frozenset(out)


def choose(attr: NumaAttr) -> tuple[int, frozenset[int]]:
    """What nfork(attr) would do now, without forking: (home RAD,
    candidate RADs). R_NSG raises EINVAL (joining is not a dry run)."""
    cands = RadSet()
    with _AttrHandle(attr) as h:
        home = checked(_fpxf.pxfnforkchoice(h, cands.handle))
    return int(home), frozenset(cands)


def set_topology(path: str | None = None) -> None:
    """Read the topology from an override file (docs/numa.md); None: the
    machine again. OSError names the file."""
    check(_fpxf.pxfnumatopology(*argument(path or "")), filename=path)


def hwloc_status() -> str:
    """The hwloc library the machine's topology is read with (its soname),
    loaded now if it was not yet. libpxf does not link hwloc: it loads it
    when the machine's topology is first needed. OSError(ENOSYS), with the
    loader's reason, when it cannot be loaded: then every call that needs
    the machine's topology raises ENOSYS, and an override file still works."""
    status = libpxf().pxf_numa_hwloc_status
    status.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    status.restype = ctypes.c_int
    buf = ctypes.create_string_buffer(512)
    err = status(buf, len(buf))
    text = buf.value.decode(errors="replace")
    if err:
        raise OSError(err, f"{os.strerror(err)}: {text}")
    return text


@dataclass(frozen=True)
class Rad:
    """One RAD: its CPUs, memory (bytes), CPU load (percent busy), state
    and distances to the others (RAD_DIST_LOCAL = local)."""
    id: int
    online: bool
    cpus: tuple[int, ...] = ()
    physmem: int = 0
    freemem: int = 0
    load: int = 0
    distances: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Topology:
    rads: tuple[Rad, ...]
    max_id: int

    def rad(self, rad_id: int) -> Rad:
        for r in self.rads:
            if r.id == rad_id:
                return r
        raise KeyError(rad_id)


def _cpu_list(text: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in filter(None, text.split(",")):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return tuple(out)


def topology() -> Topology:
    """The RADs now: CPUs, distances, physical and free memory, load."""
    page = os.sysconf("SC_PAGESIZE")
    max_id = int(checked(_fpxf.pxfradgetmax()))
    ids = []
    for r in range(max_id):
        try:
            state = checked(_fpxf.pxfradgetstate(r))
        except OSError as e:
            if e.errno != errno.EINVAL:
                raise
            continue               # not a RAD of this topology
        ids.append((r, state == RAD_ONLINE))
    rads = []
    for r, online in ids:
        if not online:
            rads.append(Rad(r, False))
            continue
        cpulist, ilen, ierror = _fpxf.pxfradgetcpus(r)
        cpus = _cpu_list(decode(output(cpulist, ilen, ierror)))
        dist = {o: int(checked(_fpxf.pxfradgetdistance(r, o))) for o, _ in ids}
        rads.append(Rad(r, True, cpus,
                        int(checked(_fpxf.pxfradgetphysmem(r))) * page,
                        int(checked(_fpxf.pxfradgetfreemem(r))) * page,
                        int(checked(_fpxf.pxfradgetload(r))), dist))
    return Topology(tuple(rads), max_id)


def current_home() -> int:
    """rad_get_current_home(3)."""
    return int(checked(_fpxf.pxfradgetcurrenthome()))


def cpu_rad(cpu: int) -> int:
    """cpu_get_rad(3)."""
    return int(checked(_fpxf.pxfcpugetrad(cpu)))


def nsg_init(key: int, flags: int = 0) -> int:
    """nsg_init(3): the NUMA scheduling group of `key` (NSG_CREATE: make it;
    the low nine bits of flags are its permissions, 0600 if none)."""
    return int(checked(_fpxf.pxfnsginit(key, flags)))


def nsg_attach_pid(nsg: int, pid: int = 0, flags: int = 0) -> None:
    """nsg_attach_pid(3): place `pid` (0: this process) on the group's home."""
    check(_fpxf.pxfnsgattachpid(nsg, pid, flags))


def nsg_detach_pid(pid: int = 0) -> None:
    check(_fpxf.pxfnsgdetachpid(pid))


def nsg_destroy(nsg: int) -> None:
    check(_fpxf.pxfnsgdestroy(nsg))
