"""PXFRFORK, PXFRFORKTHREAD and PXFSPAWN* from Fortran (t_rfork.f90, USE pxf
with INTEGER(8)), and pxf.rfork/spawn/spawnp from Python."""
import errno
import os
import signal
import stat

import pytest

import pxf
from support import parse, python_snippet, run


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


def test_rforkthread_errors(programs):
    kv = programs.run("t_rfork", "thread_errors")
    assert int(kv["without_rfproc"]) == errno.EINVAL
    assert int(kv["negative_stack"]) == errno.EINVAL
    assert int(kv["tiny_stack"]) == errno.EINVAL
    assert kv["tiny_stack_ipid"] == "-1"


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


@pytest.fixture
def unrunnable(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("not a program\n")
    plain.chmod(0o644)
    return {"ENOENT": tmp_path / "missing", "EACCES": plain}


@pytest.mark.parametrize("name", ["ENOENT", "EACCES"])
def test_spawn_exec_failure_is_ierror(programs, unrunnable, name):
    kv = programs.run("t_rfork", "spawn_fail", unrunnable[name])
    assert int(kv["spawn_ierror"]) == getattr(errno, name)
    assert kv["spawn_ipid"] == "-1"
    assert int(kv["spawnp_ierror"]) == getattr(errno, name)
    # the failed children were reaped by PXFSPAWN itself
    assert int(kv["wait_ierror"]) == errno.ECHILD


# --- Python ---------------------------------------------------------------------

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
    _, out, _ = python_snippet(code, check_rc=0)
    assert out == "shared True\n"


def test_python_rfork_exit_signal_and_waitpid():
    pid = pxf.rfork(pxf.RFPROC | pxf.RFFDG | pxf.RFTSIGZMB)  # no signal at exit
    if pid == 0:
        os._exit(4)
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # invisible to a plain waitpid
    retpid, status = pxf.waitpid(pid)
    assert retpid == pid and pxf.wexitstatus(status) == 4


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
