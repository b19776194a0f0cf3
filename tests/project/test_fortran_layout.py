"""The shape of the Fortran layer (issue 11): one folder per family with its
table rows and hand-written bodies, a family's bodies use only their own
macros and the shared ones, and no generated compilation unit grows with the
whole catalog."""
import re
import subprocess
import sys

import pytest

from support import REPO

FORTRAN = REPO / "fortran"
# About 2,000 lines: a unit this size still compiles in seconds and a
# compiler error in it can be read; the catalog must not be one file.
MAX_UNIT_LINES = 2000


def table():
    sys.path.insert(0, str(FORTRAN))
    try:
        import pxf_table
    finally:
        sys.path.remove(str(FORTRAN))
    return pxf_table


def macros_defined(text):
    return set(re.findall(r"^#:def (\w+)\(", text, re.M))


def macros_called(text):
    """Macros a template calls: $:name(...), ${name(...)}$ and getvar('name')."""
    called = set(re.findall(r"\$:\s*(\w+)\(", text))
    called |= set(re.findall(r"\$\{\s*(\w+)\(", text))
    return called


def test_a_folder_per_family():
    t = table()
    folders = {p.parent.name for p in FORTRAN.glob("*/routines.py")}
    assert folders == set(t.FAMILY_ORDER)
    for family in t.FAMILY_ORDER:
        assert (FORTRAN / family / "bodies.fypp").is_file(), family
    assert {r.family for r in t.ROUTINES} == set(t.FAMILY_ORDER)
    assert list(t.FAMILIES) == t.FAMILY_ORDER


def test_hand_written_bodies_live_with_their_family():
    t = table()
    defined = {f: macros_defined((FORTRAN / f / "bodies.fypp").read_text())
               for f in t.FAMILY_ORDER}
    for r in t.ROUTINES:
        body = f"{r.lname}_body"
        owners = [f for f, names in defined.items() if body in names]
        assert owners == ([] if r.generated else [r.family]), r.name


def test_families_use_no_other_familys_macros():
    """A family's bodies call their own macros and fortran/common.fypp's;
    fypp's include path (one family folder per submodule) enforces it at
    build time, this says which macro is out of place."""
    shared = macros_defined((FORTRAN / "common.fypp").read_text()) | {"getvar", "defined"}
    wrong = []
    for bodies in sorted(FORTRAN.glob("*/bodies.fypp")):
        text = bodies.read_text()
        for name in sorted(macros_called(text) - macros_defined(text) - shared):
            wrong.append(f"{bodies.relative_to(REPO)} calls {name}()")
    assert wrong == []


def generated_units(tmp_path):
    """Every template expanded as the build does (fortran/meson.build)."""
    t = table()
    fypp = [sys.executable, "-m", "fypp", "-M", str(FORTRAN), "-m", "pxf_table", "-m", "fgen",
            "-I", str(FORTRAN)]
    jobs = {name: [str(FORTRAN / f"{name}.fypp")]
            for name in ("pxf", "pxf_cbind", "pxf_strings", "ifposix", "pxf_externals")}
    for family in t.FAMILY_ORDER:
        jobs[f"pxf_{family}"] = [f"-DFAMILY={family!r}", str(FORTRAN / "interfaces.fypp")]
        jobs[f"pxf_{family}_bodies"] = [f"-DFAMILY={family!r}", "-I", str(FORTRAN / family),
                                        str(FORTRAN / "submodule.fypp")]
    out = {}
    for name, args in jobs.items():
        target = tmp_path / f"{name}.f90"
        subprocess.run(fypp + args + [str(target)], check=True, capture_output=True)
        out[name] = target.read_text()
    return out


def program_units(text):
    """(name, lines) of each compilation unit: modules, submodules and
    external procedures (the externals file holds one per routine)."""
    units, name, count = [], None, 0
    start = re.compile(r"^(?:(?:integer|logical)\s+)?(module|submodule\s*\([^)]*\)|subroutine|function)\s+(\w+)", re.I)
    end = re.compile(r"^end\s+(module|submodule|subroutine|function)\b", re.I)
    for line in text.splitlines():
        if name is None:
            m = start.match(line)
            if m and not line.lower().startswith("module procedure"):
                name, count = m.group(2), 0
        if name is not None:
            count += 1
            if end.match(line):
                units.append((name, count))
                name = None
    return units


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    return generated_units(tmp_path_factory.mktemp("fypp"))


