"""Routine table rows of the env family (docs/env.md):
environment variables, uname, the process's identity and time.

PXFTIME, PXFTIMES and PXFLOCALTIME stay here rather than in a `time`
family (DESIGN.md names one): its Python module pxf/time.py would share
the name pxf.time with the function pxf.time() (PXFTIME), and
`import pxf.time` would then give the function.
"""
from routine import Routine, h_in, i_in, i_out, ia_out, l_out, s_in, s_out

TITLE = "Process environment"

ROWS = [
    Routine("PXFGETENV", [s_in("name", length="lenname"), i_in("lenname"),
                          s_out("value", pylen=131072, length="lenval"), i_out("lenval")],
            "getenv(3); unset: EINVAL; short value: ETRUNC, full lenval", generated=True,
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
    # --- identity and time: ids and seconds are long long in C, so an
    # INTEGER(4) that cannot hold one gets EOVERFLOW (never a wrapped value)
    Routine("PXFGETUID", [i_out("iuid", ctype="c_long_long")], "getuid(2)",
            generated=True, errnos=("EOVERFLOW",)),
    Routine("PXFGETEUID", [i_out("ieuid", ctype="c_long_long")], "geteuid(2)",
            generated=True, errnos=("EOVERFLOW",)),
    Routine("PXFGETGID", [i_out("igid", ctype="c_long_long")], "getgid(2)",
            generated=True, errnos=("EOVERFLOW",)),
    Routine("PXFGETEGID", [i_out("iegid", ctype="c_long_long")], "getegid(2)",
            generated=True, errnos=("EOVERFLOW",)),
    Routine("PXFSETUID", [i_in("iuid", ctype="c_long_long")],
            "setuid(2); an id outside 0 .. 2**32-1: EINVAL", generated=True,
            errnos=("EINVAL", "EPERM")),
    Routine("PXFSETGID", [i_in("igid", ctype="c_long_long")],
            "setgid(2); an id outside 0 .. 2**32-1: EINVAL", generated=True,
            errnos=("EINVAL", "EPERM")),
    Routine("PXFGETGROUPS", [i_in("igidsetsize"),
                             ia_out("igrouplist", dim="igidsetsize", ctype="c_long_long"),
                             i_out("ngroups")],
            "getgroups(2); IGIDSETSIZE 0: NGROUPS only; a list too short: EINVAL",
            errnos=("EINVAL", "EOVERFLOW")),
    Routine("PXFGETLOGIN", [s_out("s", pylen=256, length="ilen"), i_out("ilen")],
            "getlogin(3); short S: ETRUNC; no login name: ENXIO/ENOTTY/ENOENT",
            generated=True, blocks=True, errnos=("ENOENT", "ENOTTY", "ENXIO", "ETRUNC")),
    Routine("PXFGETPGRP", [i_out("ipgrp")], "getpgrp(2)", generated=True,
            errnos=()),
    Routine("PXFSETSID", [i_out("isid")], "setsid(2): the new session's id",
            generated=True, errnos=("EPERM",)),
    Routine("PXFSETPGID", [i_in("ipid"), i_in("ipgid")],
            "setpgid(2); ipid 0 = the caller, ipgid 0 = ipid", generated=True,
            errnos=("EACCES", "EINVAL", "EPERM", "ESRCH")),
    Routine("PXFTIME", [i_out("itime", ctype="c_long_long")],
            "time(2): seconds since the Epoch", generated=True,
            errnos=("EOVERFLOW",),
            not_produced={"EOVERFLOW": "an INTEGER(4) holds time(2) until "
                          "2038-01-19; no test may set the machine's clock"}),
    Routine("PXFTIMES", [h_in("jtms"), i_out("itime", ctype="c_long_long")],
            "times(2) into a 'tms' handle; ITIME: clock ticks since libpxf was loaded",
            generated=True,
            errnos=("EBADHANDLE", "EOVERFLOW"),
            not_produced={"EOVERFLOW": "ITIME counts from the library's load: an "
                          "INTEGER(4) holds 248 days of ticks at 100 a second"}),
    Routine("PXFCTERMID", [s_out("s", length="ilen"), i_out("ilen")],
            "ctermid(3): the controlling terminal's name; short S: ETRUNC", generated=True,
            errnos=("ETRUNC",)),
    Routine("PXFISATTY", [i_in("ifildes"), l_out("isatty")],
            "isatty(3): ISATTY .TRUE. for a terminal", generated=True,
            errnos=("EBADF", "EINVAL")),
    Routine("PXFLOCALTIME", [i_in("isecnds", ctype="c_long_long"),
                             ia_out("iatime", size=9)],
            "localtime(3) in TZ's zone: sec, min, hour, mday, month 1-12, year, "
            "wday 0-6, yday 1-366, isdst; a malformed TZ: EINVAL",
            generated=True, errnos=("EINVAL", "EOVERFLOW")),
    Routine("IPXFARGC", [], "the number of command-line arguments, the program name "
            "not counted", result="int", ierror=False, errnos=()),
    Routine("PXFGETARG", [i_in("m"), s_out("buf", length="ilen"), i_out("ilen")],
            "the M-th command-line argument (0: the program name); short BUF: ETRUNC",
            generated=True,
            errnos=("EINVAL", "ETRUNC")),
    Routine("PXFSYSCONF", [i_in("name"), i_out("ival", ctype="c_long_long")],
            "sysconf(3); NAME from PXFCONST (_SC_ARG_MAX or ARG_MAX); no limit: -1",
            generated=True, errnos=("EINVAL", "EOVERFLOW")),
]
