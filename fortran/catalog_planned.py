"""The routines of the PXF catalog that pxf does not implement yet.

The catalog is section 2 of reference/pxf-catalog.md (tables 2.1-2.7, with
Intel's typed accessor variants of table 2.6 counted one by one: 168
names). This list is that name list minus the rows of the routine table
(fortran/pxf_table.py), taken by hand from those tables, so a routine is
either here or in the table, never both (tests/project/test_reference.py);
when a routine is implemented, its entry moves from here to a row.

Each entry: the name, the argument list exactly as the catalog gives it
(its shorthand: I default INTEGER, H handle, C CHARACTER(*), L LOGICAL,
R4/R8 REAL, in/out/io intents, ierror last), a one-line summary, the family
token it will belong to, and who ships it: 'both' (Cray and Intel),
'cray' or 'intel' (the catalog's C/I columns).

docs/reference.md (tools/gen_reference.py) and `pxf info --routines`
(pxf/_routines.py) list these as planned.
"""


class Planned:
    def __init__(self, name, catalog_args, summary, family, vendor):
        self.name = name
        self.catalog_args = catalog_args
        self.summary = summary
        self.family = family
        self.vendor = vendor


# Titles of the families that have no row in the routine table yet (those
# that have one take their TITLE from fortran/<family>/routines.py).
FAMILY_TITLES = {
    "signals": "Signals",
    "terminal": "Terminal interface",
    "units": "Fortran units and descriptors",
}


# Intel's typed accessors (catalog 2.6): the Fortran type of each.
_TYPES = {"REAL": "REAL(4)", "LGCL": "LOGICAL(4)", "CHAR": "CHARACTER(1)", "DBL": "REAL(8)",
          "STR": "string", "INT8": "INTEGER(8)"}


def _typed(prefix, types, catalog_args, what):
    """GET and SET of some of Intel's typed accessors: one catalog row.
    catalog_args maps each type to its argument list, or is one for all;
    `what` says what they access, with {type} for the Fortran type."""
    def args(t):
        return catalog_args[t] if isinstance(catalog_args, dict) else catalog_args
    return [Planned(f"{prefix}{t}{op}", args(t),
                    ("read " if op == "GET" else "set ") + what.format(type=_TYPES[t]),
                    "structs", "intel")
            for t in types for op in ("GET", "SET")]


