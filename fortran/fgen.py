"""Fortran text for the rows of pxf_table, used by the fypp templates.

Kept apart from the table so the table stays plain data. Every function
returns source text (declarations, statements or interface bodies); the
templates decide where it goes.
"""
import re

from pxf_table import KIND_NAMES


def kind_of(arg, K, H):
    return {"K": K, "H": H, "8": "8"}[arg.kind]


def ftype(arg, K, H):
    """Fortran type of a dummy argument in the specific for (K, H)."""
    if arg.type in ("int", "intarr"):
        return f"integer({KIND_NAMES[kind_of(arg, K, H)]})"
    if arg.type == "logical":
        return "logical"
    return "character(len=*)"


def is_array(arg):
    return arg.type in ("strarr", "intarr")


def extent(arg, unknown):
    """An array dummy's shape: its fixed size, else UNKNOWN ('(:)' or '(*)')."""
    if not is_array(arg):
        return ""
    return f"({arg.size})" if arg.size else unknown


def dummy_decl(arg, K, H):
    """Module specifics take arrays assumed-shape, so the count argument
    can be checked against their sizes (EINVAL when it exceeds them)."""
    if arg.type == "proc":
        return f"external :: {arg.name}"
    return f"{ftype(arg, K, H)}, intent({arg.intent}) :: {arg.name}{extent(arg, '(:)')}"


def result_decl(routine, K):
    if routine.result == "logical":
        return "logical :: res"
    return f"integer({KIND_NAMES[K]}) :: res"


# --- external (implicit interface) wrappers: default kinds --------------------

def external_decl(arg):
    if arg.type == "proc":
        return f"external :: {arg.name}"
    if arg.type in ("int", "intarr"):
        t = "integer(int64)" if arg.kind == "8" else "integer"
    elif arg.type == "logical":
        t = "logical"
    else:
        t = "character(len=*)"
    return f"{t}, intent({arg.intent}) :: {arg.name}{extent(arg, '(*)')}"


def external_actuals(routine):
    """The actual arguments an external passes to the module generic. An
    assumed-size array has no size to check: the external passes the
    section its count names (none when the count is negative, which the
    module then rejects), so only the caller can keep the count honest."""
    return ", ".join(f"{a.name}(1:max({a.dim}, 0))" if a.dim else a.name
                     for a in routine.args)


# --- f2py signature file: the externals as Python sees them -------------------

def pyf_decls(routine):
    """Declarations of one routine's arguments in the .pyf.

    f2py turns character arguments into C strings, which stop at a NUL
    byte; a `binary` buffer is declared as a byte array instead, and a
    callstatement passes the hidden CHARACTER length the Fortran external
    expects (size_t, after the other arguments)."""
    lines = ["threadsafe"] if routine.blocks else []
    if any(a.binary for a in routine.args):
        call, proto, hidden = [], [], []
        for a in routine.args:
            if a.type == "str":
                call.append(a.name)
                proto.append("char*")
                hidden.append(f"(size_t){a.name}_Dims[0]" if a.binary
                              else f"(size_t)slen({a.name})")
            else:
                call.append("&" + a.name)
                proto.append("long long*" if a.kind == "8" else "int*")
        lines.append("callstatement (*f2py_func)(" + ",".join(call + hidden) + ")")
        lines.append("callprotoargument " + ",".join(proto + ["size_t"] * len(hidden)))
    counts = {a.dim for a in routine.args if a.dim}
    out_counts = {a.dim for a in routine.args if a.dim and a.intent == "out"}
    for a in routine.args:
        if a.name in out_counts:
            # the extent of an output array: the caller's choice (0: none)
            lines.append(f"integer intent(in) :: {a.name}")
        elif a.name in counts:
            # Optional, by default the arrays' length. f2py cannot pass an
            # empty array, so an empty list goes as one unused element with
            # the count 0; a count beyond the arrays is refused here.
            arrays = [b.name for b in routine.args if b.dim == a.name]
            fits = " && ".join(f"{a.name}<=len({b})" for b in arrays)
            lines.append(f"integer optional, intent(in), depend({','.join(arrays)}), "
                         f"check({a.name}>=0 && {fits}) :: {a.name} = len({arrays[0]})")
        elif a.type == "int":
            t = "integer*8" if a.kind == "8" else "integer"
            # f2py's intent(inout) is for arrays; a scalar goes in and
            # comes back among the results
            intent = "in,out" if a.intent == "inout" else a.intent
            lines.append(f"{t} intent({intent}) :: {a.name}")
        elif a.type == "logical":
            lines.append(f"logical intent(out) :: {a.name}")
        elif a.type == "intarr" and a.intent == "out":
            shape = a.size or f"max({a.dim},1)"
            depend = f", depend({a.dim})" if a.dim else ""
            lines.append(f"integer dimension({shape}), intent(out){depend} :: {a.name}")
        elif a.type == "intarr":
            lines.append(f"integer dimension(*), intent(in) :: {a.name}")
        elif a.type == "strarr":
            lines.append(f"character*(*) dimension(*), intent(in) :: {a.name}")
        elif a.binary and a.intent == "in":
            lines.append(f"integer*1 dimension(*), intent(in) :: {a.name}")
        elif a.binary:
            lines.append(f"integer*1 dimension({a.pylen}), intent(out) :: {a.name}")
        elif a.intent == "in":
            lines.append(f"character*(*) intent(in) :: {a.name}")
        else:
            lines.append(f"character*{a.pylen} intent(out) :: {a.name}")
    return lines


