"""Process primitives: fork, wait, kill, exec, exit, sleep, alarm, system."""
from __future__ import annotations

import errno
import operator
import sys
from collections.abc import Iterable, Mapping
from typing import NoReturn

from . import _fpxf
from ._errors import check
from ._strings import argument, arguments, environment


def _flush_python() -> None:
    """Python-level buffers would otherwise be written by both processes
    (fork) or lost (exec, exit)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def fork() -> int:
    """fork(2) through PXFFORK: 0 in the child, the child's pid in the parent.

    Python's sys.stdout/sys.stderr, C stdio and every Fortran unit are
    flushed first, so nothing buffered is written twice; the interpreter's
    fork steps run around it exactly as for os.fork()."""
    _flush_python()
    pid, ierror = _fpxf.pxffork()
    check(ierror)
    return pid


def getpid() -> int:
    """getpid(2) through PXFGETPID."""
    pid, ierror = _fpxf.pxfgetpid()
    check(ierror)
    return pid


def getppid() -> int:
    """getppid(2) through PXFGETPPID."""
    pid, ierror = _fpxf.pxfgetppid()
    check(ierror)
    return pid


def wait() -> tuple[int, int]:
    """wait(2) through PXFWAIT: (pid, raw status). ChildProcessError when
    there is no child. Retried after EINTR (PEP 475), like os.wait()."""
    while True:
        status, pid, ierror = _fpxf.pxfwait()
        if ierror != errno.EINTR:
            check(ierror)
            return pid, status


def waitpid(pid: int, options: int = 0) -> tuple[int, int]:
    """waitpid(2) through PXFWAITPID: (pid, raw status); (0, 0) with WNOHANG
    when no child changed state. Retried after EINTR, like os.waitpid()."""
    while True:
        status, retpid, ierror = _fpxf.pxfwaitpid(pid, options)
        if ierror != errno.EINTR:
            check(ierror)
            return retpid, status


def wifexited(status: int) -> bool:
    """WIFEXITED(status) through PXFWIFEXITED."""
    return bool(_fpxf.pxfwifexited(status))


def wifsignaled(status: int) -> bool:
    """WIFSIGNALED(status) through PXFWIFSIGNALED."""
    return bool(_fpxf.pxfwifsignaled(status))


def wifstopped(status: int) -> bool:
    """WIFSTOPPED(status) through PXFWIFSTOPPED."""
    return bool(_fpxf.pxfwifstopped(status))


def wexitstatus(status: int) -> int:
    """WEXITSTATUS(status) through IPXFWEXITSTATUS."""
    return int(_fpxf.ipxfwexitstatus(status))


def wtermsig(status: int) -> int:
    """WTERMSIG(status) through IPXFWTERMSIG."""
    return int(_fpxf.ipxfwtermsig(status))


def wstopsig(status: int) -> int:
    """WSTOPSIG(status) through IPXFWSTOPSIG."""
    return int(_fpxf.ipxfwstopsig(status))


def kill(pid: int, sig: int) -> None:
    """kill(2) through PXFKILL."""
    check(_fpxf.pxfkill(pid, sig))


def exit(status: int = 0) -> NoReturn:
    """exit(3) through PXFEXIT: Fortran units and C stdio are flushed and C
    atexit handlers run, but Python's own cleanup does not (like os._exit
    in that respect). Never returns."""
    _flush_python()
    _fpxf.pxfexit(status)
    raise AssertionError("PXFEXIT returned")  # for type checkers: it cannot


def fastexit(status: int = 0) -> NoReturn:
    """_exit(2) through PXFFASTEXIT: nothing is flushed. Never returns."""
    _fpxf.pxffastexit(status)
    raise AssertionError("PXFFASTEXIT returned")  # for type checkers: it cannot


def execv(path: str | bytes, args: Iterable[str | bytes]) -> NoReturn:
    """execv(2) through PXFEXECV. Returns only by raising OSError
    (FileNotFoundError, PermissionError, ENOEXEC ...), with the process
    as it was. An empty ARGS, or an empty first element, raises
    ValueError, as in os.execv."""
    p, n = argument(path)
    argv, lens, argc = arguments(args, "execv() arg 2")
    _flush_python()
    _failed(_fpxf.pxfexecv(p, n, argv, lens, iargc=argc), path)


def execvp(file: str | bytes, args: Iterable[str | bytes]) -> NoReturn:
    """execvp(3) through PXFEXECVP (PATH search). Raises OSError on
    failure; ValueError for ARGS as execv (os.execvp's messages)."""
    p, n = argument(file)
    argv, lens, argc = arguments(args, "execv() arg 2")
    _flush_python()
    _failed(_fpxf.pxfexecvp(p, n, argv, lens, iargc=argc), file)


def execve(path: str | bytes, args: Iterable[str | bytes],
           env: Mapping[str, str] | Iterable[str]) -> NoReturn:
    """execve(2) through PXFEXECVE; env is a mapping or NAME=value strings.
    Raises OSError on failure; ValueError for ARGS as os.execve."""
    p, n = argument(path)
    argv, lens, argc = arguments(args, "execve: argv")
    envv, envlens, envc = environment(env)
    _flush_python()
    _failed(_fpxf.pxfexecve(p, n, argv, lens, envv, envlens, iargc=argc, ienvc=envc),
            path)


def _failed(ierror: int, filename: str | bytes) -> NoReturn:
    """An exec routine returned: it failed (ierror is never 0 then)."""
    check(ierror, filename=filename)
    raise AssertionError(f"an exec of {filename!r} returned without an error")


def system(command: str | bytes) -> int:
    """system(3) through PXFSYSTEMSTATUS, as os.system: the command's wait
    status (os.waitstatus_to_exitcode decodes it; 127 << 8 when the shell
    could not run it). Python's, C's and Fortran's buffered output is
    flushed first, so it comes before the command's. OSError when no
    process could be made (EAGAIN ...). A blank command is PXFSYSTEM's
    question "is there a shell?": 0 if there is (as os.system('') gives),
    FileNotFoundError if not."""
    _flush_python()
    b, n = argument(command)
    status, ierror = _fpxf.pxfsystemstatus(b, n)
    check(ierror)
    return status


def sleep(seconds: int) -> int:
    """sleep(3) through PXFSLEEP: the seconds left unslept when a signal
    interrupted it (0 otherwise). SECONDS is a whole number, as PXFSLEEP's
    INTEGER: a float raises TypeError rather than being cut (time.sleep
    takes fractions)."""
    left, ierror = _fpxf.pxfsleep(operator.index(seconds))
    check(ierror)
    return left


def alarm(seconds: int) -> int:
    """alarm(2) through PXFALARM: seconds that remained of the previous
    alarm; 0 cancels. SECONDS is a whole number (TypeError for a float,
    as for sleep and os.setuid)."""
    left, ierror = _fpxf.pxfalarm(operator.index(seconds))
    check(ierror)
    return left
