"""IPXFLENTRIM and PXFUCOMPARE, from Fortran (externals, USE pxf
INTEGER(8), USE ifposix) and Python. Neither can fail: neither has IERROR."""
import pxf
from support import parse, run


def test_lentrim_and_ucompare(programs):
    _, out, _ = run([programs.fortran("t_helpers")], check_rc=0)
    kv = parse(out)
    assert kv["lentrim"] == "5" and kv["blank"] == "0" and kv["empty"] == "0"
    assert kv["tab"] == "2 2" and kv["ifposix"] == "3"
    assert kv["lt"] == "-1 1" and kv["eq"] == "0 0"
    # C's unsigned int: 4294967295 > 1, difference 4294967294 (bits of -2)
    assert kv["minus1"] == f"1 {4294967294 - 2**32}"
    # 2147483648 > 2147483647 unsigned, though less signed
    assert kv["minint"] == "1 1"
    assert kv["minus1_8"] == f"1 {2**64 - 2 - 2**64}"
    assert kv["big8"] == "-1 1"   # 2**63 - 1 < 2**63 unsigned


def test_python():
    assert pxf.lentrim("ab  c   ") == 5 == len("ab  c   ".rstrip(" "))
    assert pxf.lentrim(b"   ") == 0 and pxf.lentrim("") == 0
    assert pxf.lentrim("x\t ") == 2
    assert pxf.ucompare(1, 2) == (-1, 1)
    assert pxf.ucompare(-1, 1) == (1, -2)
    assert pxf.ucompare(5, 5) == (0, 0)
