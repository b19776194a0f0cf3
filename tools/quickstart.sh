#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine: install what is missing, install
# pxf into .venv with pip (FC=gfortran unless FC is set), and run the main
# example with `pxf run`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/venv.sh .venv
FC=${FC:-gfortran} .venv/bin/python -m pip install -q --no-build-isolation .
exec .venv/bin/pxf run examples/fork_wait.f90
