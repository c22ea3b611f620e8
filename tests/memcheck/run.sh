#!/usr/bin/env bash
# tests/memcheck/run.sh — the whole test suite under a memory checker.
#
#   tests/memcheck/run.sh asan      build/asan-gil/gilt and build/asan-ft/gilt-ft
#                                   (AddressSanitizer + UBSan, -O1, system malloc)
#   tests/memcheck/run.sh valgrind  build/vg-gil/gilt and build/vg-ft/gilt-ft
#                                   (-O2, system malloc) under valgrind memcheck
#
# Both modes run the Check unit suites built against the same checked
# library, then tests/run_lang.sh (tests/lang and tests/errors) on both
# binaries. Checker reports go to files under build/memcheck/MODE/ rather
# than stderr, so tests/errors' stderr comparison still works; a checker
# error also changes the exit status, so the test fails. At the end every
# non-empty report is printed and the script fails if there is any.
#
# Leak checking is off (ASAN_OPTIONS=detect_leaks=0, valgrind
# --leak-check=no): gilt has no cycle collector yet, so objects in reference
# cycles, and everything still reachable at exit, are never freed — by
# design, not a bug. Everything else (invalid reads/writes, use-after-free,
# overflow, undefined behaviour, uninitialized reads) is an error.
#
# Environment: the ones tests/run_lang.sh takes (JOBS, TEST_TIMEOUT; a
# default timeout of 600s here, since checked runs are slow), and
# MEMCHECK_UNIT=0 to skip the unit suites. Extra arguments are passed to
# run_lang.sh as test-name filters.

set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

mode=${1:?usage: tests/memcheck/run.sh asan|valgrind [filter...]}
shift
LOGS=$ROOT/build/memcheck/$mode
rm -rf "$LOGS"
mkdir -p "$LOGS"
export TEST_TIMEOUT=${TEST_TIMEOUT:-600}
status=0

case "$mode" in
asan)
    # Reports to files (log_path), a distinctive exit status, aborting on
    # the first UB report (the binaries use -fno-sanitize-recover), and
    # NULL rather than an abort for impossible allocation sizes, so
    # bytearray(2**40) is a MemoryError as in the normal build.
    export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:intercept_memmem=0:exitcode=86:log_path=$LOGS/asan:abort_on_error=0:handle_abort=1:detect_stack_use_after_return=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$LOGS/ubsan"
    builds="asan-gil/gilt asan-ft/gilt-ft"
    units="build/asan-gil/unit build/asan-ft/unit"
    run_unit() { CK_FORK=no "$1"; }
    ;;
valgrind)
    # run_lang.sh runs build/BIN, so each checked binary gets a small
    # wrapper script in build/vg/ that runs it under valgrind. mimalloc's
    # library also exports malloc; the soname synonym makes valgrind
    # replace that one too.
    VG=(valgrind -q --error-exitcode=86 --leak-check=no --track-origins=yes
        "--soname-synonyms=somalloc=libmimalloc.so*"
        "--suppressions=$ROOT/tests/memcheck/valgrind.supp"
        "--log-file=$LOGS/vg.%p")
    mkdir -p build/vg
    for pair in vg-gil/gilt:gilt vg-ft/gilt-ft:gilt-ft; do
        {
            echo '#!/bin/sh'
            printf 'exec'; printf ' %q' "${VG[@]}" "$ROOT/build/${pair%%:*}"; echo ' "$@"'
        } > "build/vg/${pair#*:}"
        chmod +x "build/vg/${pair#*:}"
    done
    builds="vg/gilt vg/gilt-ft"
    units="build/vg-gil/unit build/vg-ft/unit"
    run_unit() { CK_FORK=no "${VG[@]}" "$1"; }
    ;;
*) echo "unknown mode $mode (asan or valgrind)" >&2; exit 2 ;;
esac

if [ "${MEMCHECK_UNIT:-1}" != 0 ]; then
    for dir in $units; do
        for t in "$dir"/test_*; do
            [ -x "$t" ] || continue
            echo "== $t"
            run_unit "$t" || { echo "FAIL  $t"; status=1; }
        done
    done
fi

GILT_BUILDS="$builds" tests/run_lang.sh "$@" || status=1

echo
echo "==== $mode reports"
found=0
for f in "$LOGS"/*; do
    [ -s "$f" ] || continue
    found=1
    echo "---- $f"
    head -n 60 "$f"
done
# UBSan combined with ASan writes its reports to stderr whatever log_path
# says; run_lang.sh keeps each test's stderr, so look there too.
for b in $builds; do
    for f in build/test-results/$b/*.err; do
        [ -f "$f" ] || continue
        if grep -q -E 'runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination)' "$f"; then
            found=1
            echo "---- $f"
            grep -E -A25 'runtime error:|ERROR: AddressSanitizer|^==[0-9]+== ' "$f" | head -n 40
        fi
    done
done
if [ "$found" = 1 ]; then
    status=1
else
    echo "none"
fi
exit $status
