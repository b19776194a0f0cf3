"""PXFISATTY, PXFGETLOGIN, PXFGETGROUPS and PXFLOCALTIME from Fortran (the
externals with default INTEGER, USE pxf with INTEGER(8)) and from Python
against os and time. The failures are real: a descriptor not open, a
process without a login uid (ENXIO), a login uid without a passwd entry
(ENOTTY with no terminal, ENOENT on a terminal utmp does not know), group
ids above 2**31 - 1 set as root, a TZ that names no zone."""
import errno
import os
import time

import pytest

import pxf
from support import python_snippet, run, parse


def fortran(programs, *args, **kw):
    _, out, _ = run([programs.fortran("t_terminal_time"), *map(str, args)], check_rc=0, **kw)
    return parse(out)


@pytest.mark.errno("PXFISATTY", "EBADF", "EINVAL")
def test_isatty(programs):
    master, slave = os.openpty()
    r, w = os.pipe()
    try:
        kv = fortran(programs, "isatty", slave, r, pass_fds=(slave, r))
        assert kv["tty"] == "T 0" and kv["tty8"] == "T 0"
        assert kv["pipe"] == "F 0"
        assert kv["closed"] == f"F {errno.EBADF}"
        assert kv["huge8"] == f"F {errno.EINVAL}"
        assert pxf.isatty(slave) is os.isatty(slave) is True
        assert pxf.isatty(r) is os.isatty(r) is False
        os.close(w)
        with pytest.raises(OSError) as e:
            pxf.isatty(w)
        assert e.value.errno == errno.EBADF
    finally:
        for fd in (master, slave, r):
            os.close(fd)


def _set_loginuid(uid):
    """preexec_fn: the login uid pam_loginuid would set (root may, once)."""
    def pre():
        with open("/proc/self/loginuid", "w") as f:
            f.write(str(uid))
    return pre


@pytest.mark.errno("PXFGETLOGIN", "ETRUNC")
def test_getlogin_from_the_login_uid(programs):
    kv = fortran(programs, "login", preexec_fn=_set_loginuid(65534))
    name = "nobody"
    assert kv["login"] == f"[{name:32s}] {len(name)} 0"
    assert kv["short"] == f"[{name[:3]}] {len(name)} {pxf.ETRUNC}"
    _, out, _ = python_snippet("import os, pxf; print(pxf.getlogin(), os.getlogin())",
                               check_rc=0, preexec_fn=_set_loginuid(65534))
    assert out.split() == [name, name]


@pytest.mark.errno("PXFGETLOGIN", "ENOENT", "ENOTTY", "ENXIO")
def test_getlogin_failures(programs):
    """The errno glibc's getlogin_r gives, from Fortran and Python, each as
    os.getlogin raises it: no login uid (ENXIO); a login uid no passwd
    entry names, so the terminal's utmp entry is asked: no terminal
    (ENOTTY), a terminal utmp does not know (ENOENT)."""
    master, slave = os.openpty()
    cases = {errno.ENXIO: ({}, None), errno.ENOTTY: ({}, 12345),
             errno.ENOENT: ({"stdin": slave}, 12345)}
    code = ("import os, pxf\n"
            "def err(f):\n"
            "    try: f()\n"
            "    except OSError as e: return type(e).__name__, e.errno\n"
            "print(err(pxf.getlogin) == err(os.getlogin), err(pxf.getlogin)[1])")
    try:
        for want, (kw, uid) in cases.items():
            pre = _set_loginuid(uid) if uid is not None else None
            kv = fortran(programs, "login", preexec_fn=pre, **kw)
            assert kv["login"] == f"[{'':32s}] -1 {want}", want
            _, out, _ = python_snippet(code, check_rc=0, preexec_fn=pre, **kw)
            assert out.split() == ["True", str(want)]
    finally:
        os.close(master)
        os.close(slave)


def _groups(gids):
    def pre():
        os.setgroups(gids)
    return pre


@pytest.mark.errno("PXFGETGROUPS", "EINVAL", "EOVERFLOW")
def test_getgroups(programs):
    gids = [4, 27, 100, 3000000000]      # the last one above 2**31 - 1
    kv = fortran(programs, "groups", preexec_fn=_groups(gids))
    assert kv["count"] == "4 0"
    assert kv["list"] == f"-1 {errno.EOVERFLOW} :"   # never a wrapped id
    assert kv["list8"] == "4 0 : " + " ".join(map(str, gids))
    assert kv["beyond"] == f"-1 {errno.EINVAL}"      # a count beyond the array
    assert kv["negative"] == f"-1 {errno.EINVAL}"
    kv = fortran(programs, "groups", preexec_fn=_groups(gids[:3]))
    assert kv["list"] == "3 0 : 4 27 100"
    assert kv["short"] == f"-1 {errno.EINVAL}"       # getgroups' own EINVAL
    kv = fortran(programs, "hugegroups", preexec_fn=_groups(gids[:3]))
    assert kv["huge"] == "3 0"       # no buffer of HUGE(0) elements
    # pxf._fpxf passes default INTEGERs: an id above 2**31 - 1 is
    # EOVERFLOW from Python too (docs/env.md)
    code = ("import os, pxf\nprint(pxf.getgroups() == os.getgroups(), pxf.getgroups())\n"
            "os.setgroups(%r)\ntry: pxf.getgroups()\nexcept OSError as e: print(e.errno)" % gids)
    _, out, _ = python_snippet(code, check_rc=0, preexec_fn=_groups(gids[:3]))
    assert out.splitlines() == [f"True {gids[:3]}", str(errno.EOVERFLOW)]
    assert sorted(pxf.getgroups()) == sorted(os.getgroups())


