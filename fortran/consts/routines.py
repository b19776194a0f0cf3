"""Routine table rows of the consts family (docs/consts.md):
PXFCONST and its relatives.
"""
from routine import Routine, i_out, s_in

TITLE = "Symbolic constants"

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
]
