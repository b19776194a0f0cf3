"""The command line of the tools that write a generated file into the
source tree (tools/errno_coverage.py, tools/gen_reference.py): write it, or
with --check only say whether the committed one is current."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(doc: str, output: Path, argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help=f"do not write; exit 1 if {output} is stale")
    return ap.parse_args(argv)


def write_or_check(path: Path, text: str, check: bool, stale: str) -> int:
    """Write TEXT to PATH (0), or with CHECK compare them: 1, and the
    message STALE, when they differ."""
    if not check:
        path.write_text(text)
        return 0
    if path.exists() and path.read_text() == text:
        return 0
    print(stale, file=sys.stderr)
    return 1
