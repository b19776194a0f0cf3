"""Routine table rows of the db family (docs/db.md): the user and group
databases, each entry deep-copied into a 'passwd' or 'group' handle.
"""
from routine import Routine, h_in, i_in, s_in

TITLE = "System databases"


def _lookup(name, key, handle, structure):
    """PXFGET<XX><KEY>: the entry KEY names (an id as a C long long, so
    every id 0 .. 2**32 - 1 passes INTEGER(8); or a name with its length),
    into HANDLE. Every lookup can wait on a directory service (LDAP, NIS):
    blocks."""
    keys = ([s_in("name", length="ilen"), i_in("ilen")] if key == "name"
            else [i_in(key, ctype="c_long_long")])
    call = name[len("PXF"):].lower() + "_r(3)"
    return Routine(name, keys + [h_in(handle)],
                   f"{call} into a '{structure}' handle (a deep copy)",
                   generated=True, blocks=True,
                   errnos=("EBADHANDLE", "EINVAL", "ENOENT", "ENOMEM"))


ROWS = [
    _lookup("PXFGETPWUID", "iuid", "jpasswd", "passwd"),
    _lookup("PXFGETPWNAM", "name", "jpasswd", "passwd"),
    _lookup("PXFGETGRGID", "igid", "jgroup", "group"),
    _lookup("PXFGETGRNAM", "name", "jgroup", "group"),
]
