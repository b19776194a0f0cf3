"""PXFFCNTL: every command against os and fcntl on the same descriptor,
record locks against those another real process holds (lock_holder.py),
and every documented failure for real, from Fortran (t_fcntl.f90: USE pxf
with INTEGER(8), INTEGER(4) with an INTEGER(8) handle, the default-INTEGER
external) and from Python."""
import errno
import fcntl
import os
import resource
import signal
import struct
import subprocess
import threading
import time
from pathlib import Path

import pytest

import pxf
from lock_holder import LockHolder, proc_locks, read_until, waits_for_lock
from pxf import _fpxf
from support import parse, python_snippet, run

# struct flock as fcntl.fcntl(F_GETLK) takes it (Linux, 64-bit): l_type,
# l_whence, l_start, l_len, l_pid
FLOCK = struct.Struct("hhqqi4x")
W, R, U = fcntl.F_WRLCK, fcntl.F_RDLCK, fcntl.F_UNLCK


def lowest_free(at_least: int) -> int:
    """The lowest descriptor number >= AT_LEAST this process has not open."""
    n = at_least
    while True:
        try:
            os.fstat(n)
        except OSError:
            return n
        n += 1


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "data"
    path.write_bytes(b"0123456789")
    return path


# --- the integer commands ---------------------------------------------------

@pytest.mark.errno("PXFFCNTL", "EBADF", "EINVAL", "EBADHANDLE")
def test_integer_commands_from_fortran(programs, data):
    fd = os.open(data, os.O_RDWR)
    try:
        before = fcntl.fcntl(fd, fcntl.F_GETFL)
        # The file is the program's descriptor 0, the same open file
        # description as FD: the status flags it sets are FD's.
        r = subprocess.run([str(programs.fortran("t_fcntl")), "ints", "0"], stdin=fd,
                           capture_output=True, text=True, timeout=60, check=True)
        after = fcntl.fcntl(fd, fcntl.F_GETFL)
    finally:
        os.close(fd)
    kv = parse(r.stdout)
    assert kv["getfl"] == f"{before} 0"
    want = before | os.O_APPEND | os.O_NONBLOCK
    assert kv["setfl"] == "0 0"
    assert kv["getfl2"] == f"{want} 0"
    assert after == want
    assert kv["getfd0"] == "0 0"
    assert kv["setfd"] == "0 0"
    assert kv["getfd1"] == f"{fcntl.FD_CLOEXEC} 0"
    # the lowest free at or above 30; 31 again once closed; no FD_CLOEXEC
    assert [kv[f"dupfd{i}"] for i in (1, 2, 3)] == ["30 0", "31 0", "32 0"]
    assert kv["dupfd_gap"] == "31 0"
    assert kv["dupfd_getfd"] == "0 0"
    assert kv["dupfd_cloexec"] == "40 0"
    assert kv["dupfd_cloexec_getfd"] == f"{fcntl.FD_CLOEXEC} 0"
    assert kv["setfd_i8arg"] == "0 0"
    assert kv["getfd2"] == "0 0"
    assert kv["closed"] == f"-1 {errno.EBADF}"
    assert kv["getown"] == f"-1 {errno.EINVAL}"       # Linux's, not PXFFCNTL's
    assert kv["unknown"] == f"-1 {errno.EINVAL}"
    assert kv["dupfd_negative"] == f"-1 {errno.EINVAL}"
    assert kv["dupfd_beyond_int"] == f"-1 {errno.EINVAL}"
    for key in ("handle_zero", "handle_beyond_int", "handle_stat", "handle_freed"):
        assert kv[key] == f"-1 {pxf.EBADHANDLE}", key


