"""Routine table rows of the io family (docs/io.md):
pipes, descriptor I/O and the file offset.
"""
from routine import Arg, Routine, i_in, i_out

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
]
