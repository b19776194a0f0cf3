"""The rule for outputs after a failed call (docs/conventions.md, "Outputs
after a failure") through module pxf, INTEGER(4) and INTEGER(8), for every
routine whose body is hand-written and has outputs, a generated one, the
functions and module ifposix (tests/project/t_fail_outputs.f90): every
integer output -1, every string output blank; with ETRUNC the string's
first characters and the full length. Every output was a sentinel before
the call. The fuzz test (test_fuzz.py) checks the rule on every failed
call of pxf._fpxf."""
import errno

import pytest

ENONAME, EBADHANDLE, ETRUNC = 4850, 4855, 4852

# key (routine.case) -> (ierror, the outputs as t_fail_outputs.f90 prints them)
CASES = {
    "getenv.unset": (errno.EINVAL, "-1 blank"),
    "getenv.badlen": (errno.EINVAL, "-1 blank"),
    "read.toolong": (errno.EINVAL, "-1 blank"),
    "write.badfd": (errno.EBADF, "-1"),
    "const.unknown": (ENONAME, "-1"),
    "int8get.badhandle": (EBADHANDLE, "-1"),
    "strget.badhandle": (EBADHANDLE, "-1 blank"),
    "rforkthread.badstack": (errno.EINVAL, "-1"),
    "spawn.missing": (errno.ENOENT, "-1"),
    "spawnp.badcount": (errno.EINVAL, "-1"),
    "spawne.badcount": (errno.EINVAL, "-1"),
    "dup.badfd": (errno.EBADF, "-1"),
    "waitpid.nochild": (errno.ECHILD, "-1 -1"),
}
KIND4 = {
    "read.badfd": (errno.EBADF, "-1 blank"),
    "structcreate.h4": (ENONAME, "-1"),
    "structcreate.h8": (ENONAME, "-1"),
    "intget.badhandle": (EBADHANDLE, "-1"),
    "intget.overflow": (errno.EOVERFLOW, "-1"),
    "radgetcpus.badrad": (errno.EINVAL, "-1 blank"),
}
KIND8 = {
    "read.bigfd": (errno.EINVAL, "-1 blank"),  # no C int
    "structcreate.h8": (ENONAME, "-1"),
    "structcreate.h4": (ENONAME, "-1"),
    "intget.badhandle": (EBADHANDLE, "-1"),      # no C int: EBADHANDLE
    "radgetcpus.badrad": (errno.EINVAL, "-1 blank"),  # no C int
}


@pytest.fixture(scope="module")
def outputs(programs):
    return programs.run("t_fail_outputs")


@pytest.mark.errno("PXFGETENV", "EINVAL")
@pytest.mark.errno("PXFREAD", "EBADF", "EINVAL")
@pytest.mark.errno("PXFWRITE", "EBADF")
@pytest.mark.errno("PXFCONST", "ENONAME")
@pytest.mark.errno("PXFSTRUCTCREATE", "ENONAME")
@pytest.mark.errno("PXFINTGET", "EBADHANDLE", "EOVERFLOW")
@pytest.mark.errno("PXFINT8GET", "EBADHANDLE")
@pytest.mark.errno("PXFSTRGET", "EBADHANDLE")
@pytest.mark.errno("PXFRFORKTHREAD", "EINVAL")
@pytest.mark.errno("PXFSPAWN", "ENOENT")
@pytest.mark.errno("PXFSPAWNP", "EINVAL")
@pytest.mark.errno("PXFSPAWNE", "EINVAL")
@pytest.mark.errno("PXFRADGETCPUS", "EINVAL")
@pytest.mark.errno("PXFDUP", "EBADF")
@pytest.mark.errno("PXFWAITPID", "ECHILD")
@pytest.mark.parametrize("kind,cases", [("k4", {**CASES, **KIND4}), ("k8", {**CASES, **KIND8})])
def test_failed_call_outputs(outputs, kind, cases):
    got = {key: outputs[f"{key}.{kind}"] for key in cases}
    assert got == {key: f"{err} {outs}" for key, (err, outs) in cases.items()}


@pytest.mark.errno("PXFGETENV", "ETRUNC")
@pytest.mark.errno("PXFSTRGET", "ETRUNC")
@pytest.mark.parametrize("kind", ["k4", "k8"])
def test_truncation_keeps_the_outputs(outputs, kind):
    """ETRUNC is no failure of that kind: the first LEN characters and the
    full length (PXF_FAIL_LONG is 'abcdefghij'; sysname is 'Linux', read
    into two characters of a variable holding 'xxxx')."""
    assert outputs[f"getenv.trunc.{kind}"] == f"{ETRUNC} 10 abcd"
    assert outputs[f"strget.trunc.{kind}"] == f"{ETRUNC} 5 Lixx"


def test_functions_and_ifposix(outputs):
    assert outputs["ipxfconst.unknown"] == "-1"
    assert outputs["pxfisconst.unknown"] == "F"
    assert outputs["ipxfwexitstatus.huge"] == "-1"
    assert outputs["pxfwifexited.huge"] == "F"
    assert outputs["ifposix.const.unknown.k4"] == "-1 -1"
