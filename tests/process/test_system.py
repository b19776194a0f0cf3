"""PXFSYSTEM and PXFSYSTEMSTATUS from Fortran (externals with default
INTEGER, USE pxf with INTEGER(8)) and Python against os.system. Output
written before a command, by Fortran, C stdio or Python, comes before the
command's, once, with standard output a file; EAGAIN is real (a shell
that cannot start under RLIMIT_NPROC as nobody)."""
import errno
import os
import signal
import subprocess
import sys

import pytest

import pxf
from support import as_unprivileged, error_of, in_fork, mount_namespace, parse, run


@pytest.mark.errno("PXFSYSTEM", "EINVAL")
@pytest.mark.errno("PXFSYSTEMSTATUS", "EINVAL")
def test_order_status_and_errors(programs, tmp_path):
    out_file = tmp_path / "out"
    with open(out_file, "w") as f:   # a file: Fortran and C buffer it whole
        subprocess.run([programs.fortran("t_system"), "run"], stdout=f, check=True, timeout=60)
    lines = out_file.read_text().splitlines()
    assert lines[:5] == ["record 1", "command 1", "record 2 ierror=0", "command 2",
                         "status=T 3 0"]
    kv = parse("\n".join(lines))
    assert kv["exit5"] == "0"                      # the shell ran
    assert kv["notfound"] == "127 0"               # the shell ran; the command did not
    assert kv["shell"] == "0"                      # there is a shell
    assert kv["badlen"] == str(errno.EINVAL)       # beyond LEN(cmd)
    assert kv["negative"] == str(errno.EINVAL)


@pytest.mark.errno("PXFSYSTEM", "EAGAIN")
@pytest.mark.errno("PXFSYSTEMSTATUS", "EAGAIN")
def test_eagain_without_processes(programs):
    """No process can be made: EAGAIN (glibc's system(3) would report a
    shell that exited 127), the status -1 after the failure."""
    _, out, _ = run([programs.fortran("t_system"), "fail"], check_rc=0,
                    preexec_fn=as_unprivileged(nproc=0))
    assert parse(out)["nproc"] == f"{errno.EAGAIN} -1 {errno.EAGAIN}"

    def python_side():
        as_unprivileged(nproc=0)()
        return error_of(lambda: pxf.system("true"))
    assert in_fork(python_side) == ["BlockingIOError", errno.EAGAIN, None]


def test_python_matches_os_system(tmp_path):
    for cmd in ["true", "exit 7", "kill -TERM $$", "/nonexistent/x 2>/dev/null"]:
        assert pxf.system(cmd) == os.system(cmd), cmd
    assert pxf.system("") == 0 == os.system("")
    # Python's, C's and the command's output in the order they were made
    code = ("import ctypes, sys, pxf\nprint('python'); ctypes.CDLL(None).printf(b'c stdio\\n')\n"
            "pxf.system('echo shell')\nprint('after')")
    out_file = tmp_path / "out"
    with open(out_file, "w") as f:
        subprocess.run([sys.executable, "-c", code], stdout=f, check=True, timeout=60)
    assert out_file.read_text().splitlines() == ["python", "c stdio", "shell", "after"]


@pytest.mark.errno("PXFSYSTEM", "ECHILD")
@pytest.mark.errno("PXFSYSTEMSTATUS", "ECHILD")
def test_sigchld_ignored(programs):
    """With SIGCHLD ignored the kernel reaps the shell itself and keeps no
    status: ECHILD, the command having run (os.system returns -1 there;
    pxf.system raises ChildProcessError)."""
    def ignore_sigchld():
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # kept across exec
    _, out, _ = run([programs.fortran("t_system"), "nochld"], check_rc=0,
                    preexec_fn=ignore_sigchld)
    assert parse(out)["nochld"] == f"{errno.ECHILD} -1 {errno.ECHILD}"

    def python_side():
        ignore_sigchld()
        return error_of(lambda: pxf.system("true"))
    assert in_fork(python_side) == ["ChildProcessError", errno.ECHILD, None]


# A root without a shell: a private mount namespace with an empty tmpfs over
# /bin (on merged /usr, over /usr/bin: no program there can be started,
# Python included, so the Python side runs in a fork of this process).
NO_SHELL = mount_namespace(("none", "/bin", b"tmpfs", 0))


@pytest.mark.errno("PXFSYSTEM", "ENOENT")
@pytest.mark.errno("PXFSYSTEMSTATUS", "ENOENT")
def test_no_shell(programs):
    """A blank command asks whether there is a shell: ENOENT when not."""
    _, out, _ = run([programs.fortran("t_system"), "noshell"], check_rc=0, preexec_fn=NO_SHELL)
    assert parse(out)["noshell"] == f"{errno.ENOENT} {errno.ENOENT}"

    def python_side():
        NO_SHELL()
        return error_of(lambda: pxf.system(""))
    assert in_fork(python_side) == ["FileNotFoundError", errno.ENOENT, None]