def test_integer_commands_match_os(data):
    fd = os.open(data, os.O_RDWR)          # os.open: not inheritable (FD_CLOEXEC)
    extra = []
    try:
        assert pxf.fcntl(fd, fcntl.F_GETFL) == fcntl.fcntl(fd, fcntl.F_GETFL)
        assert pxf.fcntl(fd, "F_GETFD") == fcntl.fcntl(fd, fcntl.F_GETFD) == fcntl.FD_CLOEXEC
        assert pxf.fcntl(fd, fcntl.F_SETFD, 0) == 0
        assert os.get_inheritable(fd) is True
        assert pxf.fcntl(fd, "F_SETFD", fcntl.FD_CLOEXEC) == 0
        assert os.get_inheritable(fd) is False
        flags = pxf.fcntl(fd, fcntl.F_GETFL)
        assert pxf.fcntl(fd, fcntl.F_SETFL, flags | os.O_APPEND) == 0
        assert fcntl.fcntl(fd, fcntl.F_GETFL) == flags | os.O_APPEND
        assert os.get_blocking(fd) is True
        pxf.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        assert os.get_blocking(fd) is False
        # F_DUPFD: the lowest free descriptor at or above the argument, the
        # same open file, inheritable; F_DUPFD_CLOEXEC: not inheritable
        want = lowest_free(20)
        extra.append(pxf.fcntl(fd, fcntl.F_DUPFD, 20))
        assert extra[-1] == want
        assert os.path.samestat(os.fstat(extra[-1]), os.fstat(fd))
        assert os.get_inheritable(extra[-1]) is True
        want = lowest_free(20)
        extra.append(pxf.fcntl(fd, "F_DUPFD_CLOEXEC", 20))
        assert extra[-1] == want
        assert os.get_inheritable(extra[-1]) is False
        # a file object, as fcntl.fcntl takes it
        with open(data) as f:
            assert pxf.fcntl(f, fcntl.F_GETFL) == fcntl.fcntl(f, fcntl.F_GETFL)
    finally:
        for d in [fd, *extra]:
            os.close(d)


def same_error(call, reference):
    """pxf's exception and the standard module's, as (type, errno)."""
    with pytest.raises(OSError) as got:
        call()
    with pytest.raises(OSError) as want:
        reference()
    assert (type(got.value), got.value.errno) == (type(want.value), want.value.errno)
    return got.value.errno


@pytest.mark.errno("PXFFCNTL", "EBADF", "EINVAL", "EBADHANDLE")
def test_python_errors(data):
    fd = os.open(data, os.O_RDONLY)
    closed = os.dup(fd)
    os.close(closed)
    try:
        assert same_error(lambda: pxf.fcntl(closed, fcntl.F_GETFL),
                          lambda: fcntl.fcntl(closed, fcntl.F_GETFL)) == errno.EBADF
        assert same_error(lambda: pxf.fcntl(fd, fcntl.F_DUPFD, -1),
                          lambda: fcntl.fcntl(fd, fcntl.F_DUPFD, -1)) == errno.EINVAL
        # Linux has F_GETOWN; PXFFCNTL takes only the commands of 1003.9
        assert fcntl.fcntl(fd, fcntl.F_GETOWN) == 0
        for cmd in (fcntl.F_GETOWN, 99999):
            with pytest.raises(OSError) as e:
                pxf.fcntl(fd, cmd)
            assert e.value.errno == errno.EINVAL
        # a write lock through a descriptor open for reading
        assert same_error(lambda: pxf.setlk(fd, (W,)),
                          lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)) == errno.EBADF
        # a lock type the system refuses
        with pytest.raises(OSError) as e:
            pxf.setlk(fd, (99,))
        assert e.value.errno == errno.EINVAL
        # the lock commands take a 'flock' handle
        with pxf.Struct("stat") as st:
            wrong_type = st.handle
            freed = pxf.struct_create("flock")
            pxf.struct_free(freed)
            for handle in (0, freed, wrong_type):
                with pytest.raises(pxf.PXFError) as e:
                    pxf.fcntl(fd, fcntl.F_GETLK, handle)
                assert e.value.errno == pxf.EBADHANDLE
    finally:
        os.close(fd)


@pytest.mark.errno("PXFFCNTL", "EMFILE")
def test_emfile_from_fortran(programs):
    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))
    _, out, _ = run([programs.fortran("t_fcntl"), "emfile"], preexec_fn=limit, check_rc=0)
    kv = parse(out)
    assert kv["emfile"] == f"-1 {errno.EMFILE}"
    assert kv["beyond_limit"] == f"-1 {errno.EINVAL}"    # at or above the limit


@pytest.mark.errno("PXFFCNTL", "EMFILE")
def test_emfile_from_python():
    code = """
import errno, fcntl, os, resource, pxf
resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))
while True:                        # until every descriptor is taken
    try:
        os.open('/dev/null', os.O_RDONLY)
    except OSError as e:
        assert e.errno == errno.EMFILE
        break
for arg in (0, 16):                # none free; at the limit
    for call in (pxf.fcntl, fcntl.fcntl):
        try:
            call(0, fcntl.F_DUPFD, arg)
        except OSError as e:
            print(type(e).__name__, errno.errorcode[e.errno])
"""
    _, out, err = python_snippet(code, check_rc=0)
    assert out.splitlines() == ["OSError EMFILE"] * 2 + ["OSError EINVAL"] * 2, err


