#!/usr/bin/env bash
# usage: tools/venv.sh DIR — create the virtual environment DIR (if needed)
# with what building and testing pxf needs from PyPI. A venv of its own
# keeps this working where the system Python refuses pip (PEP 668).
set -euo pipefail
venv=$1
PYTHON=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
if ! "$venv/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m
for name in ("numpy", "meson", "meson-python", "ninja", "fypp", "pytest"):
    m.version(name)
assert tuple(int(x) for x in m.version("fypp").split(".")[:2]) >= (3, 3)
PY
then
  echo "venv: installing the Python build and test tools into $venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q numpy meson meson-python ninja "fypp>=3.3" pytest
fi
