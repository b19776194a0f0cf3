"""IPXFARGC and PXFGETARG: the command line as the Fortran runtime sees it
(index 0 the program name, IPXFARGC without it), EINVAL past the last
argument or for a negative index, ETRUNC with the full length for a short
buffer; and from Python, the interpreter's own command line."""
import ast
import errno
import subprocess
import sys

import pytest

import pxf


@pytest.mark.errno("PXFGETARG", "EINVAL", "ETRUNC")
def test_getarg_argc_from_fortran(programs):
    exe = str(programs.fortran("t_args"))
    args = ["first", "two words", "", "  lead"]
    r = subprocess.run([exe, *args], capture_output=True, text=True, check=True, timeout=60)
    kv = dict(line.split("=", 1) for line in r.stdout.splitlines())
    assert kv["argc"] == "4 4"
    lens = [len(exe)] + [len(a) for a in args]
    for i, n in enumerate(lens):
        assert kv[f"arg{i}"] == f"T {n} 0", i
    assert kv["past"] == f"-1 {errno.EINVAL} T"
    assert kv["negative"] == f"-1 {errno.EINVAL}"
    assert kv["short"] == f"[fir] 5 {pxf.ETRUNC}"
    assert kv["module2"] == "[two words] 9 0"
    assert kv["huge"] == f"-1 {errno.EINVAL}"


def test_python_sees_the_interpreters_command_line():
    code = "import pxf, sys; print(pxf.argc(), [pxf.getarg(i) for i in range(pxf.argc() + 1)])"
    r = subprocess.run([sys.executable, "-c", code, "x y", ""], capture_output=True,
                       text=True, check=True, timeout=60)
    argc, argv = r.stdout.split(" ", 1)
    assert int(argc) == 4
    assert ast.literal_eval(argv) == [sys.executable, "-c", code, "x y", ""]
    with pytest.raises(OSError) as e:
        pxf.getarg(10**6)
    assert e.value.errno == errno.EINVAL
