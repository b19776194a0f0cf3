"""1003.9 structure handles (PXFSTRUCTCREATE and its accessors)."""
from __future__ import annotations

from . import _fpxf
from ._errors import check, checked
from ._strings import argument, decode, output
from ._strings import name as c_name


def struct_create(name: str) -> int:
    """A new zero-filled instance of a structure ('utsname', 'tms',
    'utimbuf', 'flock', 'stat', 'termios', 'passwd', 'group' ...); returns
    its handle. Unknown: PXFError(ENONAME)."""
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


def aint_get(handle: int, component: str, count: int) -> list[int]:
    """The whole integer-array component (PXFAINTGET): c_cc of 'termios',
    whose `count` is termios.NCCS. Another count raises
    PXFError(EARRAYLEN)."""
    values = checked(_fpxf.pxfaintget(handle, c_name(component), count))
    return [int(v) for v in values[:count]]


def aint_set(handle: int, component: str, values: list[int]) -> None:
    """Set the whole integer-array component (PXFAINTSET): as many values
    as it has elements (else PXFError(EARRAYLEN)), each fitting its C type
    (a cc_t: 0 .. 255; else OSError(EINVAL), and nothing is set)."""
    # f2py cannot pass an empty array: one unused element with a count of 0
    check(_fpxf.pxfaintset(handle, c_name(component), list(values) or [0], len(values)))


def eint_get(handle: int, component: str, index: int) -> int:
    """Element `index` (1-based) of an integer-array component
    (PXFEINTGET); an index outside it raises OSError(EINVAL)."""
    return int(checked(_fpxf.pxfeintget(handle, c_name(component), index)))


def eint_set(handle: int, component: str, index: int, value: int) -> None:
    """Set element `index` (1-based) of an integer-array component
    (PXFEINTSET). The index comes before the value, as in estr_get (and
    Intel's order); the Fortran externals take Cray's, value first."""
    check(_fpxf.pxfeintset(handle, c_name(component), value, index))


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

    def get_aint(self, component: str, count: int) -> list[int]:
        """A whole integer-array component of `count` elements."""
        return aint_get(self.handle, component, count)

    def set_aint(self, component: str, values: list[int]) -> None:
        """Set a whole integer-array component."""
        aint_set(self.handle, component, values)

    def get_eint(self, component: str, index: int) -> int:
        """Element `index` (1-based) of an integer-array component."""
        return eint_get(self.handle, component, index)

    def set_eint(self, component: str, index: int, value: int) -> None:
        """Set element `index` (1-based) of an integer-array component."""
        eint_set(self.handle, component, index, value)

    def close(self) -> None:
        """Free the instance (once; later calls do nothing)."""
        if self.handle:
            struct_free(self.handle)
            self.handle = 0

    def __enter__(self) -> "Struct":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