PLANNED = [
    # signals (catalog 2.1)
    Planned("PXFSIGEMPTYSET", "jsigset:H in, ierror", "empty a 'sigset'", "signals", "both"),
    Planned("PXFSIGFILLSET", "jsigset:H in, ierror", "put every signal in a 'sigset'",
            "signals", "both"),
    Planned("PXFSIGADDSET", "jsigset:H in, isigno:I in, ierror", "add a signal to a 'sigset'",
            "signals", "both"),
    Planned("PXFSIGDELSET", "jsigset:H in, isigno:I in, ierror",
            "remove a signal from a 'sigset'", "signals", "both"),
    Planned("PXFSIGISMEMBER", "jsigset:H in, isigno:I in, ismember:L out, ierror",
            "whether a signal is in a 'sigset'", "signals", "both"),
    Planned("PXFSIGACTION", "isig:I in, jsigact:H in, josigact:H out, ierror",
            "install or query a signal's action ('sigaction' handles, 0 for none)",
            "signals", "intel"),
    Planned("PXFSIGPROCMASK", "ihow:I in, jsigset:H in, josigset:H out, ierror",
            "block, unblock or set the signal mask", "signals", "both"),
    Planned("PXFSIGPENDING", "jsigset:H in, ierror", "the pending signals into a 'sigset'",
            "signals", "both"),
    Planned("PXFSIGSUSPEND", "jsigset:H in, ierror",
            "wait for a signal with a temporary mask (returns EINTR)", "signals", "both"),
    Planned("PXFGETSUBHANDLE", "sub:EXTERNAL subroutine in, jhandle:I out, ierror",
            "a handle for a one-argument subroutine (a signal handler)", "signals", "intel"),
    Planned("PXFCALLSUBHANDLE", "jhandle2:I in, ival:I in, ierror",
            "call the subroutine behind a handle with one integer", "signals", "intel"),
    # process (catalog 2.1)
    Planned("PXFPAUSE", "ierror", "wait until a signal arrives (returns EINTR)",
            "process", "both"),
    # terminal (catalog 2.5)
    Planned("PXFCFGETISPEED", "jtermios:H in, iospeed:I out, ierror",
            "input speed of a 'termios'", "terminal", "both"),
    Planned("PXFCFGETOSPEED", "jtermios:H in, iospeed:I out, ierror",
            "output speed of a 'termios'", "terminal", "both"),
    Planned("PXFCFSETISPEED", "jtermios:H in, ispeed:I in, ierror",
            "set the input speed of a 'termios' (B0 ... from PXFCONST)", "terminal", "both"),
    Planned("PXFCFSETOSPEED", "jtermios:H in, ispeed:I in, ierror",
            "set the output speed of a 'termios'", "terminal", "both"),
    Planned("PXFTCGETATTR", "ifildes:I in, jtermios:H in, ierror",
            "a terminal's attributes into a 'termios'", "terminal", "both"),
    Planned("PXFTCSETATTR", "ifildes:I in, ioptacts:I in, jtermios:H in, ierror",
            "set a terminal's attributes (TCSANOW, TCSADRAIN, TCSAFLUSH)", "terminal", "both"),
    Planned("PXFTCSENDBREAK", "ifildes:I in, iduration:I in, ierror",
            "send a break on a terminal line", "terminal", "both"),
    Planned("PXFTCDRAIN", "ifildes:I in, ierror", "wait until a terminal's output is sent",
            "terminal", "both"),
    Planned("PXFTCFLUSH", "ifildes:I in, iqueue:I in, ierror",
            "discard a terminal's queued input or output", "terminal", "both"),
    Planned("PXFTCFLOW", "ifildes:I in, iaction:I in, ierror",
            "suspend or resume a terminal's input or output", "terminal", "both"),
    Planned("PXFTCGETPGRP", "ifildes:I in, ipgid:I out, ierror",
            "the foreground process group of a terminal", "terminal", "both"),
    Planned("PXFTCSETPGRP", "ifildes:I in, ipgid:I in, ierror",
            "set the foreground process group of a terminal", "terminal", "both"),
    # structure components of other types (catalog 2.6)
    *_typed("PXF", ["REAL", "LGCL", "CHAR", "DBL"],
            {"REAL": "jhandle, compnam, value:R4, ierror",
             "LGCL": "jhandle, compnam, value:L(4), ierror",
             "CHAR": "jhandle, compnam, value:CHARACTER(1), ierror",
             "DBL": "jhandle, compnam, value:R8, ierror"},
            "a {type} component"),
    *_typed("PXFA", ["REAL", "LGCL", "STR", "CHAR", "DBL", "INT8"],
            "jhandle, compname, value(ialen), ialen, [ilen(ialen) for STR], ierror",
            "a whole {type}-array component"),
    *_typed("PXFE", ["REAL", "LGCL", "CHAR", "DBL", "INT8"],
            "jhandle, compname, index, value, ierror",
            "one element (from 1) of a {type}-array component"),
    Planned("PXFESTRSET", "jhandle, compname, index, value, ilen, ierror",
            "set one string of a string-array component", "structs", "intel"),
    # Fortran units (catalog 2.6)
    Planned("PXFFILENO", "iunit:I in, ifildes:I out, ierror",
            "the file descriptor behind a Fortran unit", "units", "both"),
    Planned("PXFFDOPEN", "ifildes:I in, iunit:I in, access:C in, ierror",
            "connect a Fortran unit to an open descriptor", "units", "intel"),
    Planned("PXFFFLUSH", "lunit:I in, ierror", "flush a Fortran unit", "units", "intel"),
    Planned("PXFFGETC", "lunit:I in, char:CHARACTER(1) out, ierror",
            "read one character from a unit", "units", "intel"),
    Planned("PXFFPUTC", "lunit:I in, char:CHARACTER(1) in, ierror",
            "write one character to a unit", "units", "intel"),
    Planned("PXFGETC", "nextcar:CHARACTER(1) out, ierror",
            "read one character from unit 5", "units", "intel"),
    Planned("PXFPUTC", "ch:CHARACTER(1) in, ierror", "write one character to unit 6",
            "units", "intel"),
    Planned("PXFFSEEK", "lunit:I in, ioffset:I in, iwhence:I in, ierror",
            "move a unit's position", "units", "intel"),
    Planned("PXFFTELL", "lunit:I in, ioffset:I out, ierror", "a unit's position in bytes",
            "units", "intel"),
    Planned("PXFPOSIXIO", "(Windows) set/query the POSIX/IO flag",
            "Intel's Windows switch that gives OPEN units descriptors", "units", "intel"),
]
