"""The ``pxf`` command: run Fortran programs against the library, print
build flags, and report what this build has."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile

from . import _config, build


def cmd_run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="pxf-run-") as tmp:
        exe = os.path.join(tmp, os.path.splitext(os.path.basename(args.file))[0])
        build.compile_program([args.file], exe, extra=args.fflags)
        try:
            result = subprocess.run([exe, *args.args])
        except KeyboardInterrupt:
            return 128 + signal.SIGINT
    # A program killed by a signal exits the way a shell reports it.
    return result.returncode if result.returncode >= 0 else 128 - result.returncode


def cmd_config(args: argparse.Namespace) -> int:
    items = {
        "fc": build.fc(),
        "fflags": " ".join(build.fflags()),
        "libs": " ".join(build.libs()),
        "moddir": _config.MODDIR,
        "libdir": _config.LIBDIR,
        "cflags": "-I" + _config.INCDIR,
        "pkgconfig": os.path.join(_config.LIBDIR, "pkgconfig"),
        "cmakedir": os.path.join(_config.LIBDIR, "cmake", "pxf"),
        "version": _config.VERSION,
    }
    wanted = [k for k in items if getattr(args, k)]
    if not wanted:
        for k in items:
            print(f"{k}: {items[k]}")
        return 0
    for k in wanted:
        print(items[k])
    return 0


def features() -> dict[str, str]:
    """What this build can do, found out rather than assumed."""
    from . import _fork_hooks, _fpxf, _routines
    missing = [r for r in _routines.ROUTINES
               if r not in _routines.FORTRAN_ONLY and not hasattr(_fpxf, r.lower())]
    mods = sorted(f for f in os.listdir(_config.MODDIR) if f.endswith(".mod")) \
        if os.path.isdir(_config.MODDIR) else []
    return {
        "routines": "all present" if not missing else "missing " + " ".join(missing),
        "fortran modules": " ".join(mods) or "none installed",
        "INTEGER(8) interfaces": "yes (USE pxf / USE ifposix)",
        "implicit-interface externals": "yes (CALL PXFFORK(IPID, IERROR) without USE)",
        "python fork hooks": ("yes (interpreter before/after-fork steps run around PXFFORK)"
                              if _fork_hooks.installed else "no"),
        "rfork": "no (not in this release)",
        "nfork": "no (not in this release)",
        "bproc_rfork": "no (not in this release)",
    }


def cmd_info(args: argparse.Namespace) -> int:
    from . import _routines
    print(f"pxf {_config.VERSION}")
    print(f"compiler: {_config.FC_NAME} {_config.FC_VERSION} ({_config.FC})")
    print(f"layout: {_config.LAYOUT}")
    print(f"library: {_config.LIBDIR}")
    print(f"modules: {_config.MODDIR}")
    print("features:")
    for k, v in features().items():
        print(f"  {k}: {v}")
    print(f"routines ({len(_routines.ROUTINES)}):")
    for fam, title in _routines.FAMILIES.items():
        names = [n for n, (f, *_) in _routines.ROUTINES.items() if f == fam]
        print(f"  {title}: {' '.join(names)}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pxf", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="compile FILE.f90 against pxf and run it")
    run.add_argument("file", metavar="FILE.f90")
    run.add_argument("args", nargs="*", metavar="ARGS",
                     help="arguments for the program (after --)")
    run.add_argument("--fflags", action="append", default=[],
                     help="extra compiler flag (repeatable)")
    run.set_defaults(func=cmd_run)
    cfg = sub.add_parser("config", help="print build flags for Fortran programs")
    for name, text in [("fc", "the Fortran compiler"),
                       ("fflags", "compiler flags (module directory)"),
                       ("libs", "linker flags"), ("moddir", "the .mod directory"),
                       ("libdir", "the library directory"),
                       ("cflags", "C compiler flags"),
                       ("pkgconfig", "directory of pxf.pc"),
                       ("cmakedir", "directory of pxf-config.cmake (pxf_DIR)"),
                       ("version", "the pxf version")]:
        cfg.add_argument("--" + name, action="store_true", help=text)
    cfg.set_defaults(func=cmd_config)
    info = sub.add_parser("info", help="version, compiler, routines, features")
    info.set_defaults(func=cmd_info)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except build.BuildError as e:
        print(f"pxf: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
