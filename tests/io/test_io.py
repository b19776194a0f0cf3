"""PXFPIPE, PXFDUP, PXFDUP2, PXFCLOSE, PXFREAD, PXFWRITE from Fortran
(USE pxf, default INTEGER) and Python."""
import errno
import os
import resource
import subprocess

import pytest

import pxf
from support import parse, python_snippet, run


@pytest.mark.errno("PXFREAD", "EINVAL", "EBADF")
@pytest.mark.errno("PXFWRITE", "EINVAL")
@pytest.mark.errno("PXFCLOSE", "EBADF")
@pytest.mark.errno("PXFDUP", "EBADF")
@pytest.mark.errno("PXFDUP2", "EBADF")
def test_pipe_read_write_dup(programs):
    _, out, _ = run([programs.fortran("t_io"), "pipe"], check_rc=0)
    kv = dict(line.split("=", 1) for line in out.splitlines())
    assert kv["pipe_ierror"] == "0"
    assert kv["written"] == "5 ierror=0"
    assert kv["read"] == "[hello     ] n=5 ierror=0"  # blank-filled after the data
    assert kv["dup_ierror"] == "0" and kv["dup_is_new"] == "1"
    assert kv["dup2_ierror"] == "0"
    assert kv["read2"] == "[via dup+20] n=10"
    assert int(kv["read_toolong"]) == errno.EINVAL
    assert int(kv["write_negative"]) == errno.EINVAL
    assert kv["eof"] == f"[{' ' * 10}] n=0 ierror=0"
    assert kv["close_ierror"] == "0"
    assert int(kv["close_again"]) == errno.EBADF
    assert int(kv["read_badf"]) == errno.EBADF
    assert int(kv["dup_badf"]) == errno.EBADF
    assert int(kv["dup2_badf"]) == errno.EBADF


@pytest.mark.errno("PXFDUP", "EINVAL")
@pytest.mark.errno("PXFDUP2", "EINVAL")
@pytest.mark.errno("PXFCLOSE", "EINVAL")
def test_descriptors_beyond_c_int(programs):
    # docs/conventions.md: an INTEGER(8) argument that cannot be a C int
    # is EINVAL (not a descriptor cut to its low bits)
    _, out, _ = run([programs.fortran("t_io"), "int8"], check_rc=0)
    kv = dict(line.split("=", 1) for line in out.splitlines())
    assert kv["dup"] == f"{errno.EINVAL} ifid=-1"
    assert int(kv["dup2"]) == errno.EINVAL
    assert int(kv["close"]) == errno.EINVAL


def test_pipe_across_fork(programs):
    _, out, _ = run([programs.fortran("t_io"), "pipe_fork"], check_rc=0)
    assert out.strip() == "child_status=0"


def test_python_pipe_roundtrip():
    r, w = pxf.pipe()
    try:
        assert pxf.write(w, b"bytes \x00 and blanks  ") == 20
        assert pxf.read(r, 100) == b"bytes \x00 and blanks  "
        d = pxf.dup(w)
        assert d not in (r, w)
        pxf.write(d, "x")
        pxf.close(d)
        assert pxf.read(r, 1) == b"x"
        assert pxf.dup2(w, 50) == 50
        pxf.write(50, "y")
        pxf.close(50)
        pxf.close(w)
        assert pxf.read(r, 10) == b"y"
        assert pxf.read(r, 10) == b""  # end of file
    finally:
        pxf.close(r)


@pytest.mark.errno("PXFREAD", "EINVAL")
@pytest.mark.errno("PXFWRITE", "EBADF", "EPIPE")
def test_python_io_errors():
    r, w = os.pipe()
    os.close(r)
    with pytest.raises(BrokenPipeError) as e:   # no reader; Python ignores SIGPIPE
        pxf.write(w, b"x")
    assert e.value.errno == errno.EPIPE
    os.close(w)
    with pytest.raises(OSError) as e:
        pxf.write(w, b"x")
    assert e.value.errno == errno.EBADF
    with pytest.raises(OSError) as e:
        pxf.close(r)
    assert e.value.errno == errno.EBADF
    with pytest.raises(OSError) as e:
        pxf.read(r, 5)
    assert e.value.errno == errno.EBADF
    with pytest.raises(OSError) as e:
        pxf.read(0, -1)
    assert e.value.errno == errno.EINVAL


def test_python_read_releases_the_gil():
    """A thread blocked in pxf.read lets the main thread write what it
    waits for (holding the GIL would deadlock; a fresh interpreter with a
    timeout keeps that a failure)."""
    code = """
import os, threading, time, pxf
r, w = os.pipe()
got = []
t = threading.Thread(target=lambda: got.append(pxf.read(r, 10)))
t.start()
time.sleep(0.1)
os.write(w, b"x")
t.join()
print(got)
"""
    _, out, err = python_snippet(code, check_rc=0, timeout=30)
    assert out == "[b'x']\n", err


def test_python_write_accepts_nul_bytes():
    r, w = pxf.pipe()
    try:
        assert pxf.write(w, b"a\0b") == 3
        assert pxf.read(r, 10) == b"a\0b"
    finally:
        pxf.close(r)
        pxf.close(w)


@pytest.mark.errno("PXFPIPE", "EMFILE")
@pytest.mark.errno("PXFFCNTL", "EMFILE")
def test_descriptor_limit_is_emfile():
    # every descriptor RLIMIT_NOFILE allows is open: pipe and dup fail
    # (pxf.dup goes through PXFFCNTL's F_DUPFD_CLOEXEC: test_inheritable.py)
    code = """
import errno, os, resource, pxf
resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
held = []
while True:
    try:
        held.append(os.open('/dev/null', os.O_RDONLY))
    except OSError as e:
        assert e.errno == errno.EMFILE
        break
for call in (pxf.pipe, lambda: pxf.dup(0)):
    try:
        call()
    except OSError as e:
        print(errno.errorcode[e.errno])
"""
    _, out, err = python_snippet(code, check_rc=0)
    assert out.split() == ["EMFILE", "EMFILE"], err


@pytest.mark.errno("PXFDUP", "EMFILE")
@pytest.mark.errno("PXFPIPE", "EMFILE")
def test_descriptor_limit_is_emfile_from_fortran(programs):
    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))
    _, out, _ = run([programs.fortran("t_io"), "emfile"], preexec_fn=limit,
                    stdin=subprocess.DEVNULL, check_rc=0)
    kv = parse(out)
    assert kv["dup"] == f"{errno.EMFILE} ifid=-1"
    assert int(kv["pipe"]) == errno.EMFILE
