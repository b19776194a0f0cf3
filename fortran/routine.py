"""The columns of the routine table: one Routine per PXF routine.

The rows themselves live with their family, in fortran/<family>/routines.py;
fortran/pxf_table.py gathers them.

PXF<X> (or IPXF<X>) is implemented by the C function pxf_<x>, declared in
core/include/pxf/<family>.h; a routine that is another's variant (a kind
or a form of it: PXFINT8GET of PXFINTGET, PXFSPAWNP of PXFSPAWN) names it
in ``shares`` and is implemented by that routine's function.

A ``generated`` routine has its body generated whole: integers, and
strings with their lengths (s_in, s_out); the C function takes the inputs
by value and the outputs by pointer, in the order of ``core_order``
(default: the Fortran order), and returns errno. Any other routine has its
body written by hand, as the fypp macro ``<name>_body`` in
fortran/<family>/bodies.fypp; its signature still comes from here. Either
way the outputs after a failure are set by fgen.fail_outputs, the rule of
docs/conventions.md ("Outputs after a failure"), not by the body.

Argument kinds: 'K' is the routine's integer kind (every specific exists for
INTEGER(4) and INTEGER(8)); 'H' is a structure handle, whose kind varies
independently (Intel passes INTEGER(8) handles with INTEGER(4) arguments);
'8' is always INTEGER(8).
"""


class Arg:
    def __init__(self, name, type, intent, kind="K", ctype="c_int", dim=None,
                 pylen=None, binary=False, size=None):
        self.name = name
        self.type = type        # 'int', 'logical', 'str', 'strarr', 'intarr', 'proc'
        self.intent = intent    # 'in', 'out', 'inout'
        self.kind = kind        # 'K', 'H', '8'
        self.ctype = ctype      # C type of the core argument (int args)
        self.dim = dim          # name of the count argument (arrays)
        self.size = size        # the fixed extent of an array without a count
        self.pylen = pylen      # buffer length f2py allocates (str out)
        self.binary = binary    # bytes, not text: Python passes a byte array
        self.length = None      # str: the argument with its length (in) or full length (out)

    @property
    def is_handle(self):
        return self.kind == "H"


def i_in(name, ctype="c_int"):
    return Arg(name, "int", "in", ctype=ctype)


def i_out(name, ctype="c_int"):
    return Arg(name, "int", "out", ctype=ctype)


def h_in(name):
    return Arg(name, "int", "in", kind="H")


def h_out(name):
    return Arg(name, "int", "out", kind="H")


def h_io(name):
    """A handle that is an input, or an output when it is 0 on input: the
    routine then creates the instance and returns its handle (Cray's
    PXFREADDIR). After a failure it is left as it was, or -1 where it was 0
    (fgen.fail_outputs). Bodies of such routines are hand-written."""
    return Arg(name, "int", "inout", kind="H")


def i8_in(name):
    return Arg(name, "int", "in", kind="8", ctype="c_long_long")


def i8_out(name):
    return Arg(name, "int", "out", kind="8", ctype="c_long_long")


def l_out(name):
    """A LOGICAL output; the C function sets an int (0: .FALSE.)."""
    return Arg(name, "logical", "out")


def s_in(name, length=None):
    """A string input; `length` names the argument that follows it with its
    length (1003.9: 0 = trailing blanks trimmed), which a generated routine
    checks and converts (the C function gets a NUL-terminated string)."""
    a = Arg(name, "str", "in")
    a.length = length
    return a


def s_out(name, pylen=4096, length=None):
    """A string output; `length` names the integer output that follows it
    with the full length (1003.9: blank-padded, ETRUNC when the string is
    short). A generated routine passes the C function the buffer, its
    capacity and a size_t for the full length (core/include/pxf: `char *buf,
    size_t cap, size_t *len`), and pads the buffer after it."""
    a = Arg(name, "str", "out", pylen=pylen)
    a.length = length
    return a


def sa_in(name, dim):
    return Arg(name, "strarr", "in", dim=dim)


def ia_in(name, dim):
    return Arg(name, "intarr", "in", dim=dim)


def ia_out(name, dim=None, size=None, ctype="c_int"):
    """An INTEGER array output: of the extent the count argument `dim`
    gives (an input), or of the fixed extent `size` (PXFLOCALTIME's 9)."""
    return Arg(name, "intarr", "out", dim=dim, size=size, ctype=ctype)


def proc_in(name):
    """A subroutine the caller passes (EXTERNAL, implicit interface)."""
    return Arg(name, "proc", "in")


