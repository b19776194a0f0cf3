#!/usr/bin/env python3
"""The errno coverage table (issue 10, guard c): every errno a PXF routine
documents and the tests that produce it for real.

What a routine documents is the ``errnos`` of its row in
fortran/<family>/routines.py (taken from docs/<family>.md and the general rules of
docs/conventions.md). A test says what it produces with a marker,

    @pytest.mark.errno("PXFWAITPID", "ECHILD")          # one or more errnos

on the test function or on one ``pytest.param`` of it, and only for values
it asserts exactly. The markers are read statically (ast) from tests/**/test_*.py,
so nothing needs to be built or run.

usage: python3 tools/errno_coverage.py           write docs/errno-coverage.md
       python3 tools/errno_coverage.py --check   exit 1 if it is stale
Both exit 1 when a documented errno has no test or a marker is wrong;
tests/project/test_errno_coverage.py asserts the same.
"""
from __future__ import annotations

import ast
import errno
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import generated_file

REPO = Path(__file__).resolve().parent.parent
OUTPUT = Path("docs") / "errno-coverage.md"
COMMAND = "python3 tools/errno_coverage.py"


def load_table(repo: Path = REPO):
    """fortran/pxf_table.py as a module (it is plain data, no build needed)."""
    spec = importlib.util.spec_from_file_location("pxf_table", repo / "fortran" / "pxf_table.py")
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    return table


def pxf_codes(repo: Path = REPO) -> set[str]:
    """The 1003.9 codes (ENONAME ...), from the C header that defines them."""
    text = (repo / "core" / "include" / "pxf" / "errors.h").read_text()
    return set(re.findall(r"#define PXF_(E[A-Z0-9]+)\s+\d+", text))


@dataclass
class Marker:
    routine: str
    errno: str
    test: str         # file::function
    line: int


@dataclass
class Report:
    table: object
    markers: list[Marker]
    problems: list[str] = field(default_factory=list)
    # routine -> errno -> tests producing it
    covered: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    uncovered: list[tuple[str, str]] = field(default_factory=list)


def _is_errno_mark(node: ast.AST) -> bool:
    """pytest.mark.errno(...) or mark.errno(...)."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "errno" and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "mark")


def _test_functions(tree: ast.Module):
    """(name, node) of the test functions pytest collects from a module:
    test* functions at module level and in Test* classes."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for sub in node.body:
                if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
                        sub.name.startswith("test"):
                    yield f"{node.name}::{sub.name}", sub


def collect_markers(tests: Path) -> tuple[list[Marker], list[str]]:
    """Every errno marker of tests/**/test_*.py, and what is wrong with any
    (arguments that are not string literals, a marker that is no test's)."""
    markers, problems = [], []
    for path in sorted(tests.rglob("test_*.py")):
        rel = path.relative_to(tests).as_posix()  # process/test_exec.py
        tree = ast.parse(path.read_text(), filename=str(path))
        attributed = set()
        for name, fn in _test_functions(tree):
            test = f"{rel}::{name}"
            for deco in fn.decorator_list:
                for node in ast.walk(deco):
                    if not _is_errno_mark(node):
                        continue
                    attributed.add(id(node))
                    args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                            else None for a in node.args]
                    if len(args) < 2 or None in args or node.keywords:
                        problems.append(f"{test} (line {node.lineno}): write the marker as "
                                        "errno('ROUTINE', 'ERRNO', ...) with string literals")
                        continue
                    markers.extend(Marker(args[0], e, test, node.lineno) for e in args[1:])
        for node in ast.walk(tree):
            if _is_errno_mark(node) and id(node) not in attributed:
                problems.append(f"{rel} (line {node.lineno}): an errno marker must "
                                "decorate a test function (or one pytest.param of it)")
    return markers, problems


def implied_errnos(routine) -> set[str]:
    """What docs/conventions.md promises for a routine from its signature
    alone: EBADHANDLE for a handle passed in, ETRUNC for an output string, EINVAL for
    a bad length or count (strings with a length, string arrays, byte
    buffers), ENONAME for a name the library interprets (no length), and
    EINVAL for an INTEGER(8) argument a generated routine cannot pass as a
    C int."""
    if not routine.has_ierror:
        return set()
    out = set()
    args = routine.args
    for i, a in enumerate(args):
        nxt = args[i + 1] if i + 1 < len(args) else None
        if a.is_handle and a.intent in ("in", "inout"):
            out.add("EBADHANDLE")
        if a.type == "strarr" or a.binary:
            out.add("EINVAL")
        elif a.type == "str" and a.intent == "out":
            out.add("ETRUNC")
        elif a.type == "str":
            has_length = (nxt is not None and nxt.type == "int" and nxt.intent == "in"
                          and (nxt.name.startswith("len") or nxt.name == "ilen"))
            out.add("EINVAL" if has_length else "ENONAME")
    if routine.generated:
        if any(a.intent == "in" and a.kind == "K" and a.ctype == "c_int"
               for a in routine.core_args()):
            out.add("EINVAL")
    return out


