#!/usr/bin/env python3
"""Fork round trip (fork, child _exits, parent waits) as ratios to C.

In one run: PXFFORK+PXFWAITPID from Fortran interleaved with C
fork()+waitpid() in the same Fortran process, then Python os.fork() +
os.waitpid() interleaved with pxf.fork() + pxf.waitpid() in this process.
Medians of many iterations; ratios against C fork() (target for PXFFORK:
within 1.10x).

usage: python benchmarks/bench_fork.py [ITERATIONS]   (default 3000)
Run it with the Python that has pxf installed (e.g. .venv/bin/python).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import pxf
from pxf import _config, build
from _smoke import count

HERE = os.path.dirname(os.path.abspath(__file__))


def fortran_samples(n: int) -> dict[str, list[int]]:
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "clock.o")
        subprocess.run(["cc", "-O2", "-c", os.path.join(HERE, "clock.c"), "-o", obj],
                       check=True)
        exe = os.path.join(tmp, "fork_roundtrip")
        build.compile_program([os.path.join(HERE, "fork_roundtrip.f90"), obj], exe,
                              extra=["-O2"])
        out = subprocess.run([exe, str(n)], check=True, capture_output=True,
                             text=True).stdout
    samples: dict[str, list[int]] = {"pxf": [], "c": []}
    for line in out.splitlines():
        kind, ns = line.split()
        samples[kind].append(int(ns))
    return samples


def python_samples(n: int) -> dict[str, list[int]]:
    samples: dict[str, list[int]] = {"os.fork": [], "pxf.fork": []}
    for _ in range(n):
        t0 = time.perf_counter_ns()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        samples["os.fork"].append(time.perf_counter_ns() - t0)
        t0 = time.perf_counter_ns()
        pid = pxf.fork()
        if pid == 0:
            pxf.fastexit(0)
        pxf.waitpid(pid)
        samples["pxf.fork"].append(time.perf_counter_ns() - t0)
    return samples


def main() -> int:
    n = count(1, 3000)
    f = fortran_samples(n)
    p = python_samples(n)
    med = {k: statistics.median(v) for k, v in {**f, **p}.items()}
    c = med["c"]
    print(f"fork round trip, median of {n} iterations, {_config.FC_NAME} {_config.FC_VERSION}")
    rows = [("C fork()+waitpid()", "c"), ("PXFFORK+PXFWAITPID (Fortran)", "pxf"),
            ("os.fork()+os.waitpid() (Python)", "os.fork"),
            ("pxf.fork()+pxf.waitpid() (Python)", "pxf.fork")]
    for label, key in rows:
        print(f"  {label:36s} {med[key] / 1000:8.1f} us   {med[key] / c:5.2f}x C")
    print(f"  pxf.fork()/os.fork() in Python: {med['pxf.fork'] / med['os.fork']:.2f}x")
    ratio = med["pxf"] / c
    print(f"PXFFORK/C = {ratio:.3f} (target <= 1.10): {'met' if ratio <= 1.10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
