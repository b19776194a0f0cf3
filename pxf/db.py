"""The user and group databases (1003.9 clause 9) through PXFGETPWUID,
PXFGETPWNAM, PXFGETGRGID and PXFGETGRNAM, with pwd's and grp's
conventions: the same return types (pwd.struct_passwd, grp.struct_group)
and, for a user or group that does not exist, the same KeyError with the
same message (the Fortran routines give ENOENT). Other failures raise the
matching OSError."""
from __future__ import annotations

import errno
import grp
import pwd

from . import _fpxf
from ._errors import check
from ._strings import argument, decode
from .structs import Struct

_ID_MAX = 2**32 - 1  # uid_t and gid_t are 32-bit unsigned


def _passwd(s: Struct) -> pwd.struct_passwd:
    return pwd.struct_passwd((s.get_str("pw_name"), s.get_str("pw_passwd"),
                              s.get_int("pw_uid"), s.get_int("pw_gid"),
                              s.get_str("pw_gecos"), s.get_str("pw_dir"),
                              s.get_str("pw_shell")))


def _group(s: Struct) -> grp.struct_group:
    members = [s.get_estr("gr_mem", i) for i in range(1, s.get_int("gr_nmem") + 1)]
    return grp.struct_group((s.get_str("gr_name"), s.get_str("gr_passwd"),
                             s.get_int("gr_gid"), members))


def _by_id(routine: str, struct: str, what: str, ident: int, convert):
    """Lookup `routine` (getpwuid, getgrgid) by id; ENOENT, and an id no entry
    can have, raise KeyError worded as pwd.getpwuid words it. An id above
    2**31 - 1 cannot pass the default-INTEGER externals: OverflowError, as
    for the other pxf functions that take ids."""
    if not isinstance(ident, int):
        raise TypeError(f"{what} should be integer, not {type(ident).__name__}")
    if not 0 <= ident <= _ID_MAX:
        raise KeyError(f"{routine}(): {what} not found")
    with Struct(struct) as s:
        ierror = getattr(_fpxf, "pxf" + routine)(ident, s.handle)
        if ierror == errno.ENOENT:
            raise KeyError(f"{routine}(): {what} not found: {ident}")
        check(ierror)
        return convert(s)


def _by_name(routine: str, struct: str, name: str | bytes, convert):
    """Lookup `routine` (getpwnam, getgrnam) by name; ENOENT raises KeyError
    as pwd.getpwnam does."""
    b, n = argument(name)                # a NUL: ValueError, as in pwd
    with Struct(struct) as s:
        ierror = getattr(_fpxf, "pxf" + routine)(b, n, s.handle)
        if ierror == errno.ENOENT:
            shown = name if isinstance(name, str) else decode(name)
            raise KeyError(f"{routine}(): name not found: {shown!r}")
        check(ierror)
        return convert(s)


def getpwuid(uid: int) -> pwd.struct_passwd:
    """The user entry of uid, as pwd.getpwuid, through PXFGETPWUID."""
    return _by_id("getpwuid", "passwd", "uid", uid, _passwd)


def getpwnam(name: str | bytes) -> pwd.struct_passwd:
    """The user entry of name, as pwd.getpwnam, through PXFGETPWNAM."""
    return _by_name("getpwnam", "passwd", name, _passwd)


def getgrgid(gid: int) -> grp.struct_group:
    """The group entry of gid, as grp.getgrgid, through PXFGETGRGID."""
    return _by_id("getgrgid", "group", "gid", gid, _group)


def getgrnam(name: str | bytes) -> grp.struct_group:
    """The group entry of name, as grp.getgrnam, through PXFGETGRNAM; its
    members are read one by one with PXFESTRGET, gr_nmem of them."""
    return _by_name("getgrnam", "group", name, _group)
