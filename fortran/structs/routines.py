"""Routine table rows of the structs family (docs/structs.md):
1003.9 structure handles and their components.
"""
from routine import (Routine, h_in, h_out, i8_in, i8_out, i_in, i_out, ia_in, ia_out, s_in,
                     s_out)

TITLE = "Structure handles"

ROWS = [
    Routine("PXFSTRUCTCREATE", [s_in("structname"), h_out("jhandle")],
            "new zero-filled instance of a named structure",
            errnos=("ENONAME", "ENOHANDLE")),
    Routine("PXFSTRUCTFREE", [h_in("jhandle")], "release an instance",
            generated=True,
            errnos=("EBADHANDLE",)),
    Routine("PXFSTRUCTCOPY", [s_in("structname"), h_in("jhandle1"),
                              h_in("jhandle2")],
            "copy instance jhandle1 into jhandle2 (their strings too: 'passwd', 'group')",
            errnos=("ENONAME", "EBADHANDLE", "ENOMEM")),
    Routine("PXFINTGET", [h_in("jhandle"), s_in("compnam"), i_out("ivalue")],
            "integer component; EOVERFLOW if it does not fit",
            errnos=("EBADHANDLE", "ENONAME", "EOVERFLOW")),
    Routine("PXFINTSET", [h_in("jhandle"), s_in("compnam"), i_in("ivalue")],
            "set an integer component",
            errnos=("EBADHANDLE", "ENONAME", "EINVAL")),
    Routine("PXFINT8GET", [h_in("jhandle"), s_in("compnam"), i8_out("ivalue")],
            "INTEGER(8) component; an unsigned one above 2**63 - 1: EOVERFLOW",
            shares="PXFINTGET",
            vendor="intel", errnos=("EBADHANDLE", "ENONAME", "EOVERFLOW")),
    Routine("PXFINT8SET", [h_in("jhandle"), s_in("compnam"), i8_in("ivalue")],
            "set an INTEGER(8) component",
            shares="PXFINTSET",
            vendor="intel", errnos=("EBADHANDLE", "ENONAME", "EINVAL")),
    Routine("PXFSTRGET", [h_in("jhandle"), s_in("compnam"), s_out("value"),
                          i_out("ilen")],
            "string component, blank-padded; ETRUNC with full ilen",
            errnos=("EBADHANDLE", "ENONAME", "ETRUNC")),
    Routine("PXFESTRGET", [h_in("jhandle"), s_in("compnam"), i_in("index"), s_out("value"),
                           i_out("ilen")],
            "string INDEX (1-based) of a string-array component (gr_mem), as PXFSTRGET; "
            "EINVAL outside 1 .. gr_nmem",
            errnos=("EBADHANDLE", "EINVAL", "ENONAME", "ETRUNC")),
    Routine("PXFSTRSET", [h_in("jhandle"), s_in("compnam"), s_in("value"),
                          i_in("ilen")], "set a string component",
            errnos=("EBADHANDLE", "ENONAME", "EINVAL")),
    Routine("PXFAINTGET", [h_in("jhandle"), s_in("compnam"), ia_out("iavalue", dim="ialen"),
                           i_in("ialen")],
            "whole integer-array component (c_cc of 'termios'); EARRAYLEN unless IALEN is "
            "its number of elements",
            errnos=("EBADHANDLE", "ENONAME", "EARRAYLEN", "EINVAL")),
    Routine("PXFAINTSET", [h_in("jhandle"), s_in("compnam"), ia_in("iavalue", "ialen"),
                           i_in("ialen")],
            "set a whole integer-array component; EINVAL (nothing set) if a value does "
            "not fit its elements",
            errnos=("EBADHANDLE", "ENONAME", "EARRAYLEN", "EINVAL")),
    # Cray's order, value before index; USE ifposix takes Intel's (catalog
    # section 6, item 1)
    Routine("PXFEINTGET", [h_in("jhandle"), s_in("compnam"), i_out("ivalue"), i_in("index")],
            "element INDEX (1-based) of an integer-array component; EINVAL outside it",
            intel_variant=True, intel_order=("jhandle", "compnam", "index", "ivalue"),
            errnos=("EBADHANDLE", "ENONAME", "EINVAL")),
    Routine("PXFEINTSET", [h_in("jhandle"), s_in("compnam"), i_in("ivalue"), i_in("index")],
            "set element INDEX (1-based) of an integer-array component",
            intel_variant=True, intel_order=("jhandle", "compnam", "index", "ivalue"),
            errnos=("EBADHANDLE", "ENONAME", "EINVAL")),
]
