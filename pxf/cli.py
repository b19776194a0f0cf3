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
from .consts import const


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


# Symbols of libpxf that show a feature is built in: the INTEGER(8)
# specific of PXFFORK in module pxf_process (gfortran's and flang's mangling), the
# implicit-interface external, the C cores of the fork variants.
_I8_SYMBOLS = ("__pxf_process_MOD_pxffork_i8", "_QMpxf_processPpxffork_i8")
_EXTERNAL_SYMBOL = "pxffork_"
_RFORK_SYMBOLS = ("pxf_rfork", "pxf_rfork_plan9", "pxf_rfork_thread", "pxf_spawn")
_NFORK_SYMBOLS = ("pxf_nfork", "nfork")
_BPROC_SYMBOLS = ("bproc_rfork",)


def _exports(*names: str) -> bool:
    """Whether libpxf defines every one of names."""
    from ._libpxf import libpxf
    lib = libpxf()
    return all(hasattr(lib, n) for n in names)


def features() -> dict[str, str]:
    """What this build can do, found out rather than assumed: from the
    library's symbols, the extension, the installed modules and the
    build's configuration (_config)."""
    from . import _fork_hooks, _fpxf, _routines
    missing = [r for r in _routines.ROUTINES
               if r not in _routines.FORTRAN_ONLY and not hasattr(_fpxf, r.lower())]
    mods = sorted(f for f in os.listdir(_config.MODDIR) if f.endswith(".mod")) \
        if os.path.isdir(_config.MODDIR) else []
    i8 = any(_exports(s) for s in _I8_SYMBOLS)
    return {
        "routines": "all present" if not missing else "missing " + " ".join(missing),
        "fortran modules": " ".join(mods) or "none installed",
        "INTEGER(8) interfaces": "yes (USE pxf / USE ifposix)" if i8 else "no",
        "implicit-interface externals": ("yes (CALL PXFFORK(IPID, IERROR) without USE)"
                                         if _exports(_EXTERNAL_SYMBOL) else "no"),
        "python fork hooks": ("yes (interpreter before/after-fork steps run around PXFFORK)"
                              if _fork_hooks.installed else "no"),
        "rfork": ("yes (FreeBSD and Plan 9 flags, rfork_thread, spawn)"
                  if _exports(*_RFORK_SYMBOLS) else "no"),
        "nfork": (f"yes (Tru64 NUMA API; {numa_source()})" if _exports(*_NFORK_SYMBOLS)
                  else "no (this build has no NUMA family: built without hwloc)"),
        "bproc_rfork": "yes" if _exports(*_BPROC_SYMBOLS) else "no (not in this release)",
    }


def numa_source() -> str:
    """Where the NUMA topology comes from, and whether the machine's can be
    read (hwloc is loaded at run time: it may be missing)."""
    from . import numa
    try:
        numa.hwloc_status()
        machine = ""
    except OSError as e:
        machine = f"machine topology unavailable: {e.strerror}"
    override = os.environ.get("PXF_NUMA_TOPOLOGY")
    if override:
        return f"topology from the override file {override}" + (f"; {machine}" if machine else "")
    if machine:
        return machine + "; an override file (PXF_NUMA_TOPOLOGY) works"
    return "topology from hwloc"


def routine_lines() -> list[str]:
    """`pxf info --routines`: by family, the routines this build implements
    and the routines of the PXF catalog it does not implement yet."""
    from . import _routines
    titles = {**_routines.FAMILIES, **_routines.PLANNED_FAMILIES}
    lines = [f"routines: {len(_routines.ROUTINES)} implemented, {len(_routines.PLANNED)} "
             "planned (in the PXF catalog, not implemented yet)"]
    for fam, title in titles.items():
        done = [n for n, (f, *_) in _routines.ROUTINES.items() if f == fam]
        todo = [n for n, (f, *_) in _routines.PLANNED.items() if f == fam]
        lines.append(f"{fam} ({title}): {len(done)} implemented, {len(todo)} planned")
        lines += [f"  {what}: {' '.join(names)}"
                  for what, names in (("implemented", done), ("planned", todo)) if names]
    return lines


def cmd_info(args: argparse.Namespace) -> int:
    from . import _routines
    if args.routines:
        print("\n".join(routine_lines()))
        return 0
    print(f"pxf {_config.VERSION}")
    print(f"compiler: {_config.FC_NAME} {_config.FC_VERSION} ({_config.FC})")
    print(f"layout: {_config.LAYOUT}")
    print(f"library: {_config.LIBDIR}")
    print(f"modules: {_config.MODDIR}")
    print("features:")
    for k, v in features().items():
        print(f"  {k}: {v}")
    print("NUMA RADs:")
    if not _config.NUMA:
        print("  none: this build has no NUMA family")
    else:
        from . import numa
        try:
            print_topology(topology(), indent="  ")
        except OSError as e:
            print(f"  unavailable: {e}")
    print(f"routines ({len(_routines.ROUTINES)}):")
    for fam, title in _routines.FAMILIES.items():
        names = [n for n, (f, *_) in _routines.ROUTINES.items() if f == fam]
        print(f"  {title}: {' '.join(names)}")
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    """Everywhere routine NAME lives, paths relative to the source tree."""
    from ._where import WHERE
    name = args.name.upper()
    w = WHERE.get(name)
    if w is None:
        return error(f"no routine {args.name} in the routine table (pxf info lists them)", 2)
    print(f"{name} ({w['family']}): {w['summary']}")
    print(f"  table:   {w['table']}")
    header = f" (declared in {w['c_header']})" if w["c_header"] else ""
    print(f"  C:       {w['c_function']}() in {w['c_file']}{header}")
    fortran = f"{w['fortran'][0]} (interface, module pxf_{w['family']}); "
    if w["fortran_body"]:
        fortran += f"body {w['fortran_body']} in {w['fortran'][1]}"
    else:
        fortran += f"body generated ({w['fortran'][1]})"
    print(f"  Fortran: {fortran}")
    if w["python_function"]:
        print(f"  Python:  pxf.{w['python_function']}() in {w['python_file']}")
    else:
        print("  Python:  none (Fortran only, or written in Python without the routine)")
    print(f"  tests:   {' '.join(w['tests']) or 'none'}")
    print(f"  docs:    {w['doc']}")
    return 0


