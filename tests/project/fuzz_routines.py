"""Fuzz every routine of pxf._fpxf with generated arguments (hypothesis).

usage: python fuzz_routines.py SECONDS    (prints one JSON line)

Run by tests/project/test_fuzz.py as nobody, under RLIMIT_NPROC, in new PID and
IPC namespaces (so kill(-1, ...) reaches only the fuzzer's own processes
and NSG segments vanish with it). Layout:

  driver (this process, outside the namespace)
    -> init (pid 1 of the namespace: reaps every orphan, times the workers)
         -> one worker per routine, in its own process group, its stdout
            and stderr on /dev/null, calling the routine with generated
            arguments until its share of the time is used

Each worker counts its cases and writes the arguments of the case it is
about to run into a shared page before the call, so a worker killed by a
signal (a crash in the library) or one that overruns its time (a hang)
names the case. Invariants checked per call: the call returns (or f2py
refuses the arguments with a Python exception); IERROR is 0, an errno
value or a 1003.9 code; and after a failure (IERROR nonzero, not ETRUNC)
the outputs follow docs/conventions.md, "Outputs after a failure": every
integer output -1, every string output blanks (f2py drops a string's
trailing blanks, so it comes back empty; PXFREAD's byte buffer comes back
whole), an in-out handle as it went in, or -1 where it went in as 0.
Each worker also counts the failed calls whose outputs it checked.
Constraints on the arguments, and why:
  - PXFSLEEP: seconds <= 0 (a long sleep is not a hang);
  - PXFGETGROUPS, PXFAINTGET: an output extent from -3 to 300, as often
    at most 0 as not (f2py allocates it; a user with no supplementary
    group fails only below 0);
  - PXFSYSTEM: the shell finds no program (PATH names no directory, as for
    the exec routines), so only its builtins and absolute paths run;
  - PXFEXIT, PXFFASTEXIT: called in a fork of the worker, whose exit status
    must be the low 8 bits of the argument;
  - the exec routines: called in a fork of the worker, with PATH naming no
    directory, so a generated name is not looked up among real programs;
  - a fork routine's child leaves at once with _exit(0);
  - the worker ignores every signal it can, so a generated kill(0, SIGINT)
    does not end it; the signals it cannot ignore (SIGKILL, SIGSTOP and
    glibc's own 32 and 33) become 0
    in PXFKILL and in the exit-signal bits of PXFRFORK (a crash still
    shows: the kernel delivers a fault's SIGSEGV even when ignored).
Everything else, file descriptors, pids, signals, handles, flags, paths,
is generated freely: the namespaces and the per-routine worker contain
the damage (closed descriptors, a cleared environment, signals).
"""
import ctypes
import errno
import json
import mmap
import os
import signal
import sys
import time

import numpy as np
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
# f2py renames an argument whose name C or its own code uses (index ->
# index_bn, len -> len_bn): its wrappers take that keyword instead.
from numpy.f2py.crackfortran import badnames as F2PY_RENAMED

from pxf import _fpxf
from pxf._routines import FORTRAN_ONLY, OUTPUT_EXTENTS, ROUTINES

SLOT = 8192          # per routine: count, failed calls checked (8 bytes each),
CASE = 16            # then the current case
PXF_CODES = range(4850, 4857)
ETRUNC = 4852
BLANK = ord(" ")
INT32 = st.one_of(st.integers(-2**31, 2**31 - 1),
                  st.sampled_from([0, 1, -1, 2, 3, 17, 255, 256, 4096, 65535, 65536,
                                   2**31 - 1, -2**31]))
INT64 = st.one_of(st.integers(-2**63, 2**63 - 1), INT32)
PATHS = st.sampled_from([b"", b"/", b"/tmp", b"/dev/null", b"/proc/self/stat",
                         b"/nonexistent", b"/bin", b"SIGTERM", b"utsname", b"flock",
                         b"tms", b"sysname", b"l_type", b"HOME", b"rad", b"/dev/zero"])
BYTES = st.one_of(st.binary(max_size=80), PATHS)
F2PY_ERROR = getattr(_fpxf, "__fpxf_error")  # f2py's refusal of an argument
FORKS = {"PXFFORK", "PXFRFORK", "PXFNFORK", "PXFRADFORK"}
EXITS = {"PXFEXIT", "PXFFASTEXIT"}
EXECS = {"PXFEXECV", "PXFEXECVE", "PXFEXECVP"}


def _unignorable():
    """SIGKILL, SIGSTOP and the signals glibc keeps for itself (32, 33),
    whose action cannot be changed: kill() with them would end the worker."""
    valid = signal.valid_signals()
    out = {signal.SIGKILL, signal.SIGSTOP} | {s for s in range(1, 65) if s not in valid}
    for sig in valid:
        try:
            signal.signal(sig, signal.getsignal(sig) or signal.SIG_DFL)  # no change
        except (OSError, ValueError, TypeError):
            out.add(sig)
    return out


