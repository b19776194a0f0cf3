"""1003.9 structure handles (PXFSTRUCTCREATE and its accessors)."""
from __future__ import annotations

from . import _fpxf
from ._errors import check
from ._strings import argument, decode, output
from ._strings import name as c_name


def struct_create(name: str) -> int:
    """A new zero-filled instance of a structure ('utsname', 'tms',
    'utimbuf', 'flock', 'stat', 'passwd', 'group' ...); returns its handle. Unknown: PXFError(ENONAME)."""
    handle, ierror = _fpxf.pxfstructcreate(c_name(name))
    check(ierror)
    return handle


def struct_free(handle: int) -> None:
    """Release an instance; a bad handle raises PXFError(EBADHANDLE)."""
    check(_fpxf.pxfstructfree(handle))


def struct_copy(name: str, source: int, target: int) -> None:
    """Copy instance `source` into `target`, both of structure `name`."""
    check(_fpxf.pxfstructcopy(c_name(name), source, target))


def int_get(handle: int, component: str) -> int:
    """An integer component, as INTEGER(8) (PXFINT8GET)."""
    value, ierror = _fpxf.pxfint8get(handle, c_name(component))
    check(ierror)
    return int(value)


def int_set(handle: int, component: str, value: int) -> None:
    """Set an integer component (PXFINT8SET); EINVAL if the field cannot
    hold the value."""
    check(_fpxf.pxfint8set(handle, c_name(component), value))


def str_get(handle: int, component: str) -> str:
    """A string component (PXFSTRGET)."""
    value, ilen, ierror = _fpxf.pxfstrget(handle, c_name(component))
    return decode(output(value, ilen, ierror))


def estr_get(handle: int, component: str, index: int) -> str:
    """String `index` (1-based) of a string-array component (PXFESTRGET):
    gr_mem of 'group', whose count is the integer component gr_nmem. An
    index outside 1 .. the count raises OSError(EINVAL)."""
    value, ilen, ierror = _fpxf.pxfestrget(handle, c_name(component), index)
    return decode(output(value, ilen, ierror))


def str_set(handle: int, component: str, value: str) -> None:
    """Set a string component (PXFSTRSET), exactly as given."""
    b, n = argument(value)
    check(_fpxf.pxfstrset(handle, c_name(component), b, n))


class Struct:
    """An owned structure instance: freed on close() or at the end of a
    `with` block.

    >>> with Struct("utimbuf") as t:
    ...     t.set_int("actime", 5)
    ...     t.get_int("actime")
    5
    """

    def __init__(self, name: str):
        self.name = name
        self.handle = struct_create(name)

    def get_int(self, component: str) -> int:
        """An integer component (INTEGER(8) accessor)."""
        return int_get(self.handle, component)

    def set_int(self, component: str, value: int) -> None:
        """Set an integer component."""
        int_set(self.handle, component, value)

    def get_str(self, component: str) -> str:
        """A string component."""
        return str_get(self.handle, component)

    def get_estr(self, component: str, index: int) -> str:
        """String `index` (1-based) of a string-array component."""
        return estr_get(self.handle, component, index)

    def set_str(self, component: str, value: str) -> None:
        """Set a string component, exactly as given."""
        str_set(self.handle, component, value)

    def close(self) -> None:
        """Free the instance (once; later calls do nothing)."""
        if self.handle:
            struct_free(self.handle)
            self.handle = 0

    def __enter__(self) -> "Struct":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
