#!/usr/bin/env python3
"""Fork round trip (fork, child _exits, parent waits): what linking libpxf
costs every fork, and PXFFORK against C.

One Fortran source (fork_roundtrip.F90) is built twice with the same
compiler and flags: with libpxf (per iteration PXFFORK+PXFWAITPID, then C
fork()+waitpid()) and without it (C fork()+waitpid() in PXFFORK's place,
then the same C fork()+waitpid()), so both run the same loop. Each kind is
compared with the unlinked program's fork() in the same place. The two
programs run in alternation, a batch each per round, so machine noise hits
both. Then Python os.fork() +
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


def build_programs(tmp: str) -> dict[str, str]:
    """fork_roundtrip without libpxf, with it, and (for scale) with an empty
    shared library instead: same source, compiler, flags and clock.o."""
    obj = os.path.join(tmp, "clock.o")
    subprocess.run(["cc", "-O2", "-c", os.path.join(HERE, "clock.c"), "-o", obj], check=True)
    exes = {name: os.path.join(tmp, f"fork_{name}") for name in ("without", "with", "empty")}
    subprocess.run([build.fc(), *FLAGS, SOURCE, obj, "-o", exes["without"]], check=True)
    build.compile_program([SOURCE, obj], exes["with"], extra=[*FLAGS, "-DWITH_PXF"])
    # The floor of any shared library: one function, the linker's defaults.
    empty_c = os.path.join(tmp, "empty.c")
    with open(empty_c, "w") as f:
        f.write("int bench_empty(void) { return 0; }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-O2", empty_c, "-o",
                    os.path.join(tmp, "libbenchempty.so")], check=True)
    subprocess.run([build.fc(), *FLAGS, SOURCE, obj, "-o", exes["empty"], "-L" + tmp,
                    "-Wl,--no-as-needed", "-lbenchempty", "-Wl,-rpath," + tmp], check=True)
    return exes


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


def fortran_samples(n: int, rounds: int) -> tuple[dict, dict]:
    """Samples and mapping counts of each program, run in turn, a batch
    each per round, the order rotating from round to round."""
    with tempfile.TemporaryDirectory() as tmp:
        exes = build_programs(tmp)
        samples: dict[str, dict[str, list[int]]] = {name: {} for name in exes}
        vmas: dict[str, int] = {}
        names = list(exes)
        batch = -(-n // rounds)
        for r in range(rounds):
            todo = min(batch, n - r * batch)
            if todo <= 0:
                break
            for name in names[r % 3:] + names[:r % 3]:
                vmas[name] = run_batch(exes[name], todo, samples[name])
    return samples, vmas


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
    samples, vmas = fortran_samples(n, rounds)
    py = python_samples(n)
    med = {f"{prog}.{kind}": statistics.median(v)
           for prog, kinds in samples.items() for kind, v in kinds.items()}
    med.update({k: statistics.median(v) for k, v in py.items()})
    print(f"fork round trip, median of {n} iterations, {_config.FC_NAME} {_config.FC_VERSION}")
    print(f"one Fortran program built without libpxf ({vmas['without']} mappings), with it "
          f"({vmas['with']}) and with an empty shared library ({vmas['empty']}), "
          f"in turn, {rounds} rounds:")
    # each against the unlinked program's fork() in the same place of the loop
    rows = [("fork()+waitpid(), without libpxf", "without.first"),
            ("PXFFORK+PXFWAITPID, with libpxf", "with.first"),
            ("then fork()+waitpid(), without libpxf", "without.c"),
            ("then fork()+waitpid(), with libpxf", "with.c"),
            ("then fork()+waitpid(), empty library", "empty.c")]
    for label, key in rows:
        base = med["without." + key.split(".")[1]]
        print(f"  {label:38s} {med[key] / 1000:8.1f} us   {med[key] / base:5.2f}x")
    print("Python (libpxf loaded), interleaved in this process:")
    for label, key in [("os.fork()+os.waitpid()", "os.fork"),
                       ("pxf.fork()+pxf.waitpid()", "pxf.fork")]:
        print(f"  {label:36s} {med[key] / 1000:8.1f} us   {med[key] / med['os.fork']:5.2f}x")
    link_c, link_pxf = med["with.c"] / med["without.c"], med["with.first"] / med["without.first"]
    worst = max(link_c, link_pxf)
    print(f"with libpxf / without: fork() {link_c:.3f}, PXFFORK {link_pxf:.3f} "
          f"(target <= 1.05): {'met' if worst <= 1.05 else 'NOT met'}")
    ratio = med["with.first"] / med["with.c"]
    print(f"PXFFORK / C fork() in one process = {ratio:.3f} (target <= 1.10): "
          f"{'met' if ratio <= 1.10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