def build(repo: Path = REPO) -> Report:
    table = load_table(repo)
    markers, problems = collect_markers(repo / "tests")
    report = Report(table, markers, problems)
    known = set(errno.errorcode.values()) | {n for n in dir(errno) if n.startswith("E")}
    known |= pxf_codes(repo)
    routines = {r.name: r for r in table.ROUTINES}
    for r in table.ROUTINES:
        if len(set(r.errnos)) != len(r.errnos):
            problems.append(f"{r.name}: an errno is listed twice in the table")
        for e in r.errnos:
            if e not in known:
                problems.append(f"{r.name}: {e} is no errno name and no 1003.9 code")
        if r.errnos and not r.has_ierror:
            problems.append(f"{r.name}: has no IERROR, so it cannot document an errno")
        for e in sorted(set(r.not_produced) - set(r.errnos)):
            problems.append(f"{r.name}: not_produced names {e}, which errnos does not list")
        for e, why in r.not_produced.items():
            if not why.strip():
                problems.append(f"{r.name}: not_produced gives no reason for {e}")
        missing = implied_errnos(r) - set(r.errnos)
        if missing:
            problems.append(f"{r.name}: docs/conventions.md implies {', '.join(sorted(missing))} "
                            "for its arguments, the table does not list it")
        report.covered[r.name] = {e: [] for e in r.errnos}
    for m in markers:
        r = routines.get(m.routine)
        if r is None:
            problems.append(f"{m.test} (line {m.line}): no routine {m.routine} in the table")
        elif m.errno not in r.errnos:
            problems.append(f"{m.test} (line {m.line}): {m.routine} does not document {m.errno}")
        elif m.errno in r.not_produced:
            problems.append(f"{m.test} (line {m.line}): {m.routine} {m.errno} is listed as "
                            "not produced by a test; remove it from not_produced")
        elif m.test not in report.covered[m.routine][m.errno]:
            report.covered[m.routine][m.errno].append(m.test)
    for r in table.ROUTINES:
        for e in r.errnos:
            if not report.covered[r.name][e] and e not in r.not_produced:
                report.uncovered.append((r.name, e))
    return report


def _family_guide(repo: Path, family: str) -> str:
    guide = f"{family}.md"
    return guide if (repo / "docs" / guide).exists() else "conventions.md"


def render(report: Report, repo: Path = REPO) -> str:
    table = report.table
    routines = table.ROUTINES
    documented = sum(len(r.errnos) for r in routines)
    not_produced = sum(len(r.not_produced) for r in routines)
    covered = documented - not_produced - len(report.uncovered)
    out = [
        "# Errno coverage",
        "",
        f"<!-- Generated by `{COMMAND}` from the routine table and the",
        "@pytest.mark.errno markers of tests/**/test_*.py. Do not edit: change those and",
        "run it again. -->",
        "",
        "Every errno value (or 1003.9 code) that a routine documents for its",
        "`IERROR` — in its family's guide and by the general rules of",
        "[conventions.md](conventions.md) — and the tests that make the routine",
        "return it for real (no mocks) and assert the exact value. The list of",
        "each routine is its `errnos` in `fortran/<family>/routines.py`; a test declares",
        "what it produces with `@pytest.mark.errno(\"PXFWAITPID\", \"ECHILD\")`.",
        "`tests/project/test_errno_coverage.py` fails when a documented errno has no test,",
        "when a marker names a routine or an errno the table does not document, or",
        "when this file is out of date.",
        "",
        "| | |",
        "|---|---|",
        f"| routines | {len(routines)} ({sum(r.has_ierror for r in routines)} with IERROR) |",
        f"| documented errnos (routine, errno pairs) | {documented} |",
        f"| covered by a test | {covered} |",
        f"| not produced by a test, for the reason given | {not_produced} |",
        f"| uncovered | {len(report.uncovered)} |",
        "",
    ]
    families = list(dict.fromkeys(r.family for r in routines))
    for fam in families:
        rows = [r for r in routines if r.family == fam]
        guide = _family_guide(repo, fam)
        out += [f"## {table.FAMILIES[fam]} ([{guide}]({guide}))", "",
                "| routine | errno | produced by |", "|---|---|---|"]
        for r in rows:
            for e in r.errnos:
                tests = report.covered[r.name][e]
                if tests:
                    cell = "<br>".join(tests)
                elif e in r.not_produced:
                    cell = f"not produced by a test, because {r.not_produced[e]}"
                else:
                    cell = "**none**"
                out.append(f"| {r.name} | {e} | {cell} |")
        silent = [r for r in rows if not r.errnos]
        if silent:
            out.append("")
            fns = [r.name for r in silent if not r.has_ierror]
            subs = [r.name for r in silent if r.has_ierror]
            if subs:
                out.append(f"No errno documented: {', '.join(subs)}.")
            if fns:
                out.append(f"No IERROR (functions, or routines that never return): "
                           f"{', '.join(fns)}.")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    args = generated_file.parse_args(__doc__, OUTPUT, argv)
    report = build()
    status = 0
    for p in report.problems:
        print(f"errno coverage: {p}", file=sys.stderr)
        status = 1
    for routine, e in report.uncovered:
        print(f"errno coverage: {routine} documents {e}, no test produces it", file=sys.stderr)
        status = 1
    status |= generated_file.write_or_check(
        REPO / OUTPUT, render(report), args.check,
        f"errno coverage: {OUTPUT} is stale; run {COMMAND}")
    return status


if __name__ == "__main__":
    sys.exit(main())
