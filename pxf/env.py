"""The process environment: getenv, setenv, clearenv, uname; the process's
user and group ids, groups, login name, process group and session;
terminals; time and local time."""
from __future__ import annotations

import errno
import os
import time as _time
from typing import NamedTuple

from . import _fpxf
from ._errors import check, checked
from ._strings import argument, decode, output
from .consts import selector
from .structs import Struct


def getenv(name: str, default: str | None = None) -> str | None:
    """getenv(3) through PXFGETENV: the value, or `default` when the
    variable is unset. An empty name or one containing '=' raises
    OSError(EINVAL)."""
    b, n = argument(name)
    value, lenval, ierror = _fpxf.pxfgetenv(b, n)
    valid = len(b) > 0 and b"=" not in b
    if ierror == errno.EINVAL and valid:
        return default  # PXFGETENV reports an unset variable as EINVAL
    return decode(output(value, lenval, ierror))


def setenv(name: str, value: str, overwrite: bool = True) -> None:
    """setenv(3) through PXFSETENV; overwrite=False keeps an existing value.
    Values are taken exactly, trailing blanks included."""
    nb, nn = argument(name)
    vb, vn = argument(value)
    check(_fpxf.pxfsetenv(nb, nn, vb, vn, 1 if overwrite else 0))


def clearenv() -> None:
    """clearenv(3) through PXFCLEARENV: remove every variable."""
    check(_fpxf.pxfclearenv())


class UnameResult(NamedTuple):
    sysname: str
    nodename: str
    release: str
    version: str
    machine: str


def uname() -> UnameResult:
    """uname(2) through PXFUNAME and a 'utsname' structure handle."""
    with Struct("utsname") as s:
        check(_fpxf.pxfuname(s.handle))
        return UnameResult(*(s.get_str(f) for f in UnameResult._fields))


# --- identity and time (1003.9 clauses 4.2, 4.3, 4.5.1), as os has them --


def getuid() -> int:
    """getuid(2) through PXFGETUID (an id above 2**31 - 1 cannot pass the
    default-INTEGER externals: OSError(EOVERFLOW))."""
    return checked(_fpxf.pxfgetuid())


def geteuid() -> int:
    """geteuid(2) through PXFGETEUID."""
    return checked(_fpxf.pxfgeteuid())


def getgid() -> int:
    """getgid(2) through PXFGETGID."""
    return checked(_fpxf.pxfgetgid())


def getegid() -> int:
    """getegid(2) through PXFGETEGID."""
    return checked(_fpxf.pxfgetegid())


def setuid(uid: int) -> None:
    """setuid(2) through PXFSETUID, as os.setuid: PermissionError(EPERM)
    without the privilege, OSError(EINVAL) for an id the kernel refuses."""
    check(_fpxf.pxfsetuid(uid))


def setgid(gid: int) -> None:
    """setgid(2) through PXFSETGID, as os.setgid."""
    check(_fpxf.pxfsetgid(gid))


def getpgrp() -> int:
    """getpgrp(2) through PXFGETPGRP."""
    return checked(_fpxf.pxfgetpgrp())


def setsid() -> None:
    """setsid(2) through PXFSETSID, as os.setsid (which returns None: the
    new session's id is the caller's pid). PermissionError(EPERM) for a
    process group leader."""
    checked(_fpxf.pxfsetsid())


def setpgid(pid: int, pgrp: int) -> None:
    """setpgid(2) through PXFSETPGID, as os.setpgid (pid 0: the caller;
    pgrp 0: pid)."""
    check(_fpxf.pxfsetpgid(pid, pgrp))


def time() -> int:
    """time(2) through PXFTIME: whole seconds since the Epoch (an int;
    time.time() gives the same instant as a float)."""
    return checked(_fpxf.pxftime())


def sysconf(name: str | int) -> int:
    """sysconf(3) through PXFSYSCONF, as os.sysconf: NAME is a selector's
    name (Intel's "_SC_ARG_MAX" or Cray's "ARG_MAX", through PXFCONST) or
    its value; -1 when the variable has no limit. OSError(EINVAL) for a bad
    selector value, PXFError(ENONAME) for an unknown name."""
    return checked(_fpxf.pxfsysconf(selector(name)))


