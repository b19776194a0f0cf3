"""Routine table rows of the dirs family (docs/dirs.md): directory
streams, named by small integer ids.

The ids are taken as long long, so an INTEGER(8) id no C int can hold is
EBADID like any other id that names no open stream, not EINVAL.
"""
from routine import Routine, h_io, i_in, i_out, s_in

TITLE = "Directory streams"


def dirid(name):
    return i_in(name, ctype="c_long_long")


ROWS = [
    Routine("PXFOPENDIR", [s_in("dirname", length="lendirname"), i_in("lendirname"),
                           i_out("iopendirid")],
            "opendir(3): a directory-stream id, the lowest free", generated=True,
            blocks=True,
            errnos=("EACCES", "EINVAL", "ELOOP", "EMFILE", "ENAMETOOLONG", "ENOENT",
                    "ENOTDIR")),
    Routine("PXFREADDIR", [dirid("idirid"), h_io("jdirent")],
            "readdir(3) into a 'dirent' handle (JDIRENT 0: one is created); EEND at the end",
            blocks=True,
            errnos=("EBADF", "EBADHANDLE", "EBADID", "EEND", "ENAMETOOLONG", "ENOHANDLE"),
            not_produced={"ENAMETOOLONG": "needs a file system that returns names longer "
                          "than Linux's NAME_MAX (255 bytes), which d_name holds"}),
    Routine("PXFREWINDDIR", [dirid("idirid")], "rewinddir(3)", generated=True,
            errnos=("EBADID",)),
    Routine("PXFCLOSEDIR", [dirid("idirid")], "closedir(3): the id is free again",
            generated=True, blocks=True, errnos=("EBADF", "EBADID")),
]
