"""PXFGETUID, PXFGETEUID, PXFGETGID, PXFGETEGID, PXFSETUID, PXFSETGID,
PXFGETPGRP, PXFSETSID, PXFSETPGID and PXFTIME, from Fortran (implicit
interface with default INTEGER, USE pxf with INTEGER(4) and INTEGER(8)) and
from Python against os and time. The failures are real: EPERM as nobody,
the kernel's EINVAL for (uid_t)-1, EOVERFLOW for ids above 2**31 - 1 set
as root, EACCES for a child that has exec'd, ESRCH for init."""
import errno
import os
import time

import pytest

import pxf
from support import NOBODY, as_unprivileged, parse, python_snippet, run

EOVERFLOW = errno.EOVERFLOW


def fortran(programs, *args, **kw):
    _, out, _ = run([programs.fortran("t_identity"), *args], check_rc=0, **kw)
    return parse(out)


@pytest.mark.parametrize("user", ["root", "nobody"])
def test_ids_and_time(programs, user):
    pre = as_unprivileged() if user == "nobody" else None
    before = int(time.time())
    kv = fortran(programs, "ids", preexec_fn=pre)
    after = int(time.time())
    uid, gid = (NOBODY.pw_uid, NOBODY.pw_gid) if user == "nobody" else (0, 0)
    assert (kv["uid"], kv["euid"]) == (f"{uid} 0", f"{uid} 0")
    assert (kv["gid"], kv["egid"]) == (f"{gid} 0", f"{gid} 0")
    assert kv["pgrp"] == f"{os.getpgrp()} 0"     # the child stays in ours
    for key in ("time8", "time4"):
        seconds, ierror = map(int, kv[key].split())
        assert before <= seconds <= after and ierror == 0


@pytest.mark.errno("PXFSETUID", "EINVAL", "EPERM")
@pytest.mark.errno("PXFSETGID", "EINVAL", "EPERM")
def test_setuid_setgid(programs):
    kv = fortran(programs, "setids", str(NOBODY.pw_uid), str(NOBODY.pw_gid))
    assert kv["setgid_negative"] == str(errno.EINVAL)     # not an id: refused here
    assert kv["setgid_minus1"] == str(errno.EINVAL)       # (gid_t)-1: the kernel's
    assert kv["gid"] == f"{NOBODY.pw_gid} 0"
    assert kv["setuid_2to32"] == str(errno.EINVAL)
    assert kv["setuid"] == "0"
    assert kv["uid"] == f"{NOBODY.pw_uid} 0"
    assert kv["setuid_root"] == str(errno.EPERM)          # nobody now
    assert kv["setgid_root"] == str(errno.EPERM)


@pytest.mark.errno("PXFGETUID", "EOVERFLOW")
@pytest.mark.errno("PXFGETEUID", "EOVERFLOW")
@pytest.mark.errno("PXFGETGID", "EOVERFLOW")
@pytest.mark.errno("PXFGETEGID", "EOVERFLOW")
def test_ids_above_int32(programs):
    kv = fortran(programs, "bigids")
    assert (kv["setgid"], kv["setuid"]) == ("0", "0")
    assert kv["uid8"] == "3000000000 0" and kv["gid8"] == "3000000001 0"
    for key in ("uid4", "euid4", "gid4", "egid4"):
        assert kv[key] == f"-1 {EOVERFLOW}", key          # never a wrapped value


@pytest.mark.errno("PXFSETSID", "EPERM")
@pytest.mark.errno("PXFSETPGID", "EACCES", "EINVAL", "EPERM", "ESRCH")
def test_session_and_process_group(programs):
    kv = fortran(programs, "session")
    assert kv["setsid_is_pid"] == "T 0" and kv["pgrp_is_pid"] == "T"
    assert kv["setsid_again"] == f"-1 {errno.EPERM}"      # now a group leader
    assert kv["setpgid_leader"] == str(errno.EPERM)
    assert kv["setpgid_negative"] == str(errno.EINVAL)
    assert kv["setpgid_not_child"] == str(errno.ESRCH)
    assert kv["setpgid_after_exec"] == str(errno.EACCES)


