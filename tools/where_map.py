#!/usr/bin/env python3
"""Where each PXF routine lives, for `pxf where NAME` (pxf/_where.py).

Run by meson at build time (the CLI runs from an installed package, without
the source tree): it reads the routine table (fortran/pxf_table.py, whose rows are
in fortran/<family>/routines.py) and scans the source tree for each routine's

* C function (pxf_<x> for PXF<X>, or that of the routine it ``shares``)
  and the file under core/ that defines it, and the public header under
  core/include/pxf/ that declares it;
* Fortran: fortran/interfaces.fypp, which generates every specific's interface
  from the table, and where the body is: fortran/submodule.fypp when it is
  generated, the family's fortran/<family>/bodies.fypp when it is written
  by hand;
* Python function of pxf/<family>.py (any pxf/*.py) that calls
  ``_fpxf.<name>``;
* test files: the test modules and programs under tests/ that name the
  routine, its C function or its Python function;
* user guide: docs/<family>.md, else docs/conventions.md.

Every path is relative to the repository root. tests/project/test_where.py
checks that each one exists.

usage: python3 tools/where_map.py SRCROOT OUTPUT.py
       python3 tools/where_map.py SRCROOT            print the map
"""
from __future__ import annotations

import ast
import importlib.util
import pprint
import re
import sys
from pathlib import Path


def load_table(repo: Path):
    spec = importlib.util.spec_from_file_location("pxf_table", repo / "fortran" / "pxf_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rel(repo: Path, p: Path) -> str:
    return p.relative_to(repo).as_posix()


def body_macros(repo: Path) -> dict[str, tuple[str, str]]:
    """lname -> (file, text) of every hand-written <lname>_body, with the text
    of the helper macros and Fortran procedures of its file (and of the
    shared fortran/common.fypp) that it uses (three levels deep), so the C
    functions it reaches can be read off."""
    out = {}
    common = (repo / "fortran" / "common.fypp").read_text()
    for f in sorted((repo / "fortran").glob("*/bodies.fypp")):
        text = f.read_text() + common
        helpers = {m.group(1): m.group(2) for m in re.finditer(
            r"^#:def (\w+)\(.*?$(.*?)^#:enddef", text, re.M | re.S)}
        helpers.update({m.group(2): m.group(3) for m in re.finditer(
            r"^\s*(?:[\w(),= ]*\s)?(function|subroutine) (\w+)\b(.*?)^\s*end \1", text,
            re.M | re.S | re.I)})
        for name, body in helpers.items():
            if not name.endswith("_body"):
                continue
            seen, todo = {name}, [name]
            for _ in range(3):
                todo = [h for t in todo for h in re.findall(r"\b(\w+)\s*\(", helpers[t])
                        if h in helpers and h not in seen]
                seen.update(todo)
                body += "".join(helpers[t] for t in todo)
            out[name[:-len("_body")]] = (_rel(repo, f), body)
    return out


def c_definitions(repo: Path) -> dict[str, str]:
    """C function name -> file under core/ that defines it."""
    out = {}
    pat = re.compile(r"^[A-Za-z_][^;{}()#\n]*?\b(\w+)\s*\([^;{}]*?\)\s*\{", re.M)
    for f in sorted((repo / "core").rglob("*.c")):
        for m in pat.finditer(f.read_text()):
            out.setdefault(m.group(1), _rel(repo, f))
    return out


def c_declarations(repo: Path) -> dict[str, str]:
    """C function name -> public header that declares it."""
    out = {}
    for f in sorted((repo / "core" / "include" / "pxf").glob("*.h")):
        for m in re.finditer(r"\b(pxf_\w+)\s*\(", f.read_text()):
            out.setdefault(m.group(1), _rel(repo, f))
    return out


def python_functions(repo: Path) -> dict[str, tuple[str, str]]:
    """lname -> (file, public function) calling _fpxf.<lname>."""
    out = {}
    for f in sorted((repo / "pxf").glob("*.py")):
        tree = ast.parse(f.read_text(), filename=str(f))
        for fn in tree.body:
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id == "_fpxf"):
                    prev = out.get(node.attr)
                    # the public function wins over a private helper
                    if prev is None or (prev[1].startswith("_") and not fn.name.startswith("_")):
                        out[node.attr] = (_rel(repo, f), fn.name)
    return out


def test_files(repo: Path) -> list[tuple[str, str]]:
    """(path, text) of every test module and test program under tests/."""
    tests = repo / "tests"
    files = [p for pat in ("test_*.py", "*.f90", "*.c") for p in tests.rglob(pat)]
    return [(_rel(repo, p), p.read_text()) for p in sorted(files)]


def where(repo: Path) -> dict[str, dict]:
    table = load_table(repo)
    bodies = body_macros(repo)
    cdefs = c_definitions(repo)
    cdecls = c_declarations(repo)
    pyfns = python_functions(repo)
    tests = test_files(repo)
    out = {}
    for r in table.ROUTINES:
        body = bodies.get(r.lname)
        cfunc = r.c_function
        py = pyfns.get(r.lname)
        words = [r.name] + ([cfunc] if cfunc else [])
        pat = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)
        pycall = re.compile(r"\.%s\(" % re.escape(py[1])) if py else None
        found = [p for p, text in tests
                 if pat.search(text) or (pycall and p.endswith(".py") and pycall.search(text))]
        guide = f"docs/{r.family}.md"
        if not (repo / guide).exists():
            guide = "docs/conventions.md"
        out[r.name] = {
            "family": r.family,
            "summary": r.summary,
            "table": f"fortran/{r.family}/routines.py",
            "c_function": cfunc,
            "c_file": cdefs.get(cfunc) if cfunc else None,
            "c_header": cdecls.get(cfunc) if cfunc else None,
            "fortran": ["fortran/interfaces.fypp", body[0] if body else "fortran/submodule.fypp"],
            "fortran_body": f"{r.lname}_body" if body else None,
            "python_file": py[0] if py else None,
            "python_function": py[1] if py else None,
            "tests": found,
            "doc": guide,
        }
    return out


def main(argv: list[str]) -> int:
    repo = Path(argv[1]).resolve()
    text = ('"""Where each PXF routine lives in the source tree (generated by\n'
            'tools/where_map.py at build time; paths relative to the repository root)."""\n\n'
            "WHERE = " + pprint.pformat(where(repo), width=100, sort_dicts=False) + "\n")
    if len(argv) > 2:
        Path(argv[2]).write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
