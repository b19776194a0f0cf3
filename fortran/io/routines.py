"""Routine table rows of the io family (docs/io.md):
pipes, descriptor I/O, the file offset and file control.
"""
from routine import Arg, Routine, i_in, i_out

# PXFFCNTL's IARGIN is an integer for some commands and a 'flock' handle for
# the lock commands: a handle's kind ('H'), so it may be INTEGER(4) or
# INTEGER(8) whatever the other arguments' kind (Intel passes INTEGER(8)
# handles with INTEGER(4) arguments), passed to C whole (the core tells a
# value no C int can hold: EINVAL as an integer, EBADHANDLE as a handle).
FCNTL_ARGIN = Arg("iargin", "int", "in", kind="H", ctype="c_long_long")

TITLE = "Input/output primitives"

ROWS = [
    Routine("PXFPIPE", [i_out("ireadfd"), i_out("iwritefd")], "pipe(2)",
            generated=True,
            errnos=("EMFILE",)),
    Routine("PXFDUP", [i_in("ifildes"), i_out("ifid")], "dup(2)",
            generated=True,
            errnos=("EBADF", "EINVAL", "EMFILE")),
    Routine("PXFDUP2", [i_in("ifildes"), i_in("ifildes2")], "dup2(2)",
            generated=True, blocks=True,
            errnos=("EBADF", "EINVAL")),
    Routine("PXFCLOSE", [i_in("ifildes")], "close(2)", generated=True, blocks=True,
            errnos=("EBADF", "EINVAL")),
    Routine("PXFREAD", [i_in("ifildes"),
                        Arg("buf", "str", "out", pylen=65536, binary=True),
                        i_in("nbyte"), i_out("nread")],
            "read(2) into a character buffer, blank-filled after the data", blocks=True,
            errnos=("EBADF", "EINVAL")),
    Routine("PXFWRITE", [i_in("ifildes"), Arg("buf", "str", "in", binary=True),
                         i_in("nbyte"),
                         i_out("nwritten")], "write(2) of nbyte bytes", blocks=True,
            errnos=("EBADF", "EINVAL", "EPIPE")),
    Routine("PXFLSEEK", [i_in("ifildes"), i_in("ioffset", ctype="c_long_long"),
                         i_in("iwhence"), i_out("iposition", ctype="c_long_long")],
            "lseek(2); IWHENCE: SEEK_SET, SEEK_CUR, SEEK_END (PXFCONST)", generated=True,
            errnos=("EBADF", "EINVAL", "EOVERFLOW", "ESPIPE")),
    Routine("PXFFCNTL", [i_in("ifildes"), i_in("icmd"), FCNTL_ARGIN, i_out("iargout")],
            "fcntl(2); ICMD from PXFCONST: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, "
            "F_GETFL, F_SETFL (IARGIN an integer, IARGOUT the result), F_GETLK, F_SETLK, "
            "F_SETLKW (IARGIN a 'flock' handle)",
            generated=True, blocks=True,   # F_SETLKW waits for the lock
            errnos=("EAGAIN", "EBADF", "EBADHANDLE", "EDEADLK", "EINTR", "EINVAL", "EMFILE")),
]