def times() -> os.times_result:
    """times(2) through PXFTIMES and a 'tms' structure handle, as os.times:
    user, system, children's user and system time and the elapsed real
    time, in seconds (clock ticks / sysconf(_SC_CLK_TCK)). `elapsed` counts
    from when libpxf was loaded (os.times() from Linux's own point): only
    differences mean anything, for both."""
    tick = sysconf("_SC_CLK_TCK")
    with Struct("tms") as t:
        elapsed = checked(_fpxf.pxftimes(t.handle))
        parts = [t.get_int(f) for f in ("tms_utime", "tms_stime", "tms_cutime", "tms_cstime")]
    return os.times_result([p / tick for p in parts] + [elapsed / tick])


def ctermid() -> str:
    """ctermid(3) through PXFCTERMID, as os.ctermid."""
    s, ilen, ierror = _fpxf.pxfctermid()
    return decode(output(s, ilen, ierror))


def argc() -> int:
    """IPXFARGC: the number of command-line arguments of this process, the
    program name not counted (for Python, the interpreter's own command
    line, as /proc/self/cmdline has it; sys.argv is a rewritten part of it)."""
    return _fpxf.ipxfargc()


def getarg(m: int) -> str:
    """PXFGETARG: the M-th command-line argument of this process (0: the
    program name); OSError(EINVAL) past the last."""
    buf, ilen, ierror = _fpxf.pxfgetarg(m)
    return decode(output(buf, ilen, ierror))


def getgroups() -> list[int]:
    """getgroups(2) through PXFGETGROUPS, as os.getgroups: the
    supplementary group ids. pxf._fpxf passes default INTEGERs: an id above
    2**31 - 1 raises OSError(EOVERFLOW)."""
    while True:
        count = checked(_fpxf.pxfgetgroups(0))[1]
        # The groups may change between the two calls (another thread's
        # setgroups): a list then too short is EINVAL, and one asked for
        # with count 0 when groups have appeared is the count alone; either
        # way it is asked again.
        gids, n, ierror = _fpxf.pxfgetgroups(count)
        if (ierror == errno.EINVAL and count > 0) or (ierror == 0 and n != count):
            continue
        check(ierror)
        return [int(g) for g in gids[:n]]


def getlogin() -> str:
    """getlogin(3) through PXFGETLOGIN, as os.getlogin: the name of the user
    logged in on the controlling terminal; OSError (ENXIO, ENOTTY, ENOENT)
    for a process without one."""
    s, ilen, ierror = _fpxf.pxfgetlogin()
    return decode(output(s, ilen, ierror))


def isatty(fd: int) -> bool:
    """isatty(3) through PXFISATTY. os.isatty answers False for a
    descriptor that is not open; this raises OSError(EBADF), as PXFISATTY
    reports it."""
    return bool(checked(_fpxf.pxfisatty(fd)))


def localtime(seconds: int | None = None) -> _time.struct_time:
    """PXFLOCALTIME, as time.localtime: `seconds` since the Epoch (now when
    None) in the zone TZ names (read again at each call, as time.localtime
    does after time.tzset()). A TZ that names no zone: OSError(EINVAL),
    where time.localtime quietly takes UTC.
    Seconds must fit the default INTEGER of pxf._fpxf (until 2038-01-19)."""
    if seconds is None:
        seconds = time()
    sec, mn, hour, mday, month, year, wday, yday, isdst = (
        int(v) for v in checked(_fpxf.pxflocaltime(seconds)))
    # PXFLOCALTIME counts weekdays from Sunday (C's tm_wday), struct_time
    # from Monday. PXFLOCALTIME has no zone name or offset: tm_zone and
    # tm_gmtoff are None.
    return _time.struct_time((year, month, mday, hour, mn, sec, (wday + 6) % 7, yday, isdst))