# --- record locks -----------------------------------------------------------

@pytest.mark.errno("PXFFCNTL", "EAGAIN", "EBADF", "EINVAL", "EINTR")
@pytest.mark.errno("PXFINTGET", "EOVERFLOW")
def test_locks_from_fortran(programs, data):
    exe = str(programs.fortran("t_fcntl"))
    fd = os.open(data, os.O_RDWR)
    rfd = os.open(data, os.O_RDONLY)
    try:
        with LockHolder(data, (100, 50), (3_000_000_000, 10)) as holder:
            proc = subprocess.Popen([exe, "locks", "0", str(rfd)], stdin=fd, pass_fds=[rfd],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                head = read_until(proc.stdout.fileno(), b"waiting=1\n", 60)
                # blocked in F_SETLKW, in the kernel's queue for the lock
                assert waits_for_lock(proc.pid, 100, 149)
                assert proc.poll() is None
                holder.release()
                tail, err = proc.communicate(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
    finally:
        os.close(fd)
        os.close(rfd)
    assert proc.returncode == 0, err
    kv = parse((head + tail).decode())
    # type whence start len pid, then IARGOUT and IERROR
    assert kv["getlk"] == f"{W} {os.SEEK_SET} 100 50 {holder.pid} 0 0"
    assert kv["getlk_big"] == f"{W} {os.SEEK_SET} 3000000000 10 {holder.pid} 0 0"
    assert kv["getlk_big_start4"] == f"-1 {errno.EOVERFLOW}"
    assert kv["getlk_free"] == f"{U} {os.SEEK_SET} 200 100 0 0 0"
    assert kv["setlk_busy"] == f"-1 {errno.EAGAIN}"
    assert kv["setlk_busy_read"] == f"-1 {errno.EAGAIN}"
    assert kv["setlk"] == "0 0"
    assert kv["setlk_rdonly"] == f"-1 {errno.EBADF}"
    assert kv["setlk_type"] == f"-1 {errno.EINVAL}"
    assert kv["setlk_whence"] == f"-1 {errno.EINVAL}"
    assert kv["setlkw_eintr"] == f"-1 {errno.EINTR}"
    assert kv["setlkw"] == "0 0"


@pytest.mark.errno("PXFFCNTL", "EAGAIN")
def test_locks_match_fcntl(data):
    fd = os.open(data, os.O_RDWR)
    me = os.getpid()
    try:
        with LockHolder(data, (100, 50), (3_000_000_000, 10)) as holder:
            query = (W, os.SEEK_SET, 0, 1000)
            want = FLOCK.unpack(fcntl.fcntl(fd, fcntl.F_GETLK, FLOCK.pack(*query, 0)))
            got = pxf.getlk(fd, pxf.Flock(*query))
            assert got == want == (W, os.SEEK_SET, 100, 50, holder.pid)
            assert (got.l_type, got.l_start, got.l_len, got.l_pid) == (W, 100, 50, holder.pid)
            assert pxf.getlk(fd, (R, os.SEEK_SET, 2_000_000_000)) == \
                (W, os.SEEK_SET, 3_000_000_000, 10, holder.pid)
            assert pxf.getlk(fd, (W, os.SEEK_SET, 200, 100)) == (U, os.SEEK_SET, 200, 100, 0)
            # F_SETLK against the holder's lock fails at once, as lockf does
            assert same_error(
                lambda: pxf.setlk(fd, (W, os.SEEK_SET, 120, 10)),
                lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 120)) == errno.EAGAIN
            with pytest.raises(BlockingIOError):
                pxf.setlk(fd, (R, os.SEEK_SET, 149, 1))
            # a free range is taken and let go
            pxf.setlk(fd, (W, os.SEEK_SET, 0, 100))
            assert proc_locks(me, 0, 99)
            pxf.setlk(fd, (U, os.SEEK_SET, 0, 100))
            assert not proc_locks(me, 0, 99)
            # F_SETLKW waits (in a thread) until the holder lets go
            done = []
            waiter = threading.Thread(
                target=lambda: done.append(pxf.setlkw(fd, (W, os.SEEK_SET, 100, 50))),
                daemon=True)
            waiter.start()
            try:
                assert waits_for_lock(me, 100, 149)
                assert done == []
            finally:
                holder.release()
                waiter.join(30)
            assert done == [None]
            assert proc_locks(me, 100, 149)
    finally:
        os.close(fd)


@pytest.mark.errno("PXFFCNTL", "EINTR")
def test_setlkw_eintr_raw_then_retried_in_python(data):
    # A caught SIGALRM ends F_SETLKW: PXFFCNTL returns EINTR (no retry in
    # the Fortran layer); pxf.setlkw retries after the handler, as
    # fcntl.lockf does, and this second handler lets the holder go.
    fd = os.open(data, os.O_RDWR)
    fired = []
    with LockHolder(data, (100, 50)) as holder:
        def on_alarm(*_):
            fired.append(time.monotonic())
            if len(fired) == 2:
                holder.release(wait=False)
        previous = signal.signal(signal.SIGALRM, on_alarm)
        try:
            with pxf.Struct("flock") as lock:
                for field, value in zip(pxf.Flock._fields, (W, os.SEEK_SET, 100, 50)):
                    lock.set_int(field, value)
                signal.setitimer(signal.ITIMER_REAL, 0.3)
                out, ierror = _fpxf.pxffcntl(fd, fcntl.F_SETLKW, lock.handle)
            assert (out, ierror) == (-1, errno.EINTR)
            assert len(fired) == 1
            signal.setitimer(signal.ITIMER_REAL, 0.3)
            pxf.setlkw(fd, (W, os.SEEK_SET, 100, 50))
            assert len(fired) == 2
            assert proc_locks(os.getpid(), 100, 149)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            os.close(fd)


def test_setlkw_releases_the_gil(data):
    """While one thread waits in F_SETLKW for a lock another process holds,
    another thread keeps counting and the main thread goes on to let the
    lock go. A wait that held the GIL would stop them both until the holder
    gives up by itself (after 5 s): then the waiter is found holding the lock
    and nothing counted."""
    code = f"""
import os, sys, threading, time, fcntl, pxf
sys.path.insert(0, {str(Path(__file__).parent)!r})
from lock_holder import LockHolder, waits_for_lock
fd = os.open({str(data)!r}, os.O_RDWR)
count = 0
stop = threading.Event()
def counter():
    global count
    while not stop.is_set():
        count += 1
with LockHolder({str(data)!r}, (0, 10), seconds=5) as holder:
    waiter = threading.Thread(target=pxf.setlkw, args=(fd, (fcntl.F_WRLCK, 0, 0, 10)))
    waiter.start()
    blocked = waits_for_lock(os.getpid(), 0, 9, seconds=3)
    threading.Thread(target=counter).start()
    time.sleep(0.2)
    first = count
    time.sleep(0.3)
    print('blocked', blocked, 'waiting', waiter.is_alive(), 'counted', count - first > 1000,
          flush=True)
    stop.set()
    holder.release()
    waiter.join(20)
    print('locked', not waiter.is_alive())
"""
    _, out, err = python_snippet(code, check_rc=0, timeout=60)
    assert out.splitlines() == ["blocked True waiting True counted True", "locked True"], err


@pytest.mark.errno("PXFFCNTL", "EDEADLK")
def test_setlkw_deadlock_is_reported(data):
    """Two processes each holding a byte and each waiting for the other's:
    the kernel refuses the second F_SETLKW with EDEADLK instead of letting
    both wait for good, and PXFFCNTL passes it on (pxf.setlkw raises it, as
    fcntl.lockf would)."""
    fd = os.open(data, os.O_RDWR)
    pxf.setlk(fd, (W, os.SEEK_SET, 1, 1))              # this process: byte 1
    ready_r, ready_w = os.pipe()
    child = os.fork()
    if child == 0:
        code = 1
        try:
            os.close(ready_r)
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, 0)       # the child: byte 0
            os.write(ready_w, b"x")
            signal.alarm(30)                           # never waits for good
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, 1)       # waits for byte 1
            code = 0
        finally:
            os._exit(code)
    try:
        os.close(ready_w)
        read_until(ready_r, b"x", 30)
        assert waits_for_lock(child, 1, 1)
        with pytest.raises(OSError) as e:
            pxf.setlkw(fd, (W, os.SEEK_SET, 0, 1))     # byte 0: a cycle
        assert e.value.errno == errno.EDEADLK
    finally:
        pxf.setlk(fd, (U, os.SEEK_SET, 1, 1))          # the child gets byte 1
        _, status = os.waitpid(child, 0)
        os.close(fd)
        os.close(ready_r)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
