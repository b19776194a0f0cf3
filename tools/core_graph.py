#!/usr/bin/env python3
"""The file-level call graph of the C core, its cycles, and the edges
(calls and #includes) that point the wrong way.

usage: python tools/core_graph.py [CORE_DIR]   (default: core/ of this tree)

A file A calls a file B when a function defined in A calls a function (or
takes the address of one) defined in B. A file A includes a header B when
A (a .c or an internal .h) has an #include that names B: "family/x.h"
(-I core), "x.h" beside A, or <pxf/x.h> (core/include/pxf/). Prints every
call edge, then every cycle (strongly connected component of more than one
file), then every call or include that points up (see upward()); exits 1
when there is a cycle (the rules' known exceptions are
tests/project/test_layout.py's). The reading is lexical — comments,
strings and preprocessor lines are dropped, a definition is a name
followed by a parameter list and a body at brace depth 0 — which is enough
for the core's plain C11.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

IDENT = re.compile(r"[A-Za-z_]\w*")
VARIANTS = {"rfork", "numa", "bproc"}       # fork variants: nothing below names them
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.M)
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
            "_Static_assert", "_Alignof", "defined", "case", "goto"}


def strip(text: str) -> str:
    """C source without comments, string/char literals and preprocessor
    lines (continuations included)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r'"(\\.|[^"\\])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\])*'", "''", text)
    return re.sub(r"^[ \t]*#(.*\\\n)*.*$", " ", text, flags=re.M)


def functions(text: str) -> dict[str, tuple[str, bool]]:
    """name -> (body, is static) of every function defined in TEXT (already
    stripped)."""
    out: dict[str, tuple[str, bool]] = {}
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "{":
            if depth == 0:
                head = text[max(0, i - 400):i]
                m = re.search(r"(\w+)\s*\(([^()]|\([^()]*\))*\)\s*$", head)
                start, d = i, 0
                while i < n:                  # find the matching brace
                    d += {"{": 1, "}": -1}.get(text[i], 0)
                    if d == 0:
                        break
                    i += 1
                if m and m.group(1) not in KEYWORDS:
                    # the declaration's start: after the previous ; } or )
                    decl = re.split(r"[;}]", head[:m.start()])[-1]
                    out[m.group(1)] = (text[start:i + 1], "static" in decl.split())
                i += 1
                continue
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return out


def graph(core: Path) -> dict[str, set[str]]:
    files = sorted(p for p in core.rglob("*.c"))
    defs: dict[str, dict[str, tuple[str, bool]]] = {}
    where: dict[str, str] = {}
    for f in files:
        rel = str(f.relative_to(core))
        defs[rel] = functions(strip(f.read_text()))
        for name, (_, static) in defs[rel].items():
            if not static:           # a static function is no other file's
                where.setdefault(name, rel)
    edges: dict[str, set[str]] = {rel: set() for rel in defs}
    for rel, funcs in defs.items():
        used = {tok for body, _ in funcs.values() for tok in IDENT.findall(body)}
        for name in used:
            target = where.get(name)
            if target and target != rel and name not in funcs:
                edges[rel].add(target)
    return edges


def includes(core: Path) -> dict[str, set[str]]:
    """file -> the headers under core/ it #includes, paths relative to core
    (public headers as include/pxf/x.h), for every .c and internal .h file;
    system and generated headers are left out."""
    edges: dict[str, set[str]] = {}
    for f in sorted(p for ext in ("*.c", "*.h") for p in core.rglob(ext)):
        rel = f.relative_to(core)
        if rel.parts[0] == "include":
            continue                 # the public API: its own business
        out = edges[str(rel)] = set()
        for quote, name in INCLUDE.findall(f.read_text()):
            spots = [core / "include" / name] if quote == "<" else [f.parent / name, core / name]
            found = next((s for s in spots if s.is_file()), None)
            if found is not None and found != f:
                out.add(str(found.relative_to(core)))
    return edges


def family(rel: str, core: Path) -> str:
    """The family (or common, or fork variant) of a path relative to core:
    its folder, or for a public header include/pxf/<name>.h the folder
    core/<name>/ when there is one, else common (errors.h)."""
    parts = Path(rel).parts
    if parts[0] == "include":
        name = Path(rel).stem
        return name if (core / name).is_dir() else "common"
    return parts[0]


def upward(edges: dict[str, set[str]], core: Path) -> list[str]:
    """The edges (of graph() or includes()) that point up: from common/ to
    anything else, or from a family to a fork variant. Dependencies point
    down: common <- families <- fork variants."""
    wrong = []
    for a in sorted(edges):
        fa = family(a, core)
        for b in sorted(edges[a]):
            fb = family(b, core)
            if fa == fb:
                continue
            if fa == "common" or (fb in VARIANTS and fa not in VARIANTS):
                wrong.append(f"{a} -> {b}")
    return wrong


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main() -> int:
    core = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "core"
    edges = graph(core)
    for a in sorted(edges):
        for b in sorted(edges[a]):
            print(f"{a} -> {b}")
    found = cycles(edges)
    for comp in found:
        print("cycle:", " ".join(comp))
    up = [f"call {e}" for e in upward(edges, core)]
    up += [f"include {e}" for e in upward(includes(core), core)]
    for e in up:
        print("upward:", e)
    print(f"{sum(map(len, edges.values()))} edges, {len(found)} cycles, {len(up)} upward")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
