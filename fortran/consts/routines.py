"""Routine table rows of the consts family (docs/consts.md):
PXFCONST and its relatives, and the two small helpers of the same clause
of 1003.9 (the FORTRAN 77 language library), IPXFLENTRIM and PXFUCOMPARE.
"""
from routine import Routine, i_in, i_out, s_in

TITLE = "Symbolic constants and language helpers"

ROWS = [
    Routine("PXFCONST", [s_in("constname"), i_out("ival")],
            "value of a symbolic constant; unknown: ENONAME",
            intel_variant=True,
            errnos=("ENONAME", "EINVAL", "EOVERFLOW")),
    Routine("IPXFCONST", [s_in("constname")],
            "value of a symbolic constant; unknown: -1", result="int",
            ierror=False,
            errnos=()),
    Routine("PXFISCONST", [s_in("constname")],
            ".TRUE. iff the constant name is known", result="logical",
            ierror=False,
            shares="PXFCONST",
            errnos=()),
    Routine("IPXFLENTRIM", [s_in("string")],
            "the length of STRING without trailing blanks (Intel; LEN_TRIM)",
            result="int", ierror=False, vendor="intel", errnos=()),
    Routine("PXFUCOMPARE", [i_in("i1"), i_in("i2"), i_out("icmpr"), i_out("idiff")],
            "I1 and I2 compared as unsigned (Cray): ICMPR -1, 0 or 1, IDIFF = |I1 - I2| "
            "(its bits: it may look negative)",
            ierror=False, vendor="cray", errnos=()),
]
