"""os's module constants for what pxf's functions take (pxf.WNOHANG,
pxf.O_CREAT, pxf.R_OK, pxf.SEEK_END ...): PXFCONST's values, equal to
os's."""
import os

import pytest

import pxf
from pxf.consts import OS_CONSTANTS

# What pxf's functions take: waitpid's options, open's flags, access's
# modes, lseek's whence.
WANTED = {"WNOHANG", "WUNTRACED", "WCONTINUED", "F_OK", "R_OK", "W_OK", "X_OK",
          "SEEK_SET", "SEEK_CUR", "SEEK_END", "O_RDONLY", "O_WRONLY", "O_RDWR",
          "O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_CLOEXEC"}


def test_wanted_names_are_there():
    assert WANTED <= set(OS_CONSTANTS)
    assert set(OS_CONSTANTS) <= set(pxf.__all__)


@pytest.mark.parametrize("name", OS_CONSTANTS)
def test_value_is_pxfconst_and_os(name):
    assert getattr(pxf, name) == pxf.const(name) == getattr(os, name)
    assert type(getattr(pxf, name)) is int


def test_used_as_os_constants(tmp_path):
    """They work where os's do: waitpid's WNOHANG, open's flags, lseek."""
    fd = pxf.open(tmp_path / "f", pxf.O_RDWR | pxf.O_CREAT | pxf.O_EXCL, 0o600)
    try:
        pxf.write(fd, b"abc")
        assert pxf.lseek(fd, 0, pxf.SEEK_END) == 3
    finally:
        pxf.close(fd)
    assert pxf.access(tmp_path / "f", pxf.R_OK | pxf.W_OK) is True
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:                      # waits until the parent writes
        os._exit(len(os.read(r, 1)) - 1)
    try:
        assert pxf.waitpid(pid, pxf.WNOHANG) == (0, 0)   # still running
    finally:
        os.write(w, b"x")
        os.close(r)
        os.close(w)
        assert pxf.waitpid(pid, 0) == (pid, 0)