# Zones of the POSIX form need no zoneinfo files (a fresh root may have none).
ZONES = ["UTC0", "JST-9", "EST5EDT,M3.2.0,M11.1.0", "<+0530>-5:30", "NZST-12NZDT,M9.5.0,M4.1.0/3"]
# 1700000000: Tuesday 2023-11-14; 1690000000: Saturday 2023-07-22 (DST in
# the north); 0: the Epoch; 951825600: 2000-02-29 (a leap day).
SECONDS = [0, 951825600, 1690000000, 1700000000, 2**31 - 1]


def _expected(zone, seconds):
    """What time.localtime gives for SECONDS in ZONE, in IATIME's order."""
    code = (f"import os, time; os.environ['TZ'] = {zone!r}; time.tzset(); "
            f"t = time.localtime({seconds}); "
            "print(t.tm_sec, t.tm_min, t.tm_hour, t.tm_mday, t.tm_mon, t.tm_year, "
            "(t.tm_wday + 1) % 7, t.tm_yday, t.tm_isdst)")
    _, out, _ = python_snippet(code, check_rc=0)
    return out.strip()


@pytest.mark.parametrize("zone", ZONES)
def test_localtime_in_each_zone(programs, zone):
    env = dict(os.environ, TZ=zone)
    for s in SECONDS:
        kv = fortran(programs, "localtime", s, s, env=env)
        want = _expected(zone, s)
        assert kv["tm"] == kv["tm8"] == f"{want} 0", (zone, s)


def test_localtime_known_values(programs):
    """Fixed points: month 1-12, the full year, Sunday = 0, yday 1-366."""
    kv = fortran(programs, "localtime", 0, 951825600, env=dict(os.environ, TZ="UTC0"))
    assert kv["tm"] == "0 0 0 1 1 1970 4 1 0 0"          # Thursday 1 January 1970
    assert kv["tm8"] == "0 0 12 29 2 2000 2 60 0 0"      # Tuesday 29 February 2000
    kv = fortran(programs, "localtime", 1690000000, 1690000000,
                 env=dict(os.environ, TZ="EST5EDT,M3.2.0,M11.1.0"))
    assert kv["tm"] == "40 26 0 22 7 2023 6 203 1 0"     # Saturday, summer time


def test_localtime_without_zone_files(programs, tmp_path):
    """Where there are no zone files (a minimal image without tzdata: TZDIR
    here names an empty directory), TZ=UTC and its other names are UTC, as
    glibc makes them, and ':' before the POSIX form is dropped, as glibc
    does; neither is EINVAL."""
    empty = tmp_path / "zoneinfo"
    empty.mkdir()
    for zone in ["UTC", ":UTC", "GMT", "Universal", "Zulu", "UCT", ""]:
        kv = fortran(programs, "localtime", 0, 0, env=dict(os.environ, TZ=zone, TZDIR=str(empty)))
        assert kv["tm"] == "0 0 0 1 1 1970 4 1 0 0", zone
    kv = fortran(programs, "localtime", 1690000000, 1690000000,
                 env=dict(os.environ, TZ=":EST5EDT,M3.2.0,M11.1.0", TZDIR=str(empty)))
    assert kv["tm"] == "40 26 0 22 7 2023 6 203 1 0"


@pytest.mark.errno("PXFLOCALTIME", "EINVAL", "EOVERFLOW")
def test_localtime_failures(programs, tmp_path):
    """A TZ naming no zone is EINVAL (glibc would quietly use UTC): no such
    zone file, a POSIX form without its offset, a month 13, an offset of 99
    hours, a file that is not a compiled zone. 2**62 seconds is a year beyond any
    int: EOVERFLOW."""
    notzif = tmp_path / "zone"
    notzif.write_text("not a zone\n")
    for bad in ["Nowhere/Atlantis", "XYZ", "EST5EDT,M13.1.0,M11.1.0", "JST-99", f":{notzif}",
                "<AB>5"]:
        kv = fortran(programs, "localtime", 0, 0, env=dict(os.environ, TZ=bad))
        assert kv["tm"] == "-1 " * 9 + str(errno.EINVAL), bad
        assert kv["tm8"] == kv["tm"], bad
    kv = fortran(programs, "localtime", 0, 2**62, env=dict(os.environ, TZ="UTC0"))
    assert kv["tm8"] == "-1 " * 9 + str(errno.EOVERFLOW)


def test_localtime_python_matches_time():
    code = """
import os, time, pxf
out = []
for zone in %r:
    os.environ['TZ'] = zone
    time.tzset()
    out.append(all(pxf.localtime(s) == time.localtime(s) for s in %r))
now = pxf.localtime()
out.append(abs(time.mktime(now) - time.time()) <= 2)
os.environ['TZ'] = 'Nowhere/Atlantis'
try:
    pxf.localtime(0)
except OSError as e:
    out.append(e.errno)
print(out)
""" % (ZONES, SECONDS)
    _, out, _ = python_snippet(code, check_rc=0)
    assert out.strip() == str([True] * len(ZONES) + [True, errno.EINVAL])


def test_localtime_reads_tz_at_each_call():
    """TZ changed in the process (setenv, PXFSETENV) counts at the next call
    without tzset: glibc's localtime_r alone would keep the first zone."""
    code = ("import pxf\npxf.setenv('TZ', 'UTC0'); a = pxf.localtime(0).tm_hour\n"
            "pxf.setenv('TZ', 'JST-9'); b = pxf.localtime(0).tm_hour\nprint(a, b)")
    _, out, _ = python_snippet(code, check_rc=0)
    assert out.split() == ["0", "9"]
    assert isinstance(pxf.localtime(int(time.time())), time.struct_time)
