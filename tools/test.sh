#!/usr/bin/env bash
# Run the whole pxf test suite, once per Fortran compiler (gfortran and
# flang-22 by default; set PXF_TEST_COMPILERS to choose). For each compiler
# the package is pip-installed into its own virtual environment
# (.venv-<compiler>, reusing the build directory build-<compiler>), then
# pytest runs against that installation. Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh || exit 1
compilers=${PXF_TEST_COMPILERS:-"gfortran flang-22"}

status=0
summary=()
for fc in $compilers; do
  venv=".venv-$fc"
  echo "=== $fc: building and installing pxf into $venv"
  tools/venv.sh "$venv" || exit 1
  if ! FC=$fc "$venv/bin/python" -m pip install -q --no-build-isolation \
        -Cbuild-dir="build-$fc" . ; then
    summary+=("$fc: build failed")
    status=1
    continue
  fi
  echo "=== $fc: running tests"
  (cd tests && PATH="$PWD/../$venv/bin:$PATH" "../$venv/bin/python" -m pytest -q -p no:cacheprovider "$@")
  rc=$?
  [ $rc -eq 0 ] || status=1
  summary+=("$fc: pytest exit status $rc")
done

echo "=== summary"
printf '%s\n' "${summary[@]}"
exit $status
