#!/usr/bin/env python3
"""Time to start /bin/true and wait for it, from a parent holding 0.1, 1
and 4 GiB of touched memory, as ratios to C posix_spawn.

In one run, for each size: a Fortran process holding the memory times
PXFFORK+PXFEXECV, PXFSPAWN and C posix_spawn (interleaved), then this
Python process, holding the same amount, times subprocess.run, os.posix_spawn
and pxf.spawn (interleaved). Medians. Targets: PXFSPAWN within 1.2x of
posix_spawn at every size, and at least 20x faster than fork+exec at 4 GiB.

usage: python benchmarks/bench_spawn.py [SPAWN_ITERATIONS] [FORK_ITERATIONS]
       (defaults 200 and 20). Needs about 4.5 GiB of free memory.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import pxf
from pxf import _config, build
from _smoke import count, sizes

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES_GIB = sizes((0.1, 1.0, 4.0))


def build_fortran(tmp: str) -> str:
    obj = os.path.join(tmp, "clock.o")
    subprocess.run(["cc", "-O2", "-c", os.path.join(HERE, "clock.c"), "-o", obj], check=True)
    exe = os.path.join(tmp, "spawn_roundtrip")
    build.compile_program([os.path.join(HERE, "spawn_roundtrip.f90"), obj], exe,
                          extra=["-O2"])
    return exe


def fortran_medians(exe: str, gib: float, nspawn: int, nfork: int) -> dict[str, float]:
    out = subprocess.run([exe, str(gib), str(nspawn), str(nfork)], check=True,
                         capture_output=True, text=True).stdout
    samples: dict[str, list[int]] = {}
    for line in out.splitlines():
        kind, ns = line.split()
        samples.setdefault(kind, []).append(int(ns))
    return {k: statistics.median(v) for k, v in samples.items() if k != "ballast"}


def python_medians(gib: float, n: int) -> dict[str, float]:
    ballast = bytearray(int(gib * 2**30))
    for i in range(0, len(ballast), 4096):  # touch every page
        ballast[i] = 1
    samples: dict[str, list[int]] = {"subprocess": [], "os.posix_spawn": [], "pxf.spawn": []}
    for _ in range(n):
        t0 = time.perf_counter_ns()
        subprocess.run(["/bin/true"], check=True)
        samples["subprocess"].append(time.perf_counter_ns() - t0)
        t0 = time.perf_counter_ns()
        pid = os.posix_spawn("/bin/true", ["true"], os.environ)
        os.waitpid(pid, 0)
        samples["os.posix_spawn"].append(time.perf_counter_ns() - t0)
        t0 = time.perf_counter_ns()
        pid = pxf.spawn("/bin/true", ["true"])
        pxf.waitpid(pid)
        samples["pxf.spawn"].append(time.perf_counter_ns() - t0)
    del ballast
    return {k: statistics.median(v) for k, v in samples.items()}


def main() -> int:
    nspawn = count(1, 200)
    nfork = count(2, 20)
    print(f"start /bin/true and wait; medians ({nspawn} spawns, {nfork} forks per size); "
          f"{_config.FC_NAME} {_config.FC_VERSION}")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        exe = build_fortran(tmp)
        for gib in SIZES_GIB:
            f = fortran_medians(exe, gib, nspawn, nfork)
            p = python_medians(gib, max(nspawn // 4, 10))
            base = f["posix_spawn"]
            print(f"parent holds {gib:g} GiB:")
            for label, value in (("C posix_spawn", base), ("PXFSPAWN", f["pxfspawn"]),
                                 ("PXFFORK+PXFEXECV", f["fork_exec"]),
                                 ("Python subprocess.run", p["subprocess"]),
                                 ("Python os.posix_spawn", p["os.posix_spawn"]),
                                 ("Python pxf.spawn", p["pxf.spawn"])):
                print(f"  {label:24s} {value / 1000:10.1f} us  {value / base:7.2f}x posix_spawn")
            spawn_ratio = f["pxfspawn"] / base
            speedup = f["fork_exec"] / f["pxfspawn"]
            print(f"  PXFSPAWN/posix_spawn = {spawn_ratio:.2f} (target <= 1.2); "
                  f"fork+exec/PXFSPAWN = {speedup:.1f}x")
            ok &= spawn_ratio <= 1.2
            if gib == 4.0:
                ok &= speedup >= 20
    print("targets", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
