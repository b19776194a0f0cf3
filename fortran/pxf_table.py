"""The routine table of pxf: one row per PXF routine, gathered from the
families' folders (fortran/<family>/routines.py; the columns are in
fortran/routine.py).

Everything repetitive in the Fortran layer is generated from this table by
fypp (it is imported with ``fypp -m pxf_table``):

* module ``pxf``: the generic interfaces and the interfaces of their
  specific procedures (fortran/pxf.fypp), and one submodule per family with
  the bodies (fortran/submodule.fypp over fortran/<family>/bodies.fypp);
* the implicit-interface externals with default INTEGER, ``pxffork_`` ...
  (fortran/pxf_externals.fypp);
* module ``ifposix`` (fortran/ifposix.fypp);
* the f2py signature file of ``pxf._fpxf`` (fortran/_fpxf.pyf.fypp);
* the routine list that ``pxf info`` reports (pxf/_routines.py.fypp);
* the errno coverage table, docs/errno-coverage.md: each routine's
  ``errnos`` and the tests that produce them (tools/errno_coverage.py);
* the routine reference, docs/reference.md, with the catalog routines not
  implemented yet (fortran/catalog_planned.py; tools/gen_reference.py).
"""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
# The family files import the columns as `routine`, whoever loads this
# file (fypp -M, or a tool by its path).
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from routine import KIND_NAMES  # noqa: E402  (re-exported for the templates)

# The family tokens, the same name in every layer (core/<family>/,
# fortran/<family>/, pxf/<family>.py, tests/<family>/, docs/<family>.md):
# the routine families, then the fork variants that build on them.
FAMILY_ORDER = ["process", "env", "files", "dirs", "io", "consts", "structs", "db", "rfork",
                "numa"]


def _load_family(family):
    path = HERE / family / "routines.py"
    # A private module name: "io" or "process" would collide with others.
    spec = importlib.util.spec_from_file_location(f"pxf_rows_{family}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for row in module.ROWS:
        row.family = family
    return module


_FAMILY_MODULES = {f: _load_family(f) for f in FAMILY_ORDER}

# family token -> its title in `pxf info` and the docs
FAMILIES = {f: m.TITLE for f, m in _FAMILY_MODULES.items()}

ROUTINES = [row for m in _FAMILY_MODULES.values() for row in m.ROWS]

# Every module the library compiles besides one per family (pxf_<family>):
# all of them are installed, because a .mod file refers to the modules it
# uses.
MODULES = ["pxf_errcodes", "pxf_cbind", "pxf_strings", "pxf", "ifposix"]

__all__ = ["FAMILIES", "FAMILY_ORDER", "KIND_NAMES", "MODULES", "ROUTINES"]