def cpu_ranges(cpus) -> str:
    """0,1,2,5 -> '0-2,5' (the kernel's list form)."""
    parts: list[str] = []
    for c in sorted(cpus):
        if parts and parts[-1][1] == c - 1:
            parts[-1] = (parts[-1][0], c)
        else:
            parts.append((c, c))
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in parts) or "-"


def print_topology(t, indent="") -> None:
    gib = 2**30
    ids = [r.id for r in t.rads]
    print(f"{indent}{'RAD':>3}  {'state':7} {'CPUs':12} {'memory':>10} {'free':>10} "
          f"{'load':>5}  distances to {' '.join(map(str, ids))}")
    for r in t.rads:
        if not r.online:
            print(f"{indent}{r.id:>3}  offline")
            continue
        dist = " ".join(str(r.distances.get(o, "-")) for o in ids)
        print(f"{indent}{r.id:>3}  online  {cpu_ranges(r.cpus):12} "
              f"{r.physmem / gib:6.1f} GiB {r.freemem / gib:6.1f} GiB {r.load:>4}%  {dist}")


def topology():
    """numa.topology(); an error reading the override file names it (the
    library reads PXF_NUMA_TOPOLOGY itself, and its errno has no name)."""
    from . import numa
    try:
        return numa.topology()
    except OSError as e:
        override = os.environ.get("PXF_NUMA_TOPOLOGY")
        if e.filename is None and override:
            raise OSError(e.errno, e.strerror, override) from e
        raise


def error(message: str, status: int = 1) -> int:
    print(f"pxf: error: {message}", file=sys.stderr)
    return status


def cmd_numa(args: argparse.Namespace) -> int:
    """The topology, and where nfork would put a child now."""
    if not _config.NUMA:
        return error(_config.NO_NUMA, 2)
    from . import numa
    if args.distance is None:
        args.distance = numa.RAD_DIST_LOCAL
    if args.topology:
        numa.set_topology(args.topology)
    t = topology()
    print_topology(t)
    flags = 0
    for name in filter(None, args.flags.split(",")):
        full = "RAD_" + name.strip().upper().removeprefix("RAD_")
        try:
            flags |= const(full)
        except OSError:
            return error(f"unknown flag {full}")
    if args.path is not None:
        attr, what = numa.NumaAttr(numa.R_PATH, args.path, args.distance, flags), args.path
    elif args.pid is not None:
        attr, what = numa.NumaAttr(numa.R_PID, args.pid, args.distance, flags), f"pid {args.pid}"
    else:
        try:
            rads = [int(x) for x in args.rads.split(",")] if args.rads else \
                [r.id for r in t.rads if r.online]
        except ValueError:
            return error(f"--rads {args.rads}: not a list of RAD numbers (R,R)", 2)
        attr, what = numa.NumaAttr(numa.R_RAD, rads, args.distance, flags), \
            "RADs " + ",".join(map(str, rads))
    try:
        home, cands = numa.choose(attr)
    except OSError as e:
        return error(f"nfork near {what}: {e.strerror}")
    print(f"nfork near {what} (distance {args.distance}, flags {args.flags or 'none'}): "
          f"home RAD {home}, candidates {','.join(map(str, sorted(cands)))}, "
          f"child CPUs {cpu_ranges(t.rad(home).cpus)}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pxf", description=__doc__)
    p.add_argument("--version", action="version", version=f"pxf {_config.VERSION}")
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
    info.add_argument("--routines", action="store_true",
                      help="only the routines, by family: implemented and planned")
    info.set_defaults(func=cmd_info)
    wh = sub.add_parser("where", help="where routine NAME lives: C, Fortran, Python, "
                        "tests, docs (paths in the source tree)")
    wh.add_argument("name", metavar="NAME", help="a PXF routine, any case (pxffork)")
    wh.set_defaults(func=cmd_where)
    nm = sub.add_parser("numa", help="NUMA topology, and the RAD nfork would choose")
    nm.add_argument("--topology", metavar="FILE", help="an override file (docs/numa.md)")
    nm.add_argument("--flags", default="", metavar="F,F",
                    help="RAD_ flags: smallmem, largemem, insist ...")
    # (a build without the NUMA family has no RAD_DIST_LOCAL: cmd_numa
    # refuses before the default is used)
    nm.add_argument("--distance", type=int, default=None,
                    help="nattr_distance (default RAD_DIST_LOCAL, local)")
    where = nm.add_mutually_exclusive_group()
    where.add_argument("--rads", metavar="R,R", help="a RAD set (default: every RAD)")
    where.add_argument("--path", help="a file, device node or PCI bus id")
    where.add_argument("--pid", type=int, help="a process")
    nm.set_defaults(func=cmd_numa)
    return p


def closed_stdout() -> int:
    """The reader of stdout went away (`pxf info | head -1`): no message,
    no traceback, and exit status 1, as the Python documentation has
    tools do on EPIPE (signal module, "Note on SIGPIPE"). Stdout goes to
    /dev/null so that the interpreter's own flush at exit fails no more."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()    # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        return closed_stdout()
    except (OSError, build.BuildError) as e:
        # every OSError raised here carries the file or value at fault
        return error(str(e))


if __name__ == "__main__":
    sys.exit(main())
