"""PXFRFORK, PXFRFORKTHREAD and PXFSPAWN* from Fortran (t_rfork.f90, USE pxf
with INTEGER(8)), and pxf.rfork/spawn/spawnp from Python."""
import errno
import os
import signal
import stat

import pytest

import pxf
from support import as_unprivileged, parse, python_snippet, run


def test_fd_tables(programs):
    kv = programs.run("t_rfork", "fd_tables")
    assert kv["share.child_pipe_visible"] == "1"
    assert kv["copy.child_pipe_visible"] == "0"
    assert kv["clean.child_open_std_fds"] == "0"


@pytest.mark.parametrize("name,killed_by", [
    ("SIGUSR2", signal.SIGUSR2), ("SIGTERM", signal.SIGTERM),
    ("LINUXTHPN", signal.SIGUSR1)])
def test_exit_signal_reaches_parent(programs, name, killed_by):
    # No handler in the parent: the chosen signal's default action ends it
    # when the child exits (SIGCHLD would be ignored).
    rc, _, _ = run([programs.fortran("t_rfork"), "exit_signal", name])
    assert rc == -killed_by


@pytest.mark.parametrize("name", ["NONE", "SIGCHLD", "0"])
def test_exit_signal_none_or_sigchld(programs, name):
    kv = programs.run("t_rfork", "exit_signal", name)
    # the parent survives and PXFWAITPID still reaps the child
    assert kv["survived_status"] == "5"


@pytest.mark.errno("PXFWAITPID", "ECHILD")
def test_nowait(programs):
    kv = programs.run("t_rfork", "nowait")
    assert int(kv["waitpid_ierror"]) == errno.ECHILD
    assert kv["child_wrote"] == "finished"  # it ran on to completion


@pytest.mark.parametrize("flags,word", [("RFMEM", "42"), ("COPY", "0")])
def test_rforkthread_memory(programs, flags, word):
    kv = programs.run("t_rfork", "thread_mem", flags)
    assert kv["ierror"] == "0"
    assert kv["child_status"] == "0"
    assert kv["word"] == word


@pytest.mark.parametrize("flags", ["RFMEM", "COPY"])
def test_rforkthread_child_output_is_flushed(programs, tmp_path, flags):
    out = tmp_path / "unit21.txt"
    kv = programs.run("t_rfork", "thread_unit", out, flags)
    assert kv["child_status"] == "0"
    assert out.read_text() == "child wrote 7\n"


@pytest.mark.errno("PXFRFORKTHREAD", "EINVAL", "ENOTSUP")
def test_rforkthread_errors(programs):
    kv = programs.run("t_rfork", "thread_errors")
    assert int(kv["without_rfproc"]) == errno.EINVAL
    assert int(kv["negative_stack"]) == errno.EINVAL
    assert int(kv["tiny_stack"]) == errno.EINVAL
    assert kv["tiny_stack_ipid"] == "-1"
    assert int(kv["nowait_rfmem"]) == errno.ENOTSUP
    assert int(kv["sigshare_copy"]) == errno.ENOTSUP
    assert kv["sigshare_copy_ipid"] == "-1"


@pytest.mark.errno("PXFRFORK", "EINVAL", "ENOTSUP")
@pytest.mark.errno("PXFCONST", "EINVAL")
def test_rfork_errors_and_constants(programs):
    kv = programs.run("t_rfork", "rfork_errors")
    for name in ("fdg_cfdg", "signal_without_zmb", "spawn_plus", "not_a_c_int",
                 "rftsigflags_65"):
        assert int(kv[name]) == errno.EINVAL, name
    assert kv["fdg_cfdg_ipid"] == "-1"
    assert int(kv["rfmem"]) == errno.ENOTSUP
    assert int(kv["sigshare"]) == errno.ENOTSUP
    assert kv["rfspawn"] == str(-2**31)  # bit 31 of a C int
    assert kv["rftsigflags_usr2"] == str(signal.SIGUSR2 << 20)


def test_spawn(programs):
    kv = programs.run("t_rfork", "spawn")
    assert kv["spawn_ierror"] == "0" and kv["spawn_status"] == "3"
    assert kv["spawnp_ierror"] == "0" and kv["spawnp_status"] == "3"


