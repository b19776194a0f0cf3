"""pxf.pipe, pipe2, dup, dup2 and creat make descriptors inheritable or
not as os's do (PEP 446), checked by what a program exec'd afterwards
really has open."""
import errno
import os

import pytest

import pxf
from support import run


def reaches_exec(fd: int) -> bool:
    """Whether a program exec'd now (with close_fds=False, so nothing but
    FD_CLOEXEC closes it) has FD open: the shell's own /proc/self/fd."""
    rc, _, _ = run(["sh", "-c", f"test -e /proc/self/fd/{fd}"], close_fds=False)
    return rc == 0


def open_fds() -> set[int]:
    return {int(n) for n in os.listdir("/proc/self/fd")}


@pytest.fixture
def fds():
    """Descriptors a test opens, closed after it."""
    held: list[int] = []
    yield held
    for fd in held:
        try:
            os.close(fd)
        except OSError:
            pass


def test_pipe_is_not_inheritable_as_os_pipe(fds):
    fds.extend(pxf.pipe())
    fds.extend(os.pipe())
    assert [os.get_inheritable(fd) for fd in fds] == [False] * 4
    assert not reaches_exec(fds[0]) and not reaches_exec(fds[1])
    assert os.get_blocking(fds[0]) and os.get_blocking(fds[1])


def test_pipe2_takes_os_pipe2_flags(fds):
    for flags in (0, os.O_CLOEXEC, os.O_NONBLOCK, os.O_CLOEXEC | os.O_NONBLOCK):
        ours, theirs = pxf.pipe2(flags), os.pipe2(flags)
        fds.extend(ours + theirs)
        for fd, ref in zip(ours, theirs):
            assert os.get_inheritable(fd) == os.get_inheritable(ref) \
                == (not flags & os.O_CLOEXEC), flags
            assert os.get_blocking(fd) == os.get_blocking(ref) \
                == (not flags & os.O_NONBLOCK), flags
        assert reaches_exec(ours[1]) == (not flags & os.O_CLOEXEC)
    # the ends are a working pipe
    r, w = fds[-4:-2]
    assert pxf.write(w, b"ok") == 2 and pxf.read(r, 10) == b"ok"
    with pytest.raises(BlockingIOError):   # O_NONBLOCK: nothing to read
        pxf.read(r, 10)


def test_pipe2_refuses_other_flags_and_makes_no_pipe():
    before = open_fds()
    with pytest.raises(OSError) as e:
        pxf.pipe2(os.O_APPEND)
    assert e.value.errno == errno.EINVAL
    with pytest.raises(OSError) as e:
        os.pipe2(os.O_APPEND)            # pipe2(2) refuses it too
    assert e.value.errno == errno.EINVAL
    assert open_fds() == before
    with pytest.raises(TypeError):
        pxf.pipe2(0.0)


def test_dup_is_not_inheritable_and_the_lowest_free(fds):
    r, w = pxf.pipe2(0)                 # inheritable ends
    fds.extend((r, w))
    low = os.dup(w)                     # the lowest free descriptor
    os.close(low)
    d = pxf.dup(w)
    fds.append(d)
    assert d == low
    assert os.get_inheritable(d) is False and os.get_inheritable(w) is True
    assert not reaches_exec(d) and reaches_exec(w)
    pxf.write(d, b"via dup")
    assert pxf.read(r, 10) == b"via dup"
    with pytest.raises(OSError) as e:
        pxf.dup(-1)
    assert e.value.errno == errno.EBADF
    with pytest.raises(TypeError):
        pxf.dup(float(w))


def test_dup2_is_inheritable_unless_asked(fds):
    r, w = pxf.pipe()
    fds.extend((r, w, 60, 61, 62, 63))
    assert pxf.dup2(w, 60) == 60 and os.dup2(w, 61) == 61
    assert os.get_inheritable(60) is os.get_inheritable(61) is True
    assert reaches_exec(60)
    assert pxf.dup2(w, 62, inheritable=False) == 62
    assert os.dup2(w, 63, inheritable=False) == 63
    assert os.get_inheritable(62) is os.get_inheritable(63) is False
    assert not reaches_exec(62)
    # an inheritable fd2 made non-inheritable again
    pxf.dup2(w, 60, inheritable=False)
    assert os.get_inheritable(60) is False
    # fd == fd2: os.dup2 (dup3) refuses it without inheritable
    for dup2 in (pxf.dup2, os.dup2):
        with pytest.raises(OSError) as e:
            dup2(r, r, inheritable=False)
        assert e.value.errno == errno.EINVAL
        assert dup2(r, r) == r
    assert os.get_inheritable(r) is False   # unchanged, as dup2(2) leaves it


def test_creat_is_not_inheritable(tmp_path, fds):
    fds.append(pxf.creat(tmp_path / "f", 0o600))
    assert os.get_inheritable(fds[0]) is False and not reaches_exec(fds[0])
