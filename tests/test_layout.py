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