def test_python_matches_os_and_time():
    assert (pxf.getuid(), pxf.geteuid()) == (os.getuid(), os.geteuid())
    assert (pxf.getgid(), pxf.getegid()) == (os.getgid(), os.getegid())
    assert pxf.getpgrp() == os.getpgrp()
    before = int(time.time())
    assert before <= pxf.time() <= int(time.time())
    assert isinstance(pxf.time(), int)


@pytest.mark.errno("PXFSETUID", "EPERM")
@pytest.mark.errno("PXFSETSID", "EPERM")
@pytest.mark.errno("PXFSETPGID", "ESRCH")
def test_python_raises_as_os_does():
    """In a child interpreter: the same exceptions as os, with the errno."""
    code = f"""
import os, pxf
def fails(f, *a):
    try:
        f(*a)
    except OSError as e:
        return type(e).__name__, e.errno
print(fails(os.setpgid, 1, 0) == fails(pxf.setpgid, 1, 0), fails(pxf.setpgid, 1, 0))
pxf.setsid()
print(os.getsid(0) == os.getpid(), fails(pxf.setsid) == fails(os.setsid), fails(pxf.setsid))
pxf.setgid({NOBODY.pw_gid}); pxf.setuid({NOBODY.pw_uid})
print(os.getuid(), os.getgid(), fails(pxf.setuid, 0) == fails(os.setuid, 0), fails(pxf.setuid, 0))
"""
    _, out, _ = python_snippet(code, check_rc=0)
    assert out.splitlines() == [
        f"True ('ProcessLookupError', {errno.ESRCH})",
        f"True True ('PermissionError', {errno.EPERM})",
        f"{NOBODY.pw_uid} {NOBODY.pw_gid} True ('PermissionError', {errno.EPERM})",
    ]


@pytest.mark.errno("PXFSYSCONF", "EINVAL", "EOVERFLOW")
def test_sysconf(programs):
    """Both spellings of a selector (Intel's _SC_ARG_MAX, Cray's ARG_MAX),
    the value sysconf(3) gives this process, and for real: EINVAL for a bad
    selector, EOVERFLOW for _SC_UINT_MAX (2**32 - 1) in an INTEGER(4)."""
    kv = fortran(programs, "sysconf")
    assert kv["arg_max"] == f"{os.sysconf('SC_ARG_MAX')} 0"
    assert kv["arg_max_cray"] == kv["arg_max"]
    assert kv["clk_tck"] == f"{os.sysconf('SC_CLK_TCK')} 0"
    assert kv["uint_max8"] == f"{2**32 - 1} 0"
    assert kv["uint_max4"] == f"-1 {errno.EOVERFLOW}"
    assert kv["bad"] == f"-1 {errno.EINVAL}"
    assert pxf.sysconf("_SC_OPEN_MAX") == pxf.sysconf("OPEN_MAX") == os.sysconf("SC_OPEN_MAX")
    assert pxf.sysconf(pxf.const("_SC_PAGESIZE")) == os.sysconf("SC_PAGESIZE")
    with pytest.raises(OSError) as e:
        pxf.sysconf(99999)
    assert e.value.errno == errno.EINVAL


@pytest.mark.errno("PXFTIMES", "EBADHANDLE")
@pytest.mark.errno("PXFCTERMID", "ETRUNC")
def test_times_and_ctermid(programs):
    kv = fortran(programs, "times")
    assert kv["times"] == "T T 0"
    assert kv["freed"] == f"-1 {pxf.EBADHANDLE}"
    name = os.ctermid()
    assert kv["ctermid"] == f"[{name:20s}] {len(name)} 0"
    assert kv["short"] == f"[{name[:4]}] {len(name)} {pxf.ETRUNC}"


def test_times_ctermid_python_match_os():
    """The four process times as os gives them; elapsed from libpxf's load
    (small, where Linux's count starts near 2**32 jiffies), advancing as
    os's does."""
    import time as stdtime
    before = os.times()
    got = pxf.times()
    after = os.times()
    assert isinstance(got, type(before))
    for i in range(4):
        assert before[i] <= got[i] <= after[i], i
    assert 0 <= got.elapsed < 10**6
    stdtime.sleep(0.3)
    later, os_later = pxf.times(), os.times()
    assert abs((later.elapsed - got.elapsed) - (os_later.elapsed - after.elapsed)) <= 0.05
    assert later.elapsed - got.elapsed >= 0.25
    assert pxf.ctermid() == os.ctermid()
