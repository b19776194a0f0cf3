"""The shape of the C core (issue 11): its file-level call graph has no
cycle, common/ calls into no family, and the fork variants are called by
no family (dependencies point down: common <- families <- fork variants)."""
import importlib.util

from support import REPO

VARIANTS = {"rfork", "numa", "bproc"}


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
    edges = core_graph().graph(REPO / "core")
    family = {f: f.split("/")[0] for f in edges}
    wrong = []
    for a, targets in edges.items():
        for b in targets:
            fa, fb = family[a], family[b]
            if fa == fb:
                continue
            if fa == "common" or (fb in VARIANTS and fa not in VARIANTS):
                wrong.append(f"{a} -> {b}")
    assert wrong == []


def test_cycle_detection_finds_a_cycle():
    g = core_graph()
    assert g.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


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
