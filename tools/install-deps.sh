#!/usr/bin/env bash
# System packages pxf needs on Debian 12, installed only when missing: the
# two Fortran compilers, libseccomp (tests), libhwloc (NUMA topology), pkg-config, Python headers and
# venv, Lmod (the modulefile tests). Needs root (or sudo) only when
# something is missing.
set -euo pipefail

apt_pkgs=(gfortran flang-22 libflang-22-dev libseccomp-dev libhwloc-dev pkg-config
          python3-dev python3-venv lmod)
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
