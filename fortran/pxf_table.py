"""The routine table of pxf: one row per PXF routine.

Everything repetitive in the Fortran layer is generated from this table by
fypp (it is imported with ``fypp -m pxf_table``):

* the specific procedures of module ``pxf`` for every kind combination and
  the generic interfaces over them (fortran/pxf.fypp);
* the implicit-interface externals with default INTEGER, ``pxffork_`` ...
  (fortran/pxf_externals.fypp);
* module ``ifposix`` (fortran/ifposix.fypp);
* the f2py signature file of ``pxf._fpxf`` (fortran/_fpxf.pyf.fypp);
* the routine list that ``pxf info`` reports (pxf/_routines.py.fypp).

A routine with ``core`` set is generated whole: integer arguments only, the
core function takes the inputs by value and the outputs by pointer, in the
order of ``core_order`` (default: the Fortran order), and returns errno. A
routine with ``core=None`` has its body written by hand, as the fypp macro
``<name>_body`` in the family's template under fortran/; its signature still
comes from here.

Argument kinds: 'K' is the routine's integer kind (every specific exists for
INTEGER(4) and INTEGER(8)); 'H' is a structure handle, whose kind varies
independently (Intel passes INTEGER(8) handles with INTEGER(4) arguments);
'8' is always INTEGER(8).
"""


class Arg:
    def __init__(self, name, type, intent, kind="K", ctype="c_int", dim=None,
                 pylen=None, binary=False):
        self.name = name
        self.type = type        # 'int', 'str', 'strarr', 'intarr', 'proc'
        self.intent = intent    # 'in', 'out'
        self.kind = kind        # 'K', 'H', '8'
        self.ctype = ctype      # C type of the core argument (int args)
        self.dim = dim          # name of the count argument (arrays)
        self.pylen = pylen      # buffer length f2py allocates (str out)
        self.binary = binary    # bytes, not text: Python passes a byte array

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


def i8_in(name):
    return Arg(name, "int", "in", kind="8", ctype="c_long_long")


def i8_out(name):
    return Arg(name, "int", "out", kind="8", ctype="c_long_long")


def s_in(name):
    return Arg(name, "str", "in")


def s_out(name, pylen=4096):
    return Arg(name, "str", "out", pylen=pylen)


def sa_in(name, dim):
    return Arg(name, "strarr", "in", dim=dim)


def ia_in(name, dim):
    return Arg(name, "intarr", "in", dim=dim)


def proc_in(name):
    """A subroutine the caller passes (EXTERNAL, implicit interface)."""
    return Arg(name, "proc", "in")


IERROR = i_out("ierror")


class Routine:
    def __init__(self, name, args, family, summary, core=None, result=None,
                 flush=False, ierror=True, core_order=None, intel_variant=False,
                 python=True, blocks=False):
        self.name = name                  # as the user writes it: PXFFORK
        self.lname = name.lower()
        self.has_ierror = ierror
        self.args = list(args) + ([IERROR] if ierror else [])
        self.family = family              # docs/<family>.md
        self.summary = summary
        self.core = core                  # generated body calls this
        self.result = result              # None, 'logical' or 'int'
        self.flush = flush                # flush Fortran units first
        self.core_order = core_order      # core argument order, if different
        self.intel_variant = intel_variant  # ifposix has Intel semantics
        self.python = python              # in pxf._fpxf (not for callbacks)
        # Can wait (for a child, a descriptor, a lock, time): pxf._fpxf
        # releases the GIL around it. Never for routines that fork: the
        # interpreter's fork steps run inside them and need the GIL.
        self.blocks = blocks

    @property
    def is_function(self):
        return self.result is not None

    @property
    def never_returns(self):
        """A subroutine without ierror: the exit routines."""
        return not self.is_function and not self.has_ierror

    @property
    def has_handles(self):
        return any(a.is_handle for a in self.args)

    def core_args(self):
        """The arguments passed to the core function, in its order."""
        own = [a for a in self.args if a.name != "ierror"]
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


