"""PXFLSEEK: offsets beyond 2**31 whole in INTEGER(8), EOVERFLOW (never a
wrapped value) in INTEGER(4), and its errors for real, from Fortran (USE
pxf) and from Python against os.lseek."""
import errno
import os
import subprocess

import pytest

import pxf
from support import parse


@pytest.mark.errno("PXFLSEEK", "EBADF", "EINVAL", "EOVERFLOW", "ESPIPE")
def test_lseek_from_fortran(programs, tmp_path):
    path = tmp_path / "data"
    path.write_bytes(b"0123456789")
    fd = os.open(path, os.O_RDWR)
    try:
        r = subprocess.run([str(programs.fortran("t_lseek")), str(fd)], pass_fds=[fd],
                           capture_output=True, text=True, timeout=60, check=True)
        kv = parse(r.stdout)
    finally:
        os.close(fd)
    assert kv["set8"] == "3000000000 0"
    assert kv["cur4"] == f"-1 {errno.EOVERFLOW}"          # at 3000000000: no INTEGER(4)
    assert kv["end8"] == "8 0"                             # 10 bytes, 2 before the end
    assert kv["whence"] == f"-1 {errno.EINVAL}"
    assert kv["negative"] == f"-1 {errno.EINVAL}"
    assert kv["badf"] == f"-1 {errno.EBADF}"
    assert kv["pipe"] == f"-1 {errno.ESPIPE}"


def test_lseek_python_matches_os(tmp_path):
    path = tmp_path / "data"
    path.write_bytes(b"abcdef")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert pxf.lseek(fd, 2, os.SEEK_SET) == 2
        assert os.read(fd, 2) == b"cd"
        assert pxf.lseek(fd, -1, os.SEEK_END) == os.lseek(fd, -1, os.SEEK_END) == 5
        assert pxf.lseek(fd, 0, os.SEEK_CUR) == 5
    finally:
        os.close(fd)
    r, w = os.pipe()
    try:
        with pytest.raises(OSError) as got:
            pxf.lseek(r, 0, os.SEEK_SET)
        with pytest.raises(OSError) as want:
            os.lseek(r, 0, os.SEEK_SET)
        assert (type(got.value), got.value.errno) == (type(want.value), errno.ESPIPE)
    finally:
        os.close(r)
        os.close(w)
