#!/usr/bin/env bash
# usage: tools/install-deps.sh — install the Debian 12 packages pxf needs,
# only those missing: a C compiler and binutils, the two Fortran compilers
# (gfortran 12, flang 22), libhwloc (NUMA topology), pkg-config, Python's
# headers and venv; for the tests also libseccomp, CMake, Lmod, and man and
# groff (the man pages).
# Needs root (or sudo) only when something is missing.
set -euo pipefail

apt_pkgs=(gcc libc6-dev binutils gfortran flang-22 libflang-22-dev libhwloc-dev
          pkg-config python3-dev python3-venv libseccomp-dev cmake lmod
          man-db groff-base)

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "install-deps: this script installs Debian packages with apt-get, and this" >&2
  echo "install-deps: machine has no apt-get; install the equivalents of: ${apt_pkgs[*]}" >&2
  exit 1
fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (there is no sudo here) or install them" >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "install-deps: apt-get install ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