def test_no_generated_unit_exceeds_the_limit(units):
    sizes = {f"{f}.f90:{n}": c for f, text in units.items() for n, c in program_units(text)}
    assert "pxf.f90:pxf" in sizes and "pxf_numa.f90:pxf_numa" in sizes
    assert "pxf_numa_bodies.f90:pxf_numa_bodies" in sizes
    assert "pxf_externals.f90:pxffork" in sizes
    too_big = {u: c for u, c in sizes.items() if c > MAX_UNIT_LINES}
    assert too_big == {}


def test_each_family_module_and_submodule_hold_that_family(units):
    t = table()
    for family in t.FAMILY_ORDER:
        mine = {r.lname for r in t.ROUTINES if r.family == family}
        text = units[f"pxf_{family}"]
        assert re.search(rf"^module pxf_{family}$", text, re.M)
        assert set(re.findall(r"^\s*interface (\w+)$", text, re.M)) == mine, family
        text = units[f"pxf_{family}_bodies"]
        assert re.search(rf"^submodule \(pxf_{family}\) pxf_{family}_bodies$", text, re.M)
        procs = set(re.findall(r"^\s*module procedure (\w+?)_i\d", text, re.M))
        assert procs == mine, family
    assert set(re.findall(r"^\s*use (pxf_\w+)$", units["pxf"], re.M)) == \
        {f"pxf_{f}" for f in t.FAMILY_ORDER}


def c_definitions(directory):
    """Names of the functions defined in the .c files of a core/ folder."""
    pat = re.compile(r"^[A-Za-z_][^;{}()#\n]*?\b(pxf_\w+)\s*\([^;{}]*?\)\s*\{", re.M)
    return {m.group(1) for f in directory.glob("*.c") for m in pat.finditer(f.read_text())}


def test_each_routine_is_implemented_by_its_c_function():
    """PXF<X> is implemented by pxf_<x> (or, for a variant, by the function
    of the routine it shares), defined in core/<family>/ and declared in
    <pxf/<family>.h>; a hand-written body calls it, or its _packed form
    (the same call with the string vectors packed by the Fortran layer)."""
    t = table()
    by_name = {r.name: r for r in t.ROUTINES}
    wrong = []
    for r in t.ROUTINES:
        expected = "pxf_" + re.sub(r"^i?pxf", "", (r.shares or r.name).lower())
        if r.c_function != expected:
            wrong.append(f"{r.name}: {r.c_function}, not {expected}")
        if r.shares and by_name[r.shares].family != r.family:
            wrong.append(f"{r.name} shares {r.shares} of another family")
        if r.c_function not in c_definitions(REPO / "core" / r.family):
            wrong.append(f"{r.name}: {r.c_function} is not defined in core/{r.family}/")
        header = (REPO / "core" / "include" / "pxf" / f"{r.family}.h").read_text()
        if not re.search(rf"\b{r.c_function}\s*\(", header):
            wrong.append(f"{r.name}: {r.c_function} is not declared in <pxf/{r.family}.h>")
        if not r.generated:
            bodies = (FORTRAN / r.family / "bodies.fypp").read_text()
            macro = re.search(rf"^#:def {r.lname}_body\(.*?^#:enddef", bodies, re.M | re.S)
            text = macro.group(0) if macro else ""
            # a body may reach it through its family's helper macros or procedures
            helpers = re.findall(r"\$:(\w+)\(|\b(\w+)\(", text)
            for name in {h for pair in helpers for h in pair if h}:
                m = re.search(rf"^#:def {name}\(.*?^#:enddef|function {name}\b.*?end function {name}",
                              bodies, re.M | re.S)
                text += m.group(0) if m else ""
            if not re.search(rf"\b{r.c_function}(_packed)?\s*\(", text):
                wrong.append(f"{r.name}: its body does not call {r.c_function}")
    assert wrong == []