# --- generated bodies: integer arguments passed straight to the core ---------

def _fits(var, ctype):
    return f"{var} >= -huge(0_{ctype}) - 1 .and. {var} <= huge(0_{ctype})"


def _needs_range_check(src_kind, ctype):
    return src_kind == "8" and ctype == "c_int"


def core_interface(routine):
    """The bind(C) interface of the core function a generated routine calls."""
    cargs = routine.core_args()
    if any(a.intent == "inout" for a in cargs):
        raise ValueError(f"{routine.name}: an in-out argument needs a hand-written body")
    names = ", ".join(f"{a.name}, {a.name}_cap, {a.name}_len"
                      if a.type == "str" and a.intent == "out" else a.name for a in cargs)
    kinds = sorted({"c_char" if a.type == "str" else a.ctype for a in cargs} | {"c_int"}
                   | ({"c_size_t"} if _string_outputs(routine) else set()))
    lines = []
    noreturn = routine.never_returns
    if noreturn:
        lines.append(f"subroutine {routine.c_function}({names}) "
                     f"bind(C, name='{routine.c_function}')")
    else:
        lines.append(f"integer(c_int) function {routine.c_function}({names}) "
                     f"bind(C, name='{routine.c_function}')")
    lines.append(f"  import :: {', '.join(kinds)}")
    for a in cargs:
        if a.type == "str" and a.intent == "out":
            lines.append(f"  character(kind=c_char), intent(inout) :: {a.name}(*)")
            lines.append(f"  integer(c_size_t), value :: {a.name}_cap")
            lines.append(f"  integer(c_size_t), intent(out) :: {a.name}_len")
            continue
        if a.type == "str":
            lines.append(f"  character(kind=c_char), intent(in) :: {a.name}(*)")
            continue
        attr = "value" if a.intent == "in" else "intent(out)"
        lines.append(f"  integer({a.ctype}), {attr} :: {a.name}{extent(a, '(*)')}")
    lines.append(f"end {'subroutine' if noreturn else 'function'} {routine.c_function}")
    return lines


