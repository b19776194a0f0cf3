"""Issue 10, guard (c): every errno a routine documents (its `errnos` in
fortran/pxf_table.py) is produced for real by a test that says so with
@pytest.mark.errno(ROUTINE, ERRNO), and docs/errno-coverage.md, generated
from both by tools/errno_coverage.py, is current. Reads the source tree
only: nothing is built or run."""
import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "tools"))
import errno_coverage  # noqa: E402


@pytest.fixture(scope="module")
def report():
    return errno_coverage.build(REPO)


def test_markers_and_table_are_consistent(report):
    """A marker names a routine of the table and an errno it documents,
    with string literals; the table lists real errno names (or 1003.9
    codes), each once, and what docs/conventions.md implies for the
    routine's arguments."""
    assert report.problems == []


def test_every_documented_errno_is_produced(report):
    missing = [f"{routine} {e}" for routine, e in report.uncovered]
    assert missing == [], ("documented, but no test produces it (mark the test that "
                           "does with @pytest.mark.errno, or write one)")


def test_committed_table_is_current(report):
    path = REPO / errno_coverage.OUTPUT
    assert path.read_text() == errno_coverage.render(report, REPO), \
        f"{errno_coverage.OUTPUT} is stale: run {errno_coverage.COMMAND}"


def test_the_checks_catch_mistakes(tmp_path):
    """The checks themselves: a marker for an errno the routine does not
    document, one for an unknown routine, one that is not a literal, and a
    documented errno without a test are all reported."""
    tests = tmp_path / "tests" / "process"  # markers are found in every test directory
    tests.mkdir(parents=True)
    (tests / "test_bad.py").write_text(
        "import pytest\n"
        "ROUTINE = 'PXFFORK'\n"
        "@pytest.mark.errno('PXFFORK', 'ECHILD')\n"
        "@pytest.mark.errno('PXFNOSUCH', 'EINVAL')\n"
        "@pytest.mark.errno(ROUTINE, 'EAGAIN')\n"
        "def test_one():\n    pass\n"
        "@pytest.mark.errno('PXFKILL', 'ESRCH')\n"
        "def helper():\n    pass\n")
    parts = ["fortran/pxf_table.py", "fortran/routine.py", "core/include/pxf/errors.h"]
    parts += [p.relative_to(REPO).as_posix() for p in REPO.glob("fortran/*/routines.py")]
    for part in parts:
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / part).write_text((REPO / part).read_text())
    report = errno_coverage.build(tmp_path)
    assert sorted(report.problems) == [
        "process/test_bad.py (line 8): an errno marker must decorate a test function "
        "(or one pytest.param of it)",
        "process/test_bad.py::test_one (line 3): PXFFORK does not document ECHILD",
        "process/test_bad.py::test_one (line 4): no routine PXFNOSUCH in the table",
        "process/test_bad.py::test_one (line 5): write the marker as errno('ROUTINE', 'ERRNO', ...) "
        "with string literals",
    ]
    assert ("PXFFORK", "EAGAIN") in report.uncovered
