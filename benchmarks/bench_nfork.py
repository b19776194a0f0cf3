#!/usr/bin/env python3
"""nfork against fork() in one C process, and the cost of the placement
decision, on this machine and on an 8-RAD override topology.

Per run, interleaved in one process: fork()+waitpid(); nfork(NULL) (a plain
fork through the library); nfork over every RAD with the default balance
(free memory and load read, a home chosen, the child placed); nfork bound
to one RAD (RAD_INSIST); and pxf_numa_choose() alone (the decision, no
fork). Medians; ratios against fork() (target for nfork: <= 1.2x for a
small parent). The 8-RAD run maps its RADs onto this machine's CPUs, so
the children are placed for real there too.

usage: python benchmarks/bench_nfork.py [ITERATIONS]   (default 2000)
Run it with the Python that has pxf installed (e.g. .venv-gfortran/bin/python).
"""
import os
import statistics
import subprocess
import sys
import tempfile

from pxf import _config
from _smoke import count

HERE = os.path.dirname(os.path.abspath(__file__))


def eight_rads() -> str:
    """Eight RADs in two sockets over this machine's CPUs, all on node 0."""
    cpus = sorted(os.sched_getaffinity(0))
    lines = []
    for r in range(8):
        row = ",".join(str(10 if r == o else 12 if r // 4 == o // 4 else 30) for o in range(8))
        lines.append(f"rad {r} cpus={cpus[r % len(cpus)]} node=0 physmem=16G "
                     f"freemem={2 + r}G load={(r * 37) % 90} distance={row}")
    return "\n".join(lines) + "\n"


def run(exe: str, n: int, env: dict) -> dict[str, float]:
    out = subprocess.run([exe, str(n)], check=True, capture_output=True, text=True,
                         env=env).stdout
    samples: dict[str, list[int]] = {}
    for line in out.splitlines():
        kind, ns = line.split()
        samples.setdefault(kind, []).append(int(ns))
    return {k: statistics.median(v) for k, v in samples.items()}


def report(title: str, med: dict[str, float]) -> float:
    f = med["fork"]
    print(title)
    for label, key in [("fork()+waitpid()", "fork"), ("nfork(NULL)", "nfork_null"),
                       ("nfork(all RADs, balance)", "nfork_choose"),
                       ("nfork(one RAD, RAD_INSIST)", "nfork_insist")]:
        print(f"  {label:30s} {med[key] / 1000:8.1f} us   {med[key] / f:5.2f}x fork")
    print(f"  {'decision alone':30s} {med['decision'] / 1000:8.1f} us   "
          f"{med['decision'] / f:5.2f}x fork")
    return max(med["nfork_choose"], med["nfork_insist"]) / f


def main() -> int:
    n = count(1, 2000)
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "nfork_roundtrip")
        subprocess.run(["cc", "-O2", "-I" + _config.INCDIR,
                        os.path.join(HERE, "nfork_roundtrip.c"), "-o", exe,
                        "-L" + _config.LIBDIR, "-Wl,-rpath," + _config.LIBDIR, "-lpxf"],
                       check=True)
        topo = os.path.join(tmp, "eight.topo")
        with open(topo, "w") as f:
            f.write(eight_rads())
        env = {k: v for k, v in os.environ.items() if k != "PXF_NUMA_TOPOLOGY"}
        print(f"nfork round trips, median of {n} iterations")
        worst = report("this machine (hwloc)", run(exe, n, env))
        worst8 = report("8-RAD override topology", run(exe, n, dict(env, PXF_NUMA_TOPOLOGY=topo)))
    print(f"nfork/fork on this machine = {worst:.3f} (target <= 1.2): "
          f"{'met' if worst <= 1.2 else 'NOT met'}; on the 8-RAD override {worst8:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
