"""pxf: the POSIX 1003.9 (PXF) routines of Cray and Intel Fortran, for any
compiler, and from Python.

Every function here goes through the Fortran layer (the private f2py
extension ``pxf._fpxf``, which calls the same external routines a Fortran
program calls) and raises OSError when the routine returns a nonzero
ierror: the errno subclass for system errors (ChildProcessError,
FileNotFoundError ...), PXFError for the 1003.9 codes (ENONAME, ETRUNC ...).
"""
from . import _fpxf  # noqa: F401  (load the extension first: it loads libpxf)
from . import _fork_hooks
from ._config import VERSION as __version__
from ._errors import (EARRAYLEN, EBADHANDLE, EBADID, EEND, ENOHANDLE, ENONAME,
                      ETRUNC, PXFError)
from .consts import (F_OK, O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_DSYNC,
                     O_EXCL, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_RDWR, O_SYNC,
                     O_TRUNC, O_WRONLY, OS_CONSTANTS, R_OK, SEEK_CUR, SEEK_END, SEEK_SET,
                     W_OK, WCONTINUED, WNOHANG, WUNTRACED, X_OK, const, isconst, lentrim,
                     ucompare)
from .db import getgrgid, getgrnam, getpwnam, getpwuid
from .env import (UnameResult, argc, clearenv, ctermid, getarg, getegid, getenv, geteuid,
                  getgid, getgroups, getlogin, getpgrp, getuid, isatty, localtime, setenv,
                  setgid, setpgid, setsid, setuid, sysconf, time, times, uname)
from .files import (S_ISBLK, S_ISCHR, S_ISDIR, S_ISFIFO, S_ISREG, access, chdir, chmod,
                    chown, chroot, creat, fpathconf, fstat, getcwd, link, mkdir, mkfifo, open,
                    pathconf, remove, rename, rmdir, stat, umask, unlink, utime)
from .dirs import Dirent, closedir, listdir, opendir, readdir, rewinddir
from .io import (READ_MAX, Flock, close, dup, dup2, fcntl, getlk, lseek, pipe, pipe2, read,
                 setlk, setlkw, write)
from .process import (alarm, execv, execve, execvp, exit, fastexit, fork,
                      getpid, getppid, kill, sleep, system, wait, waitpid, wexitstatus,
                      wifexited, wifsignaled, wifstopped, wstopsig, wtermsig)
from .rfork import (RFCFDG, RFFDG, RFLINUXTHPN, RFMEM, RFNOWAIT, RFPROC,
                    RFSIGSHARE, RFSPAWN, RFTHREAD, RFTSIGFLAGS, RFTSIGZMB,
                    rfork, spawn, spawnp)
from ._config import NUMA as _NUMA
from .structs import (Struct, aint_get, aint_set, eint_get, eint_set, estr_get, int_get,
                      int_set, str_get, str_set, struct_copy, struct_create, struct_free)

if _NUMA:  # the NUMA family needs hwloc at build time (_config.NO_NUMA)
    from . import numa
    from .numa import nfork

_fork_hooks.install()

__all__ = [
    "__version__", "PXFError", "ENONAME", "ENOHANDLE", "ETRUNC", "EARRAYLEN", "EEND",
    "EBADHANDLE", "EBADID",
    "fork", "getpid", "getppid", "wait", "waitpid", "wifexited",
    "wifsignaled", "wifstopped", "wexitstatus", "wtermsig", "wstopsig",
    "kill", "exit", "fastexit", "execv", "execve", "execvp", "sleep", "alarm", "system",
    "getenv", "setenv", "clearenv", "uname", "UnameResult",
    "getuid", "geteuid", "getgid", "getegid", "setuid", "setgid", "getpgrp",
    "setsid", "setpgid", "time", "sysconf", "times", "ctermid", "argc", "getarg",
    "getgroups", "getlogin", "isatty", "localtime",
    "chdir", "getcwd", "mkdir", "mkfifo", "rmdir", "unlink", "remove", "rename", "link",
    "access", "chmod", "chown", "chroot", "umask", "pathconf", "fpathconf",
    "S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "stat", "fstat", "utime",
    "open", "creat", "listdir", "opendir", "readdir", "rewinddir", "closedir", "Dirent",
    "pipe", "pipe2", "dup", "dup2", "close", "read", "write", "lseek", "READ_MAX",
    "fcntl", "Flock", "getlk", "setlk", "setlkw",
    "const", "isconst", "lentrim", "ucompare",
    "getpwuid", "getpwnam", "getgrgid", "getgrnam",
    "rfork", "spawn", "spawnp", "RFFDG", "RFPROC", "RFMEM", "RFNOWAIT", "RFCFDG",
    "RFTHREAD", "RFSIGSHARE", "RFLINUXTHPN", "RFTSIGZMB", "RFSPAWN", "RFTSIGFLAGS",
    "Struct", "struct_create", "struct_free", "struct_copy", "int_get",
    "int_set", "str_get", "str_set", "estr_get", "aint_get", "aint_set", "eint_get",
    "eint_set", *OS_CONSTANTS,
] + (["numa", "nfork"] if _NUMA else [])