@pytest.mark.errno("PXFSPAWN", "ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                   "ELOOP", "ETXTBSY")
@pytest.mark.errno("PXFSPAWNE", "ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                   "ELOOP", "ETXTBSY")
@pytest.mark.errno("PXFSPAWNP", "ENOENT", "EACCES", "ENOTDIR", "ENAMETOOLONG", "ELOOP",
                   "ETXTBSY")
@pytest.mark.errno("PXFWAIT", "ECHILD")
@pytest.mark.parametrize("name", ["ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                                  "ELOOP", "ETXTBSY"])
def test_spawn_exec_failure_is_ierror(programs, unrunnable, name):
    kv = programs.run("t_rfork", "spawn_fail", unrunnable[name])
    code = getattr(errno, name)
    assert int(kv["spawn_ierror"]) == code
    assert kv["spawn_ipid"] == "-1"
    assert int(kv["spawne_ierror"]) == code
    assert kv["spawne_ipid"] == "-1"
    if name == "ENOEXEC":
        # as execvp(3), PXFSPAWNP hands a file without a magic number to
        # /bin/sh, which fails on the garbage
        assert kv["spawnp_ierror"] == "0" and kv["spawnp_status"] == "127"
    else:
        assert int(kv["spawnp_ierror"]) == code
    # the failed children were reaped by PXFSPAWN itself
    assert int(kv["wait_ierror"]) == errno.ECHILD


@pytest.mark.errno("PXFSPAWN", "E2BIG")
@pytest.mark.errno("PXFSPAWNP", "E2BIG")
@pytest.mark.errno("PXFSPAWNE", "E2BIG")
def test_spawn_argument_too_long(programs):
    kv = programs.run("t_rfork", "spawn_e2big")
    for routine in ("spawn", "spawnp", "spawne"):
        assert kv[routine + "_ierror"] == f"{errno.E2BIG} ipid=-1", routine
    assert int(kv["wait_ierror"]) == errno.ECHILD


@pytest.mark.errno("PXFSPAWN", "EAGAIN", "ENOMEM")
@pytest.mark.errno("PXFSPAWNP", "EAGAIN", "ENOMEM")
@pytest.mark.errno("PXFSPAWNE", "EAGAIN", "ENOMEM")
@pytest.mark.parametrize("err", [errno.EAGAIN, errno.ENOMEM])
def test_spawn_kernel_refusals(programs, err):
    # EAGAIN: the process limit of an unprivileged user, met by the
    # child's creation; ENOMEM: the kernel's execve refusing, through a
    # seccomp filter. Either way no child is left.
    if err == errno.EAGAIN:
        kv = programs.run("t_rfork", "spawn_fail", "/bin/true",
                          preexec_fn=as_unprivileged(nproc=0))
    else:
        helper = programs.c("seccomp_fail", "-lseccomp")
        kv = parse(run([helper, err, "execve", programs.fortran("t_rfork"), "spawn_fail",
                        "/bin/true"], check_rc=0)[1])
    for routine in ("spawn", "spawnp", "spawne"):
        assert int(kv[routine + "_ierror"]) == err, routine
    assert kv["spawn_ipid"] == kv["spawne_ipid"] == "-1"
    assert int(kv["wait_ierror"]) == errno.ECHILD


@pytest.mark.errno("PXFRFORK", "EAGAIN", "ENOMEM")
@pytest.mark.parametrize("err", [errno.EAGAIN, errno.ENOMEM])
def test_rfork_kernel_refusals(programs, err):
    # EAGAIN: an unprivileged user at RLIMIT_NPROC; ENOMEM: a seccomp
    # filter on the system calls that make processes
    if err == errno.EAGAIN:
        kv = programs.run("t_rfork", "rfork_errno", preexec_fn=as_unprivileged(nproc=0))
    else:
        helper = programs.c("seccomp_fail", "-lseccomp")
        kv = parse(run([helper, err, "clone,clone3,fork,vfork", programs.fortran("t_rfork"),
                        "rfork_errno"], check_rc=0)[1])
    assert int(kv["ierror"]) == err
    assert kv["ipid"] == "-1"


@pytest.mark.errno("PXFRFORKTHREAD", "EAGAIN")
@pytest.mark.parametrize("flags", ["RFMEM", "COPY"])
def test_rforkthread_eagain_under_rlimit_nproc(programs, flags):
    # RFMEM needs a helper thread, COPY a process: both count against
    # the limit
    kv = programs.run("t_rfork", "thread_errno", flags, preexec_fn=as_unprivileged(nproc=0))
    assert int(kv["ierror"]) == errno.EAGAIN
    assert kv["ipid"] == "-1"


@pytest.mark.errno("PXFRFORKTHREAD", "ENOMEM", "EAGAIN")
@pytest.mark.parametrize("flags,err", [("COPY", errno.ENOMEM), ("RFMEM", errno.EAGAIN)])
def test_rforkthread_kernel_enomem(programs, flags, err):
    # the kernel refusing for lack of memory (a seccomp filter): ENOMEM;
    # with RFMEM the helper thread comes first, and glibc's pthread_create
    # reports that refusal as EAGAIN (docs/rfork.md)
    helper = programs.c("seccomp_fail", "-lseccomp")
    _, out, _ = run([helper, errno.ENOMEM, "clone,clone3,fork,vfork",
                     programs.fortran("t_rfork"), "thread_errno", flags], check_rc=0)
    kv = parse(out)
    assert int(kv["ierror"]) == err
    assert kv["ipid"] == "-1"


@pytest.mark.errno("PXFRFORK", "EDEADLK")
@pytest.mark.errno("PXFRFORKTHREAD", "EDEADLK")
def test_clone3_forms_refused_with_threads_running(programs):
    # a Fortran program that started a second thread (pthread_create): a
    # shared fd table needs clone3, which is refused; a copied one is
    # glibc's fork and works
    kv = programs.run("t_rfork", "threads_edeadlk")
    assert kv["pthread_create"] == "0"
    assert int(kv["rfork_shared_fds"]) == errno.EDEADLK
    assert kv["rfork_shared_fds_ipid"] == "-1"
    assert int(kv["thread_shared_fds"]) == errno.EDEADLK
    assert kv["thread_shared_fds_ipid"] == "-1"
    assert kv["thread_copy"] == "0" and kv["thread_copy_status"] == "0"


# --- Python ---------------------------------------------------------------------

@pytest.mark.errno("PXFCONST", "EINVAL")
def test_python_constants_match_the_c_header():
    assert (pxf.RFFDG, pxf.RFPROC, pxf.RFMEM, pxf.RFNOWAIT, pxf.RFCFDG) == \
        (1 << 2, 1 << 4, 1 << 5, 1 << 6, 1 << 12)
    assert (pxf.RFTHREAD, pxf.RFSIGSHARE, pxf.RFLINUXTHPN, pxf.RFTSIGZMB) == \
        (1 << 13, 1 << 14, 1 << 16, 1 << 19)
    assert pxf.RFSPAWN == -2**31
    assert pxf.RFTSIGFLAGS(signal.SIGUSR1) == signal.SIGUSR1 << 20
    with pytest.raises(OSError) as e:
        pxf.RFTSIGFLAGS(65)
    assert e.value.errno == errno.EINVAL


# The clone3 forms need a process without other threads: Python started
# with OpenBLAS's pool off (see test_python_forks_with_threads_running).
SINGLE_THREADED = dict(os.environ, OPENBLAS_NUM_THREADS="1")


def test_python_rfork_shared_fd_table():
    code = """
import os, pxf
pid = pxf.rfork(pxf.RFPROC)
if pid == 0:
    r, w = os.pipe()
    os._exit(r)
_, status = pxf.waitpid(pid)
fd = pxf.wexitstatus(status)
os.fstat(fd)              # the child's pipe is in our table
print("shared", fd > 2)
"""
    _, out, _ = python_snippet(code, check_rc=0, env=SINGLE_THREADED)
    assert out == "shared True\n"


def test_python_rfork_exit_signal_and_waitpid():
    code = """
import os, pxf
pid = pxf.rfork(pxf.RFPROC | pxf.RFFDG | pxf.RFTSIGZMB)  # no signal at exit
if pid == 0:
    os._exit(4)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    print("invisible to a plain waitpid")
retpid, status = pxf.waitpid(pid)
print(retpid == pid, pxf.wexitstatus(status))
"""
    _, out, err = python_snippet(code, check_rc=0, env=SINGLE_THREADED)
    assert out == "invisible to a plain waitpid\nTrue 4\n", err


@pytest.mark.errno("PXFRFORK", "EINVAL", "ENOTSUP")
def test_python_rfork_errors():
    with pytest.raises(OSError) as e:
        pxf.rfork(pxf.RFPROC | pxf.RFFDG | pxf.RFCFDG)
    assert e.value.errno == errno.EINVAL
    with pytest.raises(OSError) as e:
        pxf.rfork(pxf.RFPROC | pxf.RFMEM)
    assert e.value.errno == errno.ENOTSUP


def test_python_spawn(tmp_path):
    pid = pxf.spawn("/bin/sh", ["sh", "-c", 'test "$X" = 1 && exit 6'], env={"X": "1"})
    assert pxf.wexitstatus(pxf.waitpid(pid)[1]) == 6
    pid = pxf.spawnp("sh", ["sh", "-c", "exit 2"])
    assert pxf.wexitstatus(pxf.waitpid(pid)[1]) == 2
    with pytest.raises(FileNotFoundError):
        pxf.spawn(tmp_path / "missing", ["x"])
    script = tmp_path / "script"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(stat.S_IRUSR)
    with pytest.raises(PermissionError):
        pxf.spawn(script, ["script"])
    with pytest.raises(ChildProcessError):
        pxf.wait()  # the failures left no child


def test_python_spawn_releases_the_gil():
    """While one thread is inside pxf.spawn, another runs: a busy thread
    records when it held the GIL, the spawning thread when each call ran
    (a call that kept the GIL would leave no record inside it)."""
    code = """
import bisect, sys, threading, time, pxf
sys.setswitchinterval(0.2)   # the busy thread runs only when the GIL is free
stop, ticks = False, []
def busy():
    while not stop:
        ticks.append(time.monotonic_ns())
t = threading.Thread(target=busy)
t.start()
found = False
for _ in range(500):   # until a tick falls inside a call (a loaded machine may need many)
    t0 = time.monotonic_ns()
    pid = pxf.spawn("/bin/true", ["true"])
    t1 = time.monotonic_ns()
    i = bisect.bisect_right(ticks, t0)          # ticks only grow
    found = i < len(ticks) and ticks[i] < t1
    pxf.waitpid(pid)
    if found:
        break
stop = True
t.join()
print(found)
"""
    _, out, err = python_snippet(code, check_rc=0, timeout=60)
    assert out == "True\n", err


def test_python_spawn_empty_environment_and_bad_arguments():
    code = """
import pxf
for env in ({}, [], {"ONLY": "this"}):
    pid = pxf.spawn("/usr/bin/env", ["env"], env=env)
    print("status", pxf.waitpid(pid)[1], flush=True)
"""
    _, out, err = python_snippet(code, check_rc=0)
    assert out == "status 0\nstatus 0\nONLY=this\nstatus 0\n", err
    for call, message in [
            (lambda: pxf.spawn("/bin/true", []), "spawn: argv must not be empty"),
            (lambda: pxf.spawnp("true", []), "spawnp: argv must not be empty"),
            (lambda: pxf.spawn("/bin/tr\0ue", ["true"]), "embedded null byte"),
            (lambda: pxf.spawn("/bin/true", ["tr\0ue"]), "embedded null byte"),
            (lambda: pxf.spawn("/bin/true", ["true"], env={"A": "1\0"}), "embedded null byte"),
            (lambda: pxf.spawn("/bin/true", ["true"], env={"A=B": "1"}),
             "illegal environment variable name"),
            (lambda: pxf.spawn("/bin/true", ["true"], env={"": "1"}),
             "illegal environment variable name")]:
        with pytest.raises(ValueError) as e:
            call()
        assert str(e.value) == message
    with pytest.raises(ChildProcessError):
        pxf.wait()  # none of them made a child


# --- forks from a process with other threads (numpy's OpenBLAS pool) -----------

FORK_IN_CHILD = """
import os, threading, pxf, numpy
threading.Thread(target=threading.Event().wait, daemon=True).start()  # one more for sure
def child_forks():
    g = os.fork()                  # runs every fork handler in the child
    if g == 0:
        os._exit(0)
    os._exit(os.waitpid(g, 0)[1] >> 8)
def run(name, make):
    try:
        pid = make()
    except OSError as e:
        print(name, "refused", e.errno, flush=True)
        return
    if pid == 0:
        child_forks()
    _, status = pxf.waitpid(pid)
    print(name, "child forked, status", status, flush=True)
run("fork", pxf.fork)
run("rfork_fdg", lambda: pxf.rfork(pxf.RFPROC | pxf.RFFDG))
run("rfork_cfdg", lambda: pxf.rfork(pxf.RFPROC | pxf.RFCFDG))
run("nfork", lambda: pxf.nfork(None))
run("rfork_shared_fds", lambda: pxf.rfork(pxf.RFPROC))
run("rfork_tsigzmb", lambda: pxf.rfork(pxf.RFPROC | pxf.RFFDG | pxf.RFTSIGZMB))
run("rfork_spawn", lambda: pxf.rfork(pxf.RFSPAWN))
"""


def test_python_clone3_children_fork_when_single_threaded():
    """Without other threads the clone3 forms make children that fork
    normally (OPENBLAS_NUM_THREADS=1, no extra thread)."""
    code = FORK_IN_CHILD.replace(
        "threading.Thread(target=threading.Event().wait, daemon=True).start()", "")
    _, out, err = python_snippet(code, check_rc=0, timeout=60, env=SINGLE_THREADED)
    assert [line.split(" ", 1)[1] for line in out.splitlines()] == \
        ["child forked, status 0"] * 7, out + err


@pytest.mark.errno("PXFRFORK", "EDEADLK")
def test_python_forks_with_threads_running():
    """With other threads running, every fork path gives a child whose own
    fork runs the fork handlers safely (OpenBLAS's waits for its pool), or
    is refused with EDEADLK: the clone3 forms, which run no handlers."""
    _, out, err = python_snippet(FORK_IN_CHILD, check_rc=0, timeout=60)
    assert out.splitlines() == [
        "fork child forked, status 0",
        "rfork_fdg child forked, status 0",
        "rfork_cfdg child forked, status 0",
        "nfork child forked, status 0",
        f"rfork_shared_fds refused {errno.EDEADLK}",
        f"rfork_tsigzmb refused {errno.EDEADLK}",
        f"rfork_spawn refused {errno.EDEADLK}",
    ], err