P, E, IO, H, C, R, N = ("process", "environment", "io", "handles", "constants",
                        "rfork", "numa")

ROUTINES = [
    # --- process primitives -------------------------------------------------
    Routine("PXFFORK", [i_out("ipid")], P,
            "fork(2): ipid = 0 in the child, the child's pid in the parent",
            core="pxf_fork", flush=True),
    Routine("PXFGETPID", [i_out("ipid")], P, "getpid(2)", core="pxf_getpid"),
    Routine("PXFGETPPID", [i_out("ipid")], P, "getppid(2)", core="pxf_getppid"),
    Routine("PXFWAIT", [i_out("istat"), i_out("iretpid")], P,
            "wait(2): raw status and the reaped pid", core="pxf_wait", blocks=True),
    Routine("PXFWAITPID", [i_in("ipid"), i_out("istat"), i_in("ioptions"),
                           i_out("iretpid")], P,
            "waitpid(2) with WNOHANG/WUNTRACED options", core="pxf_waitpid",
            core_order=["ipid", "ioptions", "istat", "iretpid"], blocks=True),
    Routine("PXFWIFEXITED", [i_in("istat")], P, "WIFEXITED(istat)",
            core="pxf_wifexited", result="logical", ierror=False),
    Routine("PXFWIFSIGNALED", [i_in("istat")], P, "WIFSIGNALED(istat)",
            core="pxf_wifsignaled", result="logical", ierror=False),
    Routine("PXFWIFSTOPPED", [i_in("istat")], P, "WIFSTOPPED(istat)",
            core="pxf_wifstopped", result="logical", ierror=False),
    Routine("IPXFWEXITSTATUS", [i_in("istat")], P, "WEXITSTATUS(istat)",
            core="pxf_wexitstatus", result="int", ierror=False),
    Routine("IPXFWTERMSIG", [i_in("istat")], P, "WTERMSIG(istat)",
            core="pxf_wtermsig", result="int", ierror=False),
    Routine("IPXFWSTOPSIG", [i_in("istat")], P, "WSTOPSIG(istat)",
            core="pxf_wstopsig", result="int", ierror=False),
    Routine("PXFKILL", [i_in("ipid"), i_in("isig")], P, "kill(2)",
            core="pxf_kill"),
    Routine("PXFEXIT", [i_in("istatus", ctype="c_long_long")], P,
            "exit(3): flushes units, runs atexit handlers; never returns",
            core="pxf_exit", flush=True, ierror=False),
    Routine("PXFFASTEXIT", [i_in("istatus", ctype="c_long_long")], P,
            "_exit(2): no flushing, no handlers; never returns",
            core="pxf_fastexit", ierror=False),
    Routine("PXFEXECV", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                         ia_in("lenargv", "iargc"), i_in("iargc")], P,
            "execv(2); returns only on failure"),
    Routine("PXFEXECVE", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc"),
                          sa_in("env", "ienvc"), ia_in("lenenv", "ienvc"),
                          i_in("ienvc")], P,
            "execve(2) with an explicit environment; returns only on failure"),
    Routine("PXFEXECVP", [s_in("file"), i_in("lenfile"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc")], P,
            "execvp(3): PATH search; returns only on failure"),
    Routine("PXFSLEEP", [i_in("iseconds"), i_out("isecleft")], P,
            "sleep(3): isecleft = seconds not slept", core="pxf_sleep", blocks=True),
    Routine("PXFALARM", [i_in("iseconds"), i_out("isecleft")], P,
            "alarm(2): isecleft = what remained of the previous alarm",
            core="pxf_alarm"),
    # --- rfork and spawn (docs/rfork.md) ------------------------------------
    Routine("PXFRFORK", [i_in("iflags"), i_out("ipid")], R,
            "FreeBSD rfork(2) with the RF* flags of PXFCONST",
            core="pxf_rfork", flush=True),
    Routine("PXFRFORKTHREAD", [i_in("iflags"), proc_in("sub"), i_in("iarg"),
                               i_in("istack"), i_out("ipid")], R,
            "rfork_thread(3): CALL SUB(IARG) in a child on its own stack",
            python=False),
    Routine("PXFSPAWN", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                         ia_in("lenargv", "iargc"), i_in("iargc"),
                         i_out("ipid")], R,
            "start a program (RFSPAWN: vfork-style); exec errors in ierror", blocks=True),
    Routine("PXFSPAWNP", [s_in("file"), i_in("lenfile"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc"),
                          i_out("ipid")], R,
            "PXFSPAWN with a PATH search for file", blocks=True),
    Routine("PXFSPAWNE", [s_in("path"), i_in("lenpath"), sa_in("argv", "iargc"),
                          ia_in("lenargv", "iargc"), i_in("iargc"),
                          sa_in("env", "ienvc"), ia_in("lenenv", "ienvc"),
                          i_in("ienvc"), i_out("ipid")], R,
            "PXFSPAWN with an explicit environment", blocks=True),
    # --- nfork and the Tru64 NUMA API (docs/numa.md) ---------------------------
    Routine("PXFNFORK", [h_in("jattr"), i_out("ipid")], N,
            "Tru64 nfork(3): fork onto a RAD chosen from a 'numa_attr' handle (0: fork)",
            core="pxf_nfork", flush=True),
    Routine("PXFRADFORK", [i_in("irad"), i_in("iflags"), i_out("ipid")], N,
            "rad_fork(3): fork onto RAD irad (iflags: RAD_NO_INHERIT)",
            core="pxf_rad_fork", flush=True),
    Routine("PXFNLOC", [h_in("jattr"), h_in("jradset")], N,
            "nloc(3): the RADs within nattr_distance of the resource",
            core="pxf_nloc"),
    Routine("PXFNFORKCHOICE", [h_in("jattr"), i_out("ihome"), h_in("jradset")], N,
            "the home RAD and candidates PXFNFORK would choose now (no fork)",
            core="pxf_nfork_choice"),
    Routine("PXFRADEMPTYSET", [h_in("jradset")], N, "rademptyset(3)",
            core="pxf_rademptyset"),
    Routine("PXFRADFILLSET", [h_in("jradset")], N,
            "radfillset(3): every online RAD", core="pxf_radfillset"),
    Routine("PXFRADADDSET", [h_in("jradset"), i_in("irad")], N, "radaddset(3)",
            core="pxf_radaddset"),
    Routine("PXFRADDELSET", [h_in("jradset"), i_in("irad")], N, "raddelset(3)",
            core="pxf_raddelset"),
    Routine("PXFRADISMEMBER", [h_in("jradset"), i_in("irad"), i_out("ismember")], N,
            "radismember(3): ismember = 1 or 0", core="pxf_radismember"),
    Routine("PXFRADCOUNTSET", [h_in("jradset"), i_out("icount")], N,
            "radcountset(3)", core="pxf_radcountset"),
    Routine("PXFRADISEMPTYSET", [h_in("jradset"), i_out("iempty")], N,
            "radisemptyset(3): iempty = 1 or 0", core="pxf_radisemptyset"),
    Routine("PXFRADCOPYSET", [h_in("jsrc"), h_in("jdst")], N, "radcopyset(3)",
            core="pxf_radcopyset"),
    Routine("PXFRADORSET", [h_in("jset1"), h_in("jset2"), h_in("jdst")], N,
            "radorset(3): jdst = jset1 | jset2", core="pxf_radorset"),
    Routine("PXFRADANDSET", [h_in("jset1"), h_in("jset2"), h_in("jdst")], N,
            "radandset(3): jdst = jset1 & jset2", core="pxf_radandset"),
    Routine("PXFRADDIFFSET", [h_in("jset1"), h_in("jset2"), h_in("jdst")], N,
            "raddiffset(3): jdst = jset1 - jset2", core="pxf_raddiffset"),
    Routine("PXFRADXORSET", [h_in("jset1"), h_in("jset2"), h_in("jdst")], N,
            "radxorset(3): jdst = jset1 ^ jset2", core="pxf_radxorset"),
    Routine("PXFRADNEXT", [h_in("jradset"), i_in("iafter"), i_out("irad")], N,
            "rad_foreach(3): the first member above iafter (-1: from the start); -1 at the end",
            core="pxf_radnext"),
    Routine("PXFRADGETNUM", [i_out("inum")], N, "rad_get_num(3): online RADs",
            core="pxf_rad_get_num"),
    Routine("PXFRADGETMAX", [i_out("imax")], N,
            "rad_get_max(3): highest possible RAD id + 1", core="pxf_rad_get_max"),
    Routine("PXFRADGETSTATE", [i_in("irad"), i_out("istate")], N,
            "rad_get_state(3): RAD_ONLINE or RAD_OFFLINE", core="pxf_rad_get_state"),
    Routine("PXFRADGETCPUS", [i_in("irad"), s_out("cpulist"), i_out("ilen")], N,
            "rad_get_cpus(3) as a Linux CPU list ('0-3,8'); ETRUNC with full ilen"),
    Routine("PXFRADGETFREEMEM", [i_in("irad"), i8_out("ipages")], N,
            "rad_get_freemem(3): free pages now", core="pxf_rad_get_freemem"),
    Routine("PXFRADGETPHYSMEM", [i_in("irad"), i8_out("ipages")], N,
            "rad_get_physmem(3): pages", core="pxf_rad_get_physmem"),
    Routine("PXFRADGETDISTANCE", [i_in("irad1"), i_in("irad2"), i_out("idist")], N,
            "distance between two RADs (SLIT x 10: local = RAD_DIST_LOCAL)",
            core="pxf_rad_distance"),
    Routine("PXFRADGETLOAD", [i_in("irad"), i_out("iload")], N,
            "CPU load of a RAD: percent of its CPUs' time busy, read now",
            core="pxf_rad_load"),
    Routine("PXFCPUGETRAD", [i_in("icpu"), i_out("irad")], N, "cpu_get_rad(3)",
            core="pxf_cpu_get_rad"),
    Routine("PXFRADGETCURRENTHOME", [i_out("irad")], N,
            "rad_get_current_home(3)", core="pxf_rad_get_current_home"),
    Routine("PXFNSGINIT", [i_in("ikey"), i_in("iflags"), i_out("insg")], N,
            "nsg_init(3): find or (NSG_CREATE) make a NUMA scheduling group",
            core="pxf_nsg_init", blocks=True),
    Routine("PXFNSGATTACHPID", [i_in("insg"), i_in("ipid"), i_in("iflags")], N,
            "nsg_attach_pid(3): ipid 0 = the caller", core="pxf_nsg_attach_pid", blocks=True),
    Routine("PXFNSGDETACHPID", [i_in("ipid")], N, "nsg_detach_pid(3)",
            core="pxf_nsg_detach_pid", blocks=True),
    Routine("PXFNSGDESTROY", [i_in("insg")], N, "nsg_destroy(3)",
            core="pxf_nsg_destroy", blocks=True),
    Routine("PXFNUMATOPOLOGY", [s_in("path"), i_in("lenpath")], N,
            "read the NUMA topology from an override file ('': the machine)", blocks=True),
    # --- environment ---------------------------------------------------------
    Routine("PXFGETENV", [s_in("name"), i_in("lenname"),
                          s_out("value", pylen=131072), i_out("lenval")], E,
            "getenv(3); unset: EINVAL; short value: ETRUNC, full lenval"),
    Routine("PXFSETENV", [s_in("name"), i_in("lenname"), s_in("new"),
                          i_in("lennew"), i_in("ioverwrite")], E,
            "setenv(3); ioverwrite = 0 keeps an existing value",
            intel_variant=True),
    Routine("PXFCLEARENV", [], E, "clearenv(3)", core="pxf_clearenv"),
    Routine("PXFUNAME", [h_in("jutsname")], E,
            "uname(2) into a 'utsname' handle", core="pxf_uname"),
    # --- input/output --------------------------------------------------------
    Routine("PXFPIPE", [i_out("ireadfd"), i_out("iwritefd")], IO, "pipe(2)",
            core="pxf_pipe"),
    Routine("PXFDUP", [i_in("ifildes"), i_out("ifid")], IO, "dup(2)",
            core="pxf_dup"),
    Routine("PXFDUP2", [i_in("ifildes"), i_in("ifildes2")], IO, "dup2(2)",
            core="pxf_dup2", blocks=True),
    Routine("PXFCLOSE", [i_in("ifildes")], IO, "close(2)", core="pxf_close", blocks=True),
    Routine("PXFREAD", [i_in("ifildes"),
                        Arg("buf", "str", "out", pylen=65536, binary=True),
                        i_in("nbyte"), i_out("nread")], IO,
            "read(2) into a character buffer, blank-filled after the data", blocks=True),
    Routine("PXFWRITE", [i_in("ifildes"), Arg("buf", "str", "in", binary=True),
                         i_in("nbyte"),
                         i_out("nwritten")], IO, "write(2) of nbyte bytes", blocks=True),
    # --- constants -----------------------------------------------------------
    Routine("PXFCONST", [s_in("constname"), i_out("ival")], C,
            "value of a symbolic constant; unknown: ENONAME",
            intel_variant=True),
    Routine("IPXFCONST", [s_in("constname")], C,
            "value of a symbolic constant; unknown: -1", result="int",
            ierror=False),
    Routine("PXFISCONST", [s_in("constname")], C,
            ".TRUE. iff the constant name is known", result="logical",
            ierror=False),
    # --- structure handles ---------------------------------------------------
    Routine("PXFSTRUCTCREATE", [s_in("structname"), h_out("jhandle")], H,
            "new zero-filled instance of a named structure"),
    Routine("PXFSTRUCTFREE", [h_in("jhandle")], H, "release an instance",
            core="pxf_struct_free"),
    Routine("PXFSTRUCTCOPY", [s_in("structname"), h_in("jhandle1"),
                              h_in("jhandle2")], H,
            "copy instance jhandle1 into jhandle2"),
    Routine("PXFINTGET", [h_in("jhandle"), s_in("compnam"), i_out("ivalue")], H,
            "integer component; EOVERFLOW if it does not fit"),
    Routine("PXFINTSET", [h_in("jhandle"), s_in("compnam"), i_in("ivalue")], H,
            "set an integer component"),
    Routine("PXFINT8GET", [h_in("jhandle"), s_in("compnam"), i8_out("ivalue")],
            H, "INTEGER(8) component"),
    Routine("PXFINT8SET", [h_in("jhandle"), s_in("compnam"), i8_in("ivalue")],
            H, "set an INTEGER(8) component"),
    Routine("PXFSTRGET", [h_in("jhandle"), s_in("compnam"), s_out("value"),
                          i_out("ilen")], H,
            "string component, blank-padded; ETRUNC with full ilen"),
    Routine("PXFSTRSET", [h_in("jhandle"), s_in("compnam"), s_in("value"),
                          i_in("ilen")], H, "set a string component"),
]

# Every module the library compiles: all of them are installed, because a
# flang .mod file refers to the modules it uses.
MODULES = ["pxf_errcodes", "pxf_cbind", "pxf_strings", "pxf", "ifposix"]

FAMILIES = {
    P: "Process primitives",
    E: "Process environment",
    IO: "Input/output primitives",
    C: "Symbolic constants",
    H: "Structure handles",
    R: "rfork and spawn",
    N: "nfork and the NUMA API",
}

KIND_NAMES = {"4": "int32", "8": "int64"}
