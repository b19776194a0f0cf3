"""Command-line counts of the benchmarks, and their smoke mode.

PXF_BENCH_SMOKE=1 runs a benchmark exactly as its README command line
says, but with a few iterations and small sizes, so the test suite can
prove the command works without spending minutes on it. Its figures mean
nothing."""
import os
import sys

SMOKE = os.environ.get("PXF_BENCH_SMOKE") == "1"


def count(position: int, default: int) -> int:
    """Argument POSITION (1-based) as an iteration count; else DEFAULT,
    or 3 in smoke mode."""
    if len(sys.argv) > position:
        return int(sys.argv[position])
    return 3 if SMOKE else default


def sizes(default: tuple[float, ...]) -> tuple[float, ...]:
    """Memory sizes in GiB: DEFAULT, or one small size in smoke mode."""
    return (0.01,) if SMOKE else default