def generated_body(routine, K, H):
    """Statements of a routine that converts kinds and calls the core.

    Inputs that do not fit the C type give EINVAL (EBADHANDLE for handles);
    outputs that do not fit the caller's kind give EOVERFLOW; on failure
    the outputs follow the rule of docs/conventions.md, "Outputs after a
    failure" (fail_outputs: every integer output -1)."""
    cargs = routine.core_args()
    strings = [a for a in cargs if a.type == "str" and a.intent == "in"]
    string_outs = _string_outputs(routine)
    lines = [f"character(kind=c_char, len=:), allocatable :: c_{a.name}" for a in strings]
    lines += [f"integer(c_size_t) :: full_{a.name}" for a in string_outs]
    lines += [f"integer({a.ctype}) :: c_{a.name}{extent(a, '(:)')}"
              for a in cargs if a.type != "str"]
    if strings or string_outs:
        lines.append("integer :: serr")
    has_ierror = routine.has_ierror
    if has_ierror:
        lines.append("integer(c_int) :: rc")
    failure = {"logical": "res = .false.", "int": "res = -1"}.get(
        routine.result, "ierror = {code}")
    # strings first: the 1003.9 rules (length 0 trims; a bad length or an
    # embedded NUL is EINVAL), NUL-terminated for C
    for a in strings:
        lines.append(f"call c_string({a.name}, int({a.length}, int64), c_{a.name}, serr)")
        lines.append("if (serr /= 0) then")
        lines += [f"  {s}" for s in fail_outputs(routine)]
        lines.append(f"  ierror = int(serr, {KIND_NAMES[K]})")
        lines.append("  return")
        lines.append("end if")
    for a in cargs:
        if a.intent != "in" or a.type == "str":
            continue
        src = kind_of(a, K, H)
        if _needs_range_check(src, a.ctype):
            code = "PXF_EBADHANDLE" if a.is_handle else "PXF_EINVAL"
            lines.append(f"if (.not. ({_fits(a.name, a.ctype)})) then")
            lines += [f"  {s}" for s in fail_outputs(routine)]
            lines.append(f"  {failure.format(code=code)}")
            lines.append("  return")
            lines.append("end if")
        lines.append(f"c_{a.name} = int({a.name}, {a.ctype})")
    if routine.flush:
        lines.append("call flush()  ! buffered units would be written twice")
    actuals = [f"{a.name}, len({a.name}, c_size_t), full_{a.name}"
               if a.type == "str" and a.intent == "out" else "c_" + a.name for a in cargs]
    call = f"{routine.c_function}({', '.join(actuals)})"
    if routine.result == "logical":
        lines.append(f"res = {call} /= 0")
        return lines
    if routine.result == "int":
        lines.append(f"res = int({call}, {KIND_NAMES[K]})")
        return lines
    if not has_ierror:
        lines.append(f"call {call}")
        return lines
    lines.append(f"rc = {call}")
    outs = [a for a in cargs if a.intent == "out"]
    if outs:
        lines.append("if (rc == 0) then")
        for a in outs:
            if a.type == "str":
                # blank-padded, the full length returned, ETRUNC when short
                lines.append(f"  call finish_output({a.name}, int(full_{a.name}, int64), serr)")
                lines.append(f"  {a.length} = int(full_{a.name}, {KIND_NAMES[K]})")
                lines.append("  if (serr /= 0) rc = serr")
                continue
            if a.type == "logical":
                lines.append(f"  {a.name} = c_{a.name} /= 0")
                continue
            dst = kind_of(a, K, H)
            if dst == "4" and a.ctype == "c_long_long":
                fits = _fits('c_' + a.name, 'c_int')
                lines.append(f"  if (.not. all({fits})) rc = PXF_EOVERFLOW" if is_array(a)
                             else f"  if (.not. ({fits})) rc = PXF_EOVERFLOW")
            lines.append(f"  {a.name} = int(c_{a.name}, {KIND_NAMES[dst]})")
        lines.append("end if")
        # ETRUNC keeps the string's first LEN characters and the full length
        lines.append("if (rc /= 0 .and. rc /= PXF_ETRUNC) then" if string_outs
                     else "if (rc /= 0) then")
        lines += [f"  {s}" for s in fail_outputs(routine)]
        lines.append("end if")
    lines.append(f"ierror = int(rc, {KIND_NAMES[K]})")
    return lines


def _string_outputs(routine):
    return [a for a in routine.core_args() if a.type == "str" and a.intent == "out"]


def fail_outputs(routine):
    """The outputs' values after a failed call, the one rule of
    docs/conventions.md ("Outputs after a failure"): every INTEGER output
    -1 (arrays: every element, the first COUNT of an array with a count),
    every CHARACTER output all blanks, every LOGICAL output .FALSE.; an in-out handle (routine.h_io) -1 where it was
    0, the handle the call would have created, and otherwise untouched, an
    input. IERROR itself is not among them."""
    value = {"str": "' '", "logical": ".false."}
    return [f"if ({a.name} == 0) {a.name} = -1" if a.intent == "inout"
            else f"{_elements(a)} = {value.get(a.type, '-1')}"
            for a in routine.args if a.intent != "in" and a.name != "ierror"]


def _elements(arg):
    """An output as fail_outputs sets it: an array with a count only in
    the elements the count names (and the array has), so that a module
    caller's elements past the count stay untouched, as they do through
    the externals, which pass the module that section only."""
    if not arg.dim:
        return arg.name
    n = f"kind({arg.dim})"
    return (f"{arg.name}(1:min(max({arg.dim}, int(0, {n})), "
            f"size({arg.name}, kind={n})))")


def hand_body(routine, body):
    """A hand-written body (fortran/<family>/bodies.fypp) followed by the
    rule for outputs after a failure, so no hand-written routine can set
    them otherwise: when IERROR is nonzero, and not ETRUNC (where the string
    holds its first LEN characters and the length the full length), the
    outputs get fail_outputs. The body must therefore reach its end: a
    RETURN would skip the rule."""
    if re.search(r"^\s*return\b", body, re.M | re.I):
        raise ValueError(f"{routine.name}: a hand-written body may not RETURN "
                         "(the outputs after a failure are set after it)")
    outs = fail_outputs(routine)
    if not routine.has_ierror or not outs:
        return body
    cond = "ierror /= 0"
    if any(a.type == "str" and a.intent == "out" for a in routine.args):
        cond += " .and. ierror /= PXF_ETRUNC"
    return "\n".join([body.rstrip("\n"), f"    if ({cond}) then"]
                     + [f"      {s}" for s in outs] + ["    end if"])


def indent(lines, n=4):
    """Lines joined for a `$:` directive, which drops leading blanks."""
    return "\n".join(" " * n + line for line in lines)
