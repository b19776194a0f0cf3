"""Routine table rows of the env family (docs/env.md):
environment variables and uname.
"""
from routine import Routine, h_in, i_in, i_out, s_in, s_out

TITLE = "Process environment"

ROWS = [
    Routine("PXFGETENV", [s_in("name"), i_in("lenname"),
                          s_out("value", pylen=131072), i_out("lenval")],
            "getenv(3); unset: EINVAL; short value: ETRUNC, full lenval",
            errnos=("EINVAL", "ETRUNC")),
    Routine("PXFSETENV", [s_in("name"), i_in("lenname"), s_in("new"),
                          i_in("lennew"), i_in("ioverwrite")],
            "setenv(3); ioverwrite = 0 keeps an existing value",
            intel_variant=True,
            errnos=("EINVAL",)),
    Routine("PXFCLEARENV", [], "clearenv(3)", generated=True,
            errnos=()),
    Routine("PXFUNAME", [h_in("jutsname")],
            "uname(2) into a 'utsname' handle", generated=True,
            errnos=("EBADHANDLE",)),
]
