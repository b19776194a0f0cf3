"""Routine table rows of the rfork family (docs/rfork.md):
the FreeBSD/Plan 9 resource-sharing fork and posix_spawn.
"""
from routine import Routine, i_in, i_out, ia_in, proc_in, s_in, sa_in

TITLE = "rfork and spawn"

ROWS = [
    Routine("PXFRFORK", [i_in("iflags"), i_out("ipid")],
            "FreeBSD rfork(2) with the RF* flags of PXFCONST",
            generated=True, flush=True,
            vendor="pxf", errnos=("EINVAL", "ENOTSUP", "EDEADLK", "EAGAIN", "ENOMEM")),
    Routine("PXFRFORKTHREAD", [i_in("iflags"), proc_in("sub"), i_in("iarg"),
                               i_in("istack"), i_out("ipid")],
            "rfork_thread(3): CALL SUB(IARG) in a child on its own stack",
            python=False,
            vendor="pxf", errnos=("EINVAL", "ENOTSUP", "EDEADLK", "EAGAIN", "ENOMEM")),
    Routine("PXFSPAWN", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                         ia_in("lenargv", "iargc"), i_in("iargc"),
                         i_out("ipid")],
            "start a program (RFSPAWN: vfork-style); exec errors in ierror", blocks=True,
            vendor="pxf", errnos=("ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "E2BIG",
                    "ENAMETOOLONG", "ELOOP", "ETXTBSY", "ENOMEM", "EAGAIN", "EINVAL")),
    Routine("PXFSPAWNP", [s_in("file"), i_in("lenfile"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc"),
                          i_out("ipid")],
            "PXFSPAWN with a PATH search for file", blocks=True,
            shares="PXFSPAWN",
            vendor="pxf", errnos=("ENOENT", "EACCES", "ENOTDIR", "E2BIG", "ENAMETOOLONG",
                    "ELOOP", "ETXTBSY", "ENOMEM", "EAGAIN", "EINVAL")),
    Routine("PXFSPAWNE", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc"),
                          sa_in("env", "ienvc"), ia_in("lenenv", "ienvc"),
                          i_in("ienvc"), i_out("ipid")],
            "PXFSPAWN with an explicit environment", blocks=True,
            shares="PXFSPAWN",
            vendor="pxf", errnos=("ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "E2BIG",
                    "ENAMETOOLONG", "ELOOP", "ETXTBSY", "ENOMEM", "EAGAIN", "EINVAL")),
]
