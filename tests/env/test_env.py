"""PXFGETENV, PXFSETENV, PXFCLEARENV, PXFUNAME: the 1003.9 string rules
(length 0 trims, bad lengths EINVAL, blank padding, ETRUNC with the full
length, name and value the same variable), from Fortran (USE pxf,
INTEGER(8)) and Python."""
import errno
import os

import pytest

import pxf
from support import run

ETRUNC = 4852
EBADHANDLE = 4855


def env_for_test():
    env = dict(os.environ, PXFT_VALUE="hello world  ", PXFT_EMPTY="",
               PXFT_SAME="same-variable")
    env.pop("PXFT_UNSET", None)
    return env


def lines(programs, mode, env=None):
    _, out, _ = run([programs.fortran("t_env"), mode], env=env, check_rc=0)
    return dict(line.split("=", 1) for line in out.splitlines())


@pytest.mark.errno("PXFGETENV", "EINVAL", "ETRUNC")
def test_getenv_string_rules(programs):
    kv = lines(programs, "getenv", env_for_test())
    pad = " " * 27
    assert kv["trim0"] == f"[hello world  {pad}] len=13 ierror=0"
    assert kv["exactlen"] == f"[hello world  {pad}] len=13 ierror=0"
    assert kv["short"] == f"[hello] len=13 ierror={ETRUNC}"
    assert kv["empty"] == f"[{' ' * 40}] len=0 ierror=0"
    # a failure: VALUE blank, LENVAL -1 (docs/conventions.md)
    for key in ("unset", "neglen", "toolong"):
        assert kv[key] == f"[{' ' * 40}] len=-1 ierror={errno.EINVAL}", key
    assert kv["same"] == f"[same-variable{' ' * 7}] len=13 ierror=0"


@pytest.mark.errno("PXFSETENV", "EINVAL")
def test_setenv(programs):
    kv = lines(programs, "setenv")
    # Cray rule for lennew = 0: trailing blanks trimmed, leading kept
    assert kv["set_trim"] == f"[  lead and trail{' ' * 24}] len=16 ierror=0"
    assert kv["no_overwrite"] == kv["set_trim"]
    assert kv["set_exact"] == f"[exact  {' ' * 33}] len=7 ierror=0"
    assert int(kv["eq_name_ierror"]) == errno.EINVAL
    assert int(kv["badlen_ierror"]) == errno.EINVAL


def test_setenv_ifposix_trims_leading_blanks(programs):
    kv = lines(programs, "setenv_intel")
    assert kv["intel_trim"] == f"[lead and trail{' ' * 26}] len=14 ierror=0"
    assert kv["intel_exact"] == f"[  exact  {' ' * 31}] len=9 ierror=0"


@pytest.mark.errno("PXFGETENV", "EINVAL")
def test_clearenv(programs):
    kv = lines(programs, "clearenv")
    assert kv["clear_ierror"] == "0"
    assert int(kv["path_after_clear"]) == errno.EINVAL


@pytest.mark.errno("PXFUNAME", "EBADHANDLE")
def test_uname_matches_kernel(programs):
    kv = lines(programs, "uname")
    u = os.uname()
    assert kv["uname_ierror"] == "0"
    for field in ("sysname", "nodename", "release", "version", "machine"):
        assert kv[field] == f"{getattr(u, field)} ierror=0"
    assert int(kv["uname_wrong_type"]) == EBADHANDLE


# --- Python ------------------------------------------------------------------

def test_python_getenv_setenv_roundtrip(monkeypatch):
    monkeypatch.setenv("PXFT_PY", "x")
    pxf.setenv("PXFT_PY", "  spaced value  ")
    assert pxf.getenv("PXFT_PY") == "  spaced value  "
    pxf.setenv("PXFT_PY", "other", overwrite=False)
    assert pxf.getenv("PXFT_PY") == "  spaced value  "
    pxf.setenv("PXFT_PY", "")
    assert pxf.getenv("PXFT_PY") == ""
    monkeypatch.delenv("PXFT_PY")
    assert pxf.getenv("PXFT_PY") is None
    assert pxf.getenv("PXFT_PY", "dflt") == "dflt"


@pytest.mark.errno("PXFGETENV", "EINVAL")
@pytest.mark.errno("PXFSETENV", "EINVAL")
def test_python_env_errors():
    with pytest.raises(OSError) as e:
        pxf.getenv("A=B")
    assert e.value.errno == errno.EINVAL
    with pytest.raises(OSError) as e:
        pxf.setenv("A=B", "x")
    assert e.value.errno == errno.EINVAL


def test_python_getenv_long_value(monkeypatch):
    value = "v" * 100000
    monkeypatch.setenv("PXFT_LONG", value)
    assert pxf.getenv("PXFT_LONG") == value


def test_python_clearenv_in_child():
    pid = pxf.fork()
    if pid == 0:
        pxf.clearenv()
        pxf.fastexit(0 if pxf.getenv("PATH") is None else 1)
    _, status = pxf.waitpid(pid)
    assert pxf.wexitstatus(status) == 0


def test_python_uname():
    assert tuple(pxf.uname()) == tuple(os.uname())


def test_python_nul_in_strings_is_valueerror(monkeypatch):
    """A NUL would end the C string early (setenv stored 'abc' padded):
    ValueError, as os raises, and nothing changes."""
    monkeypatch.setenv("PXF_NUL_TEST", "before")
    for call in (lambda: pxf.setenv("PXF_NUL_TEST", "abc\0def"),
                 lambda: pxf.setenv("PXF_NUL\0TEST", "x"),
                 lambda: pxf.getenv("PXF_NUL_TEST\0X"),
                 lambda: pxf.getenv(b"HOME\0")):
        with pytest.raises(ValueError) as e:
            call()
        assert str(e.value) == "embedded null byte"
    assert os.environ["PXF_NUL_TEST"] == "before"
    assert pxf.getenv("PXF_NUL_TEST") == "before"
