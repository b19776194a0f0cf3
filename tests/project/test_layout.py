"""The shape of the C core (issue 11): its file-level call graph has no
cycle, common/ calls or includes no family, and no family calls or
includes a fork variant (dependencies point down: common <- families <-
fork variants)."""
import importlib.util
import re
import sys

from support import REPO

# None left: rfork and numa register their constants with consts
# (core/consts/consts_internal.h) as they register their structures.
KNOWN_UPWARD_INCLUDES = []


def core_graph():
    spec = importlib.util.spec_from_file_location("core_graph", REPO / "tools" / "core_graph.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_core_call_graph_has_no_cycle():
    g = core_graph()
    edges = g.graph(REPO / "core")
    assert len(edges) > 30                 # the reader found the files
    assert g.cycles(edges) == []


def test_dependencies_point_down():
    g = core_graph()
    core = REPO / "core"
    assert g.upward(g.graph(core), core) == []
    includes = g.includes(core)
    assert "structs/structs_internal.h" in includes["structs/table.c"]   # the reader found them
    assert g.upward(includes, core) == KNOWN_UPWARD_INCLUDES


def test_cycle_detection_finds_a_cycle():
    g = core_graph()
    assert g.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_upward_detection_finds_planted_includes(tmp_path):
    """A family that includes a fork variant's header, internal or public,
    and common/ including a family, are found; downward includes are not."""
    g = core_graph()
    files = {
        "include/pxf/rfork.h": "",
        "include/pxf/errors.h": "",
        "common/bits.h": "",
        "common/helper.h": '#include "structs/structs_internal.h"\n',
        "structs/structs_internal.h": '#include "common/bits.h"\n',
        "structs/types.c": '#include <pxf/errors.h>\n#include "structs_internal.h"\n'
                           '  #  include "numa/numa_handles.h"  /* up */\n',
        "env/uname.c": "#include <pxf/rfork.h>\n#include <stdio.h>\n",
        "numa/numa_handles.h": '#include "structs/structs_internal.h"\n',
        "rfork/rfork.c": "#include <pxf/rfork.h>\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert g.upward(g.includes(tmp_path), tmp_path) == [
        "common/helper.h -> structs/structs_internal.h",
        "env/uname.c -> include/pxf/rfork.h",
        "structs/types.c -> numa/numa_handles.h",
    ]


def bound_c_names():
    """Every C function the Fortran layer binds to: those of the table's
    generated routines and the bind(C, name=...) interfaces written by hand
    in fortran/**/*.fypp. Names that are not
    pxf's (fflush, from libc) and the Fortran functions C calls back
    (pxf_fortran_*, defined in Fortran) are left out."""
    sys.path.insert(0, str(REPO / "fortran"))
    try:
        import pxf_table
    finally:
        sys.path.pop(0)
    names = {r.c_function for r in pxf_table.ROUTINES if r.generated}
    for f in (REPO / "fortran").rglob("*.fypp"):
        names |= set(re.findall(r"bind\(\s*C\s*,\s*name\s*=\s*'(\w+)'", f.read_text(), re.I))
    return {n for n in names if n.startswith("pxf_") and not n.startswith("pxf_fortran_")}


def spellings(header, source):
    """How SOURCE (a .c file under core/) may #include HEADER: <pxf/x.h>
    for a public one, "family/x.h" (-I core) or "x.h" from its own folder."""
    core = REPO / "core"
    if header.is_relative_to(core / "include"):
        return {str(header.relative_to(core / "include"))}
    out = {str(header.relative_to(core))}
    if header.parent == source.parent:
        out.add(header.name)
    return out


def test_every_bound_function_has_a_prototype_its_definition_includes():
    """A bound function's signature is checked by the C compiler: its
    prototype is in a header under core/ that the .c file defining it
    includes (a drift is then a compile error, not a wrong call)."""
    g = core_graph()
    names = bound_c_names()
    assert len(names) > 60 and "pxf_radgetnum" in names
    headers = {h: g.strip(h.read_text()) for h in (REPO / "core").rglob("*.h")}
    defined = {}
    for c in (REPO / "core").rglob("*.c"):
        for name, (_, static) in g.functions(g.strip(c.read_text())).items():
            if not static:
                defined[name] = c
    wrong = []
    for name in sorted(names):
        where = defined.get(name)
        if where is None:
            wrong.append(f"{name}: defined nowhere in core/")
            continue
        protos = [h for h, text in headers.items() if re.search(rf"\b{name}\s*\(", text)]
        if not protos:
            wrong.append(f"{name} ({where.relative_to(REPO)}): no prototype in a header")
            continue
        includes = set(re.findall(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', where.read_text(), re.M))
        if not any(spellings(h, where) & includes for h in protos):
            wrong.append(f"{name} ({where.relative_to(REPO)}): includes none of "
                         + ", ".join(str(h.relative_to(REPO)) for h in protos))
    assert wrong == []


def test_tests_by_family():
    """tests/ holds one directory per family of the routine table, project/
    for the project-wide tests and helpers/ for programs several directories
    share; test module names are unique (pytest imports them by basename)."""
    from pxf import _routines
    tests = REPO / "tests"
    dirs = {p.name for p in tests.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert dirs == set(_routines.FAMILIES) | {"project", "helpers"}
    assert sorted(p.name for p in tests.glob("test_*.py")) == []
    modules = [p.name for p in tests.rglob("test_*.py")]
    assert len(modules) == len(set(modules)) >= 20
    sources = [p.name for ext in ("f90", "c") for p in tests.rglob(f"*.{ext}")]
    assert len(sources) == len(set(sources))


def test_one_meson_build_per_directory():
    """Every directory with build inputs (C sources, fypp templates, .in
    templates, the Python package) has its own meson.build, and none names
    such an input of another directory (issue 11)."""
    def ours(p):
        return not any(part.startswith((".", "build")) or part in ("tests", "benchmarks", "tools")
                       for part in p.relative_to(REPO).parts)
    suffixes = (".c", ".fypp", ".in")
    inputs = {p.parent for s in suffixes for p in REPO.rglob(f"*{s}") if ours(p)} | {REPO / "pxf"}
    # fortran/<family>/ holds a family's rows and body macros, data that the
    # templates of fortran/ read (one template makes every family's
    # submodule): no build rules of its own
    inputs -= {p.parent for p in (REPO / "fortran").glob("*/routines.py")}
    missing = sorted(str(d.relative_to(REPO)) for d in inputs if not (d / "meson.build").is_file())
    assert missing == []
    wrong = []
    for build in sorted(p for p in REPO.rglob("meson.build") if ours(p)):
        text = re.sub(r"#.*", "", build.read_text())
        for path in re.findall(r"'([\w./-]+/[\w.-]+)'", text):
            target = (build.parent / path).resolve()
            if target.is_file() and target.suffix in suffixes and target.parent != build.parent:
                wrong.append(f"{build.relative_to(REPO)} names {path}")
    assert wrong == []
