"""The pxf command behaves as Python's own tools do: --version, a reader
that goes away, and errors that name the file or value at fault."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pxf
from pxf import _config
from support import family_module, run

PXF = [sys.executable, "-m", "pxf"]


def test_version():
    rc, out, err = run([*PXF, "--version"])
    assert (rc, out, err) == (0, f"pxf {pxf.__version__}\n", "")


@pytest.mark.parametrize("args", [["info"], ["info", "--routines"], ["where", "pxffork"],
                                  ["config"]])
def test_reader_gone_before_any_output(args):
    """stdout a pipe whose reader is gone: no message, no traceback, exit
    status 1 (what the Python documentation has a tool do on EPIPE)."""
    r, w = os.pipe()
    os.close(r)
    try:
        p = subprocess.run([*PXF, *args], stdout=w, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(w)
    assert (p.returncode, p.stderr) == (1, b"")


def test_head_in_a_shell():
    """`pxf info --routines | head -1`: quiet whether head went before pxf
    wrote (status 1, as above) or after (its output fit in the pipe)."""
    rc, out, err = run(["bash", "-c", f"{sys.executable} -m pxf info --routines | head -1; "
                        "echo status=${PIPESTATUS[0]}"])
    assert out.splitlines()[0].startswith("routines: ")
    assert out.splitlines()[1] in ("status=0", "status=1")   # 0 if it all fit in the pipe
    assert err == ""


@pytest.mark.skipif(not _config.NUMA, reason="no NUMA family in this build")
def test_numa_errors_name_the_file_or_value(tmp_path):
    missing = tmp_path / "missing"
    rc, out, err = run([*PXF, "numa", "--topology", missing])
    assert (rc, out) == (1, "")
    assert err == f"pxf: error: [Errno 2] No such file or directory: '{missing}'\n"
    # the override file the library reads itself
    rc, out, err = run([*PXF, "numa"], env=dict(os.environ, PXF_NUMA_TOPOLOGY=str(missing)))
    assert (rc, out) == (1, "")
    assert err == f"pxf: error: [Errno 2] No such file or directory: '{missing}'\n"
    rc, out, err = run([*PXF, "info"], env=dict(os.environ, PXF_NUMA_TOPOLOGY=str(missing)))
    assert rc == 0
    assert f"NUMA RADs:\n  unavailable: [Errno 2] No such file or directory: '{missing}'\n" \
        in out
    no_pid = int(Path("/proc/sys/kernel/pid_max").read_text())   # pids are below it
    topo = tmp_path / "four"
    topo.write_text(family_module("numa", "test_numa_c").FOUR)
    cases = {
        ("--rads", "1,x"): (2, "pxf: error: --rads 1,x: not a list of RAD numbers (R,R)\n"),
        ("--path", str(missing)): (1, f"pxf: error: nfork near {missing}: Invalid argument\n"),
        ("--pid", str(no_pid)): (1, f"pxf: error: nfork near pid {no_pid}: "
                                    "Invalid argument\n"),
        ("--flags", "fast"): (1, "pxf: error: unknown flag RAD_FAST\n"),
    }
    for extra, (want_rc, want_err) in cases.items():
        rc, _, err = run([*PXF, "numa", "--topology", topo, *extra])
        assert (rc, err) == (want_rc, want_err), extra


def test_run_errors_name_the_file(tmp_path):
    rc, _, err = run([*PXF, "run", tmp_path / "nope.f90"])
    assert (rc, err) == (1, f"pxf: error: no such file: {tmp_path / 'nope.f90'}\n")
    rc, _, err = run([*PXF, "where", "pxfnothing"])
    assert (rc, err) == (2, "pxf: error: no routine pxfnothing in the routine table "
                            "(pxf info lists them)\n")