# Fortran names of the integer kinds the specifics are generated for.
KIND_NAMES = {"4": "int32", "8": "int64"}

IERROR = i_out("ierror")


class Routine:
    def __init__(self, name, args, summary, generated=False, shares=None, result=None,
                 flush=False, ierror=True, core_order=None, intel_variant=False,
                 python=True, blocks=False, vendor="both", intel_order=None, *, errnos,
                 not_produced=None):
        self.name = name                  # as the user writes it: PXFFORK
        self.lname = name.lower()
        self.has_ierror = ierror
        self.args = list(args) + ([IERROR] if ierror else [])
        self.family = None                # set from its folder (pxf_table.py)
        self.summary = summary
        self.generated = generated        # body generated from this row
        self.shares = shares              # the routine whose C function it uses
        self.result = result              # None, 'logical' or 'int'
        self.flush = flush                # flush Fortran units first
        self.core_order = core_order      # core argument order, if different
        self.intel_variant = intel_variant  # ifposix has Intel semantics
        # Intel's argument order, where it differs from Cray's (catalog
        # section 6, item 1: PXFEINTGET puts the index before the value):
        # the names of the arguments, IERROR left out. Only with
        # intel_variant: the ifposix specifics take this order and call the
        # pxf routine in Cray's (intel_args).
        self.intel_order = tuple(intel_order) if intel_order else None
        if self.intel_order and not intel_variant:
            raise ValueError(f"{name}: intel_order needs intel_variant")
        # Who ships it (reference/pxf-catalog.md, section 2): 'both' Cray
        # and Intel, 'cray' or 'intel' only, 'pxf' neither (pxf's own).
        self.vendor = vendor
        self.python = python              # in pxf._fpxf (not for callbacks)
        # Can wait (for a child, a descriptor, a lock, time): pxf._fpxf
        # releases the GIL around it. Never for routines that fork: the
        # interpreter's fork steps run inside them and need the GIL.
        self.blocks = blocks
        # The errno values (and 1003.9 codes) IERROR can take, as the user
        # guide documents them (docs/<family>.md and the general rules of
        # docs/conventions.md). Each must be produced for real by a test
        # marked @pytest.mark.errno(name, errno): docs/errno-coverage.md,
        # generated by tools/errno_coverage.py, lists them and the tests.
        self.errnos = tuple(errnos)
        # Documented errnos no test can produce on a test machine, each
        # with the reason ({"ENOSYS": "needs a kernel without fork"}); the
        # coverage table shows them apart. Keep this empty where possible.
        self.not_produced = dict(not_produced or {})

    @property
    def c_function(self):
        """The C function implementing it: pxf_<x> for PXF<X> and IPXF<X>."""
        base = (self.shares or self.name).lower()
        return "pxf_" + base[len("ipxf"):] if base.startswith("ipxf") else "pxf_" + base[len("pxf"):]

    @property
    def is_function(self):
        return self.result is not None

    @property
    def never_returns(self):
        """A subroutine without ierror or outputs: the exit routines
        (PXFUCOMPARE has no ierror, but returns)."""
        return (not self.is_function and not self.has_ierror
                and not any(a.intent == "out" for a in self.args))

    @property
    def has_handles(self):
        return any(a.is_handle for a in self.args)

    def intel_args(self):
        """The arguments of ifposix's specifics: in Intel's order where
        the row gives one, else the row's."""
        if self.intel_order is None:
            return self.args
        by_name = {a.name: a for a in self.args}
        if sorted(self.intel_order) != sorted(n for n in by_name if n != "ierror"):
            raise ValueError(f"{self.name}: intel_order must name each argument once")
        return [by_name[n] for n in self.intel_order] + [by_name["ierror"]]

    def core_args(self):
        """The arguments passed to the core function, in its order."""
        lengths = {a.length for a in self.args if a.length}
        own = [a for a in self.args if a.name != "ierror" and a.name not in lengths]
        if self.core_order is None:
            return own
        by_name = {a.name: a for a in own}
        return [by_name[n] for n in self.core_order]

    def kind_variants(self):
        """(K, H, suffix) of each specific procedure. A kind class that no
        argument uses gets no variants: they would be indistinguishable."""
        has_k = any(a.kind == "K" and a.type in ("int", "intarr")
                    for a in self.args)
        ks = ["4", "8"] if has_k else ["4"]
        hs = ["4", "8"] if self.has_handles else [None]
        return [(k, h, f"_i{k}" + (f"h{h}" if h else "")) for k in ks for h in hs]
