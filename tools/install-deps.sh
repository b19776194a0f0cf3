#!/usr/bin/env bash
# Install what building and testing pxf needs on Debian 12, skipping what is
# already there: the two Fortran compilers, libseccomp (tests), pkg-config,
# and the Python build tools. Needs root (or sudo) only for missing apt
# packages.
set -euo pipefail

apt_pkgs=(gfortran flang-22 libflang-22-dev libseccomp-dev pkg-config python3-venv)
pip_pkgs=(numpy meson meson-python ninja "fypp>=3.3" pytest)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "install-deps: apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" - <<'PY' 2>/dev/null
import importlib.metadata as m, sys
need = {"numpy": None, "meson": None, "meson-python": None, "ninja": None,
        "fypp": (3, 3), "pytest": None}
for name, least in need.items():
    v = tuple(int(x) for x in m.version(name).split(".")[:2])
    if least and v < least:
        sys.exit(1)
PY
then
  echo "install-deps: pip install ${pip_pkgs[*]}"
  "$PYTHON" -m pip install -q "${pip_pkgs[@]}"
fi
