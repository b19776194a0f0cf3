"""Every routine is callable three ways, for both compilers: as an
implicit-interface external with default INTEGER (no USE), through USE pxf
for every INTEGER(4)/INTEGER(8) combination of arguments and handles, and
through USE ifposix. The call sites are written here from the routine
signatures; compiling and linking them is the assertion (the calls sit in
a branch that does not run)."""
import pytest

from pxf import _routines, build

KINDS = {"4": "integer(4)", "8": "integer(8)"}


def declarations(k, h, default):
    """Variables for every argument shape, in the given kinds."""
    ik = "integer" if default else KINDS[k]
    hk = "integer" if default else KINDS[h]
    return [f"{ik} :: vi, vai(9)", f"{hk} :: vh", "integer(8) :: v8",
            "character(len=16) :: vs, vsa(2)", "logical :: vl", "external :: vsub"]


def call_site(name, result, args):
    actual = {"int": "vi", "logical": "vl", "str": "vs", "strarr": "vsa", "intarr": "vai",
              "proc": "vsub"}
    names = []
    for _, typ, _, kind in args:
        if typ == "int" and kind == "H":
            names.append("vh")
        elif typ == "int" and kind == "8":
            names.append("v8")
        else:
            names.append(actual[typ])
    arglist = ", ".join(names)
    if result == "logical":
        return f"vl = {name.lower()}({arglist})"
    if result == "int":
        return f"vi = {name.lower()}({arglist})"
    return f"call {name.lower()}({arglist})"


def program(style, k="4", h="4"):
    use = {"implicit": [], "pxf": ["use pxf"], "ifposix": ["use ifposix"]}[style]
    lines = ["program every_routine", *use, "implicit none",
             *declarations(k, h, style == "implicit")]
    if style == "implicit":
        lines += [f"{'logical' if r == 'logical' else 'integer'}, external :: {n.lower()}"
                  for n, (_, _, r, _) in _routines.ROUTINES.items() if r]
    lines.append("if (command_argument_count() > 99) then")
    lines += ["  " + call_site(n, r, a) for n, (_, _, r, a) in _routines.ROUTINES.items()]
    lines += ["end if", "print '(a)', 'linked'", "end program every_routine",
              "subroutine vsub(i)", "integer :: i", "end subroutine vsub"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("style,k,h", [
    ("implicit", "4", "4"),
    ("pxf", "4", "4"), ("pxf", "4", "8"), ("pxf", "8", "4"), ("pxf", "8", "8"),
    ("ifposix", "4", "8"), ("ifposix", "8", "8"),
])
def test_every_routine_resolves(tmp_path, style, k, h):
    src = tmp_path / f"every_{style}_{k}{h}.f90"
    src.write_text(program(style, k, h))
    exe = tmp_path / "every"
    build.compile_program([str(src)], str(exe), capture=True)
    import subprocess
    assert subprocess.run([exe], capture_output=True, text=True).stdout == "linked\n"