UNIGNORABLE = _unignorable()


def strategy(routine):
    """Keyword arguments for the raw f2py function of ROUTINE: its inputs,
    array counts included (any value: f2py refuses one beyond the arrays,
    which is what reaches the Fortran layer through USE pxf)."""
    _, _, _, args = ROUTINES[routine]
    fields = {}
    for name, typ, intent, kind in args:
        if intent == "out":
            continue
        if name in OUTPUT_EXTENTS.get(routine, {}).values():
            # f2py allocates the output array this count sizes
            fields[name] = st.one_of(st.integers(-3, 0), st.integers(1, 300))
        elif typ == "int":
            fields[name] = INT64 if kind == "8" else INT32
        elif typ == "str":
            fields[name] = BYTES
        elif typ == "strarr":
            fields[name] = st.lists(BYTES, min_size=1, max_size=4)
        elif typ == "intarr":
            fields[name] = st.lists(INT32, min_size=1, max_size=4)
    if routine == "PXFSLEEP":
        fields["iseconds"] = st.integers(-2**31, 0)
    if routine == "PXFKILL":
        fields["isig"] = INT32.map(lambda s: 0 if s in UNIGNORABLE else s)
    if routine == "PXFRFORK":
        fields["iflags"] = INT32.map(
            lambda f: f & ~(0xFF << 20) if (f >> 20) & 0xFF in UNIGNORABLE else f)
    return st.fixed_dictionaries(fields)


def prepare(routine, values):
    """The generated values as f2py takes them, by its keywords."""
    _, _, _, args = ROUTINES[routine]
    call = {}
    for name, typ, intent, kind in args:
        if name not in values:
            continue
        v = values[name]
        if typ == "strarr":
            width = max(len(b) for b in v) or 1
            v = np.array([b.ljust(width) for b in v], dtype=f"S{width}")
        elif typ == "str" and routine == "PXFWRITE":
            v = np.frombuffer(v or b"\0", dtype=np.int8)
        call[F2PY_RENAMED.get(name, name)] = v
    return call


def outputs_of(routine, result):
    """{name: (type, value)} of the outputs f2py returned (the in-out
    arguments among them, in order), ierror last; None for a routine
    without ierror (the functions, PXFUCOMPARE)."""
    _, _, kind, args = ROUTINES[routine]
    if kind is not None or not any(n == "ierror" for n, *_ in args):
        return None
    outs = [(n, t) for n, t, i, k in args if i != "in"]
    values = [result] if len(outs) == 1 else list(result)
    return {n: (t, v) for (n, t), v in zip(outs, values, strict=True)}


def wrong_failure_outputs(routine, call, outputs):
    """The outputs of a failed call that break the rule of
    docs/conventions.md (every integer -1, every logical false, every
    string blank, an in-out handle unchanged or, where it was 0, -1); CALL
    holds the inputs."""
    wrong = {}
    extents = OUTPUT_EXTENTS.get(routine, {})
    for name, (typ, v) in outputs.items():
        if name == "ierror":
            continue
        if name in extents:
            v = v[:max(call[extents[name]], 0)]
        if name in call:                  # in-out
            ok = int(v) == (call[name] or -1)
        elif typ == "int":
            ok = int(v) == -1
        elif typ == "logical":
            ok = not v
        elif typ == "intarr":
            ok = bool(np.all(v == -1))
        elif isinstance(v, np.ndarray):   # PXFREAD's buffer, as bytes
            ok = bool(np.all(v == BLANK))
        else:
            ok = set(bytes(v)) <= {BLANK}
        if not ok:
            wrong[name] = v if typ == "int" else bytes(v)[:40]
    return wrong


class OutOfTime(BaseException):
    """Ends a batch of examples at the deadline (hypothesis lets a
    BaseException through at once)."""


