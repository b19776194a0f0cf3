"""pxf where NAME: everywhere a routine lives (tools/where_map.py writes the
map at build time from the routine table and the source tree)."""
import re
import sys

import pytest

from pxf import _routines, cli
from support import REPO, run

PATH = re.compile(r"(?<![\w/])((?:core|fortran|pxf|tests|docs)/[\w./-]+\.(?:c|h|py|fypp|f90|md))\b")


@pytest.mark.parametrize("name", sorted(_routines.ROUTINES))
def test_every_path_exists(name, capsys):
    assert cli.main(["where", name.lower()]) == 0
    out = capsys.readouterr().out
    paths = PATH.findall(out)
    missing = [p for p in paths if not (REPO / p).is_file()]
    assert missing == [], out
    family = _routines.ROUTINES[name][0]
    lines = dict(line.strip().split(":", 1) for line in out.splitlines()[1:])
    assert set(lines) == {"table", "C", "Fortran", "Python", "tests", "docs"}
    assert out.splitlines()[0].startswith(f"{name} ({family}): ")
    assert lines["table"].strip() == f"fortran/{family}/routines.py"
    body = PATH.findall(lines["Fortran"])[1]
    assert body in (f"fortran/{family}/bodies.fypp", "fortran/submodule.fypp"), out
    assert re.search(r"\bin core/\w+/\w+\.c\b", lines["C"]), out
    assert PATH.findall(lines["tests"]), out           # some test exercises it
    assert PATH.findall(lines["docs"]) in ([f"docs/{family}.md"], ["docs/conventions.md"])


def test_where_from_the_command_line():
    _, out, _ = run([sys.executable, "-m", "pxf", "where", "PxfFork"], check_rc=0)
    assert out.splitlines()[:4] == [
        "PXFFORK (process): fork(2): ipid = 0 in the child, the child's pid in the parent",
        "  table:   fortran/process/routines.py",
        "  C:       pxf_fork() in core/process/process.c (declared in core/include/pxf/process.h)",
        "  Fortran: fortran/interfaces.fypp (interface, module pxf_process); body generated"
        " (fortran/submodule.fypp)",
    ]
    assert "  Python:  pxf.fork() in pxf/process.py" in out
    assert "tests/process/test_process.py" in out and "  docs:    docs/process.md" in out


def test_unknown_name():
    rc, out, err = run([sys.executable, "-m", "pxf", "where", "pxfnosuch"])
    assert (rc, out) == (2, "")
    assert err == "pxf: error: no routine pxfnosuch in the routine table (pxf info lists them)\n"
