#!/usr/bin/env bash
# usage: tools/sanitize.sh [pytest args] — build the C core and the Fortran
# layer with AddressSanitizer and UndefinedBehaviorSanitizer (gcc and
# gfortran 12) and run the whole test suite against that build. Fails when
# a test fails or when either sanitizer reported anything, in any process
# of the run. Its own virtual environment (.venv-asan) and build directory
# (build-asan) keep it apart from tools/test.sh's builds.
#
# Python is not instrumented, and ASan refuses to start unless its runtime
# comes first in a process's libraries, so libasan and libubsan are
# preloaded (LD_PRELOAD) for the whole run, and every process the tests
# start inherits them: the Fortran and C test programs (linked against the
# instrumented libpxf, whose references to the runtimes the preloaded copies
# satisfy), child Pythons, shells, compilers. The test programs are not
# compiled with -fsanitize themselves: a program linking libasan would still
# run, with leak detection and reports on its stderr, if a test gave it an
# environment without our options; with preloading such a process cannot
# load libpxf at all and fails loudly. Programs outside pxf (make, the
# compilers) run with the runtimes' interceptors, and a report from them
# counts too.
set -uo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh || exit 1
venv=.venv-asan
build=build-asan
export FC=gfortran

echo "=== sanitize: building and installing pxf (-Db_sanitize=address,undefined) into $venv"
tools/venv.sh "$venv" || exit 1
# -Db_lundef=false: the sanitized libpxf references the runtimes, which
# only the preloaded copies define in an uninstrumented Python. (Meson adds
# -fno-omit-frame-pointer itself, for whole stack traces.)
if ! PATH="$PWD/$venv/bin:$PATH" "$venv/bin/python" -m pip install -q \
      --disable-pip-version-check --no-build-isolation \
      --config-settings=build-dir="$build" \
      --config-settings=setup-args=-Db_sanitize=address,undefined \
      --config-settings=setup-args=-Db_lundef=false \
      . ; then
  echo "sanitize: build failed" >&2
  exit 1
fi

runtime() {  # the real file behind gcc's libNAME.so (libasan.so.8.0.0 ...)
  local f
  f=$(readlink -f "$(gcc -print-file-name="lib$1.so")")
  [ -f "$f" ] || { echo "sanitize: gcc has no lib$1.so (Debian: libgcc-12-dev)" >&2; return 1; }
  echo "$f"
}
asan=$(runtime asan) || exit 1
ubsan=$(runtime ubsan) || exit 1
# Some test programs drop to nobody, who may not enter this checkout (a
# mode-700 home): what every process loads or writes lives in a fresh
# directory everyone can read, the reports in one everyone can write to.
work=$(mktemp -d "${TMPDIR:-/tmp}/pxf-sanitize.XXXXXX")
logs=$work/reports
mkdir -m 1777 "$logs" && chmod 755 "$work" || exit 1
# libubsan ignores UBSAN_OPTIONS's log_path next to libasan (GCC bug
# 94328); this preloaded helper sets it (see the source).
shim=$work/ubsan_log_path.so
gcc -O2 -fPIC -shared -o "$shim" tools/ubsan_log_path.c -ldl || exit 1

# Reports go to files, one per process (<prefix>.<pid>): the tests capture
# most processes' stderr. ASan: every check, plus use of stack memory
# after return (off by default), but no leak detection: CPython keeps
# objects until exit by design, so every Python process would "leak". The
# first report ends the process (exit status 1), for UBSan too.
# strict_string_checks stays off: it also judges programs outside pxf, and
# flags correct ones (make's strndup on unterminated text).
export LD_PRELOAD="$asan $ubsan $shim"
export ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=1:halt_on_error=1:abort_on_error=0:log_path=$logs/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
export PXF_UBSAN_LOG_PATH=$logs/ubsan

# First prove that a report of each kind lands in $logs, or "0 reports"
# would mean nothing.
canary=$work/canary
gcc -fsanitize=address,undefined -O0 -x c -o "$canary" - <<'EOF' || exit 1
#include <stdlib.h>
int main(int argc, char **argv)
{
    volatile int shift = 40;
    char *p = malloc(8);
    int r = argv[1][0] == 'a' ? p[8] : 1 << shift;
    free(p);
    return r;
}
EOF
declare -A expect=([asan]="ERROR: AddressSanitizer: heap-buffer-overflow"
                   [ubsan]="runtime error: shift exponent 40")
for kind in asan ubsan; do
  "$canary" "$kind" >/dev/null 2>&1
  if ! grep -qs "${expect[$kind]}" "$logs/$kind".*; then
    echo "sanitize: a deliberate $kind error left no report in $logs/$kind.*" >&2
    exit 1
  fi
done
rm -f "$logs"/*

echo "=== sanitize: running tests (LD_PRELOAD=$LD_PRELOAD)"
out=$(mktemp)
# Tests marked no_sanitizer cannot run under the sanitizers (tests/conftest.py).
(cd tests && PATH="$PWD/../$venv/bin:$PATH" \
   "../$venv/bin/python" -m pytest -q -p no:cacheprovider -m "not no_sanitizer" "$@") \
  | tee "$out"
rc=${PIPESTATUS[0]}
# pytest's closing line, e.g. "221 passed in 103.04s"
last=$(grep -E '^=*[ ]*[0-9]+ (passed|failed|error)' "$out" | tail -n 1 | sed 's/=//g; s/^ *//; s/ *$//')
rm -f "$out"

reports=("$logs"/*)
[ -e "${reports[0]}" ] || reports=()
for f in "${reports[@]}"; do
  echo "=== sanitize: report $f"
  cat "$f"
done
status=0
if [ ${#reports[@]} -ne 0 ]; then
  status=1
  echo "sanitize: reports kept in $logs" >&2
else
  rm -rf "$work"
fi
[ "$rc" -eq 0 ] || status=1
echo "sanitize: ${last:-no test summary} (pytest exit status $rc); sanitizer reports: ${#reports[@]}"
exit $status
