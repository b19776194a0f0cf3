#!/usr/bin/env python3
"""Fork round trip (fork, child _exits, parent waits): what linking libpxf
costs every fork, and PXFFORK against C.

One Fortran source (fork_roundtrip.F90) is built twice with the same
compiler and flags: with libpxf (PXFFORK+PXFWAITPID interleaved with C
fork()+waitpid() in one process) and without it (the same C
fork()+waitpid() alone). The two programs run in alternation, a batch
each per round, so machine noise hits both. Then Python os.fork() +
os.waitpid() interleaved with pxf.fork() + pxf.waitpid() in this process.
Medians of many iterations. Targets: PXFFORK+PXFWAITPID and fork() in the
program with libpxf within 1.05x of fork() in the program without it;
PXFFORK within 1.10x of C fork() in the same process.

usage: python benchmarks/bench_fork.py [ITERATIONS [ROUNDS]]
       (defaults 3000 iterations of each kind, in 10 rounds)
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
SOURCE = os.path.join(HERE, "fork_roundtrip.F90")
FLAGS = ["-O2", "-cpp"]


def build_programs(tmp: str) -> tuple[str, str]:
    """fork_roundtrip with libpxf and without it: same source, compiler,
    flags and clock.o; only -DWITH_PXF and the library differ."""
    obj = os.path.join(tmp, "clock.o")
    subprocess.run(["cc", "-O2", "-c", os.path.join(HERE, "clock.c"), "-o", obj], check=True)
    linked = os.path.join(tmp, "fork_with_pxf")
    build.compile_program([SOURCE, obj], linked, extra=[*FLAGS, "-DWITH_PXF"])
    unlinked = os.path.join(tmp, "fork_without_pxf")
    subprocess.run([build.fc(), *FLAGS, SOURCE, obj, "-o", unlinked], check=True)
    return linked, unlinked


def run_batch(exe: str, n: int, samples: dict[str, list[int]]) -> int:
    """Run exe for n iterations; add its samples; return its mapping count."""
    out = subprocess.run([exe, str(n)], check=True, capture_output=True, text=True).stdout
    vmas = -1
    for line in out.splitlines():
        kind, value = line.split()
        if kind == "vmas":
            vmas = int(value)
        else:
            samples.setdefault(kind, []).append(int(value))
    return vmas


def fortran_samples(n: int, rounds: int) -> tuple[dict, dict, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        linked, unlinked = build_programs(tmp)
        with_pxf: dict[str, list[int]] = {}
        without: dict[str, list[int]] = {}
        batch = -(-n // rounds)
        for r in range(rounds):
            todo = min(batch, n - r * batch)
            if todo <= 0:
                break
            # Alternate which program goes first, too.
            order = [(linked, with_pxf), (unlinked, without)]
            for exe, samples in (order if r % 2 == 0 else order[::-1]):
                vmas = run_batch(exe, todo, samples)
                if samples is with_pxf:
                    vmas_with = vmas
                else:
                    vmas_without = vmas
    return with_pxf, without, vmas_with, vmas_without


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
    rounds = count(2, 10)
    with_pxf, without, vmas_with, vmas_without = fortran_samples(n, rounds)
    py = python_samples(n)
    med = {"c0": statistics.median(without["c"]), "c": statistics.median(with_pxf["c"]),
           "pxf": statistics.median(with_pxf["pxf"]),
           **{k: statistics.median(v) for k, v in py.items()}}
    base = med["c0"]
    print(f"fork round trip, median of {n} iterations, {_config.FC_NAME} {_config.FC_VERSION}")
    print(f"one Fortran program built without libpxf ({vmas_without} mappings) and with it "
          f"({vmas_with} mappings), alternated in {rounds} rounds:")
    rows = [("fork()+waitpid(), without libpxf", "c0"), ("fork()+waitpid(), with libpxf", "c"),
            ("PXFFORK+PXFWAITPID, with libpxf", "pxf")]
    for label, key in rows:
        print(f"  {label:36s} {med[key] / 1000:8.1f} us   {med[key] / base:5.2f}x")
    print("Python (libpxf loaded), interleaved in this process:")
    for label, key in [("os.fork()+os.waitpid()", "os.fork"),
                       ("pxf.fork()+pxf.waitpid()", "pxf.fork")]:
        print(f"  {label:36s} {med[key] / 1000:8.1f} us   {med[key] / med['os.fork']:5.2f}x")
    link_c, link_pxf = med["c"] / base, med["pxf"] / base
    worst = max(link_c, link_pxf)
    print(f"with libpxf / without: fork() {link_c:.3f}, PXFFORK {link_pxf:.3f} "
          f"(target <= 1.05): {'met' if worst <= 1.05 else 'NOT met'}")
    ratio = med["pxf"] / med["c"]
    print(f"PXFFORK / C fork() in one process = {ratio:.3f} (target <= 1.10): "
          f"{'met' if ratio <= 1.10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