def worker(routine, slot, deadline):
    """Call ROUTINE with generated arguments until DEADLINE."""
    me = os.getpid()
    func = getattr(_fpxf, routine.lower())
    fields = strategy(routine)

    def note(text):
        raw = text.encode("utf-8", "replace")[:SLOT - 16]
        slot[CASE:CASE + len(raw) + 1] = raw + b"\0"

    @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fields)
    def case(values):
        # Past the deadline only after a first case: the routines' turns
        # come one after another, and where earlier ones overran theirs (a
        # loaded machine, a sanitized build) a late turn may start past it.
        if int.from_bytes(slot[0:8], "little") > 0 and time.monotonic() > deadline:
            raise OutOfTime
        call = prepare(routine, values)
        note(f"{routine}({call!r})")
        n = int.from_bytes(slot[0:8], "little") + 1
        slot[0:8] = n.to_bytes(8, "little")
        if routine in EXITS:
            child = os.fork()
            if child == 0:
                func(**call)
                os._exit(250)          # not reached
            _, status = os.waitpid(child, 0)
            want = call["istatus"] & 0xFF
            if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == want):
                raise AssertionError(f"exit status {status:#x}, expected {want}")
            return
        if routine in EXECS:
            child = os.fork()
            if child == 0:
                try:
                    func(**call)
                finally:
                    os._exit(0)       # returned: the exec failed
            os.waitpid(child, 0)
            return
        try:
            result = func(**call)
        except (ValueError, TypeError, OverflowError, F2PY_ERROR):
            return                       # f2py refused the arguments
        if routine in FORKS and os.getpid() != me:
            os._exit(0)
        outputs = outputs_of(routine, result)
        if outputs is None:
            return
        ierr = int(outputs["ierror"][1])
        if ierr != 0 and not (0 < ierr < 4096 or ierr in PXF_CODES):
            raise AssertionError(f"ierror {ierr} is no errno or 1003.9 code")
        if ierr not in (0, ETRUNC):
            wrong = wrong_failure_outputs(routine, call, outputs)
            if wrong:
                raise AssertionError(f"ierror {ierr}: outputs {wrong} break the rule "
                                     "for outputs after a failure")
            failed = int.from_bytes(slot[8:16], "little") + 1
            slot[8:16] = failed.to_bytes(8, "little")

    try:
        while True:
            case()
    except OutOfTime:
        pass


def run_init(routines, seconds, report_fd):
    """Pid 1 of the namespace: run one worker per routine, reap everything."""
    # The namespace's init gets only the signals it handles: not SIGINT.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Hypothesis is slow on its first examples of a strategy; the workers
    # fork from here, so they start with warm caches and spend their share
    # on calls.
    for routine in routines:
        settings(max_examples=20, database=None, phases=[Phase.generate],
                 suppress_health_check=list(HealthCheck))(
            given(strategy(routine))(lambda values: None))()
    slots = mmap.mmap(-1, SLOT * len(routines))
    end = time.monotonic() + seconds
    results = {}
    for i, routine in enumerate(routines):
        slot = memoryview(slots)[i * SLOT:(i + 1) * SLOT]
        started = time.monotonic()
        # an equal share of what is left, so one slow routine costs the others
        deadline = started + max(end - started, 0) / (len(routines) - i)
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)
            os.close(report_fd)  # a generated write must not reach the report
            null = os.open("/dev/null", os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.environ["PATH"] = "/nonexistent"
            for sig in signal.valid_signals():
                if sig not in UNIGNORABLE | {signal.SIGCHLD}:  # wait needs SIGCHLD
                    try:
                        signal.signal(sig, signal.SIG_IGN)
                    except (OSError, ValueError):
                        pass
            try:
                worker(routine, slot, deadline)
                code = 0
            except BaseException as e:  # an invariant, or f2py raising the unexpected
                raw = repr(e).encode()[:2000]
                slot[SLOT - 2047:SLOT - 2047 + len(raw) + 1] = raw + b"\0"
                code = 3
            os._exit(code)
        status, outcome = None, None
        while status is None:
            for reaped, st_ in iter(lambda: _reap_any(), None):
                if reaped == pid:
                    status = st_
            if status is None:
                if time.monotonic() > deadline + 20:
                    os.killpg(pid, signal.SIGKILL)
                    outcome = "hang"
                time.sleep(0.005)
        count = int.from_bytes(slot[0:8], "little")
        failed = int.from_bytes(slot[8:16], "little")
        case = bytes(slot[CASE:SLOT - 2048]).split(b"\0", 1)[0].decode("utf-8", "replace")
        if outcome is None:
            if os.WIFSIGNALED(status):
                outcome = f"killed by signal {os.WTERMSIG(status)}"
            elif os.WEXITSTATUS(status) == 3:
                why = bytes(slot[SLOT - 2047:]).split(b"\0", 1)[0].decode()
                outcome = f"raised {why}"
            elif os.WEXITSTATUS(status) != 0:
                outcome = f"worker exit status {os.WEXITSTATUS(status)}"
        results[routine] = {"cases": count, "failed": failed, "seconds": round(time.monotonic() - started, 3), **({"failure": outcome, "case": case}
                                               if outcome else {})}
    while _reap_any() is not None:
        pass
    os.write(report_fd, json.dumps(results).encode())
    os.close(report_fd)


def _reap_any():
    """One exited child of this process (pid, status), or None."""
    try:
        pid, status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return None
    return (pid, status) if pid else None


def main():
    seconds = float(sys.argv[1])
    routines = [r for r in ROUTINES if r not in FORTRAN_ONLY]
    r, w = os.pipe()
    init = os.fork()
    if init == 0:
        os.close(r)
        run_init(routines, seconds, w)
        os._exit(0)
    os.close(w)
    chunks = []
    while True:
        chunk = os.read(r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(init, 0)
    results = json.loads(b"".join(chunks) or b"{}")
    print(json.dumps({"init_status": status, "pid1": init, "results": results}))


if __name__ == "__main__":
    main()
