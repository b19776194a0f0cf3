"""Routine table rows of the db family (docs/db.md): the user and group
databases, each entry deep-copied into a 'passwd' or 'group' handle.
"""
from routine import Routine, h_in, i_in, s_in

TITLE = "System databases"

# Every lookup can wait on a remote directory service (LDAP, NIS): blocks.
ROWS = [
    Routine("PXFGETPWUID", [i_in("iuid", ctype="c_long_long"), h_in("jpasswd")],
            "getpwuid_r(3) into a 'passwd' handle (a deep copy)", generated=True,
            blocks=True,
            errnos=("EBADHANDLE", "EINVAL", "ENOENT", "ENOMEM")),
    Routine("PXFGETPWNAM", [s_in("name", length="ilen"), i_in("ilen"), h_in("jpasswd")],
            "getpwnam_r(3) into a 'passwd' handle (a deep copy)", generated=True,
            blocks=True,
            errnos=("EBADHANDLE", "EINVAL", "ENOENT", "ENOMEM")),
    Routine("PXFGETGRGID", [i_in("igid", ctype="c_long_long"), h_in("jgroup")],
            "getgrgid_r(3) into a 'group' handle (a deep copy)", generated=True,
            blocks=True,
            errnos=("EBADHANDLE", "EINVAL", "ENOENT", "ENOMEM")),
    Routine("PXFGETGRNAM", [s_in("name", length="ilen"), i_in("ilen"), h_in("jgroup")],
            "getgrnam_r(3) into a 'group' handle (a deep copy)", generated=True,
            blocks=True,
            errnos=("EBADHANDLE", "EINVAL", "ENOENT", "ENOMEM")),
]
