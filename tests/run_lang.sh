#!/usr/bin/env bash
# tests/run_lang.sh — run the language tests on both builds of gilt.
#
# Two kinds of tests:
#
#   tests/lang/NAME.py    a program whose stdout and exit status must equal
#                         what python3 (3.11) produces. python3's output is
#                         computed once per test and cached in build/expected/
#                         (refreshed when the test or tests/lang/mods changes).
#                         Where gilt differs from Python on purpose, the
#                         expected stdout lives in tests/lang/NAME.expect
#                         (exit status 0 expected) and python3 is not consulted.
#   tests/errors/NAME.py  a program that dies; NAME.expect's first line is
#                         `exit N`, the rest is the exact expected stderr
#                         (format: tests/errors/README.md). Run from inside
#                         tests/errors/ with the bare file name.
#
# Every lang test runs from the repository root as `BIN tests/lang/NAME.py`
# (python3 is run the same way), with stdin from /dev/null and a per-test
# timeout, so a hang is a failure and never a stuck CI.
#
# Usage: tests/run_lang.sh [substring...]     only tests whose name contains
#                                              one of the substrings
# Environment: GILT_BUILDS="gilt gilt-ft"  which binaries in build/ to test;
#                                           BIN@FLAG adds a flag, e.g.
#                                           "gilt-ft@--gil=on" (runtime GIL)
#              JOBS=2                       parallel jobs
#              TEST_TIMEOUT=60              seconds per test
#
# Output: PASS/FAIL per test and build (a unified diff, first 40 lines, for
# each failure), a per-build summary, and a last line exactly
# `N passed, M failed`. Exit status 1 when anything failed.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

BUILDS=${GILT_BUILDS:-"gilt gilt-ft"}
JOBS=${JOBS:-2}
TEST_TIMEOUT=${TEST_TIMEOUT:-60}
EXPECTED_DIR=build/expected
RESULTS_DIR=build/test-results

# Python's output must not depend on the machine's locale or leave
# __pycache__ directories in the source tree.
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONIOENCODING=utf-8
export LC_ALL=C.UTF-8

# ---- one unit of work, run by xargs in a child copy of this script -------

# A build spec is BIN or BIN@FLAG: the binary build/BIN, run with FLAG.
build_bin() { echo "${1%%@*}"; }
build_flag() { case "$1" in *@*) echo "${1#*@}" ;; esac; }

# Produce build/expected/NAME.out and NAME.rc for one lang test, from
# NAME.expect when present, else from python3. Writes NAME.skip instead when
# neither is available.
make_expected() {
    local test=$1 name out
    name=$(basename "$test" .py)
    out=$EXPECTED_DIR/$name
    if [ -f "tests/lang/$name.expect" ]; then
        cp "tests/lang/$name.expect" "$out.out"
        echo 0 > "$out.rc"
        rm -f "$out.skip"
        return
    fi
    if ! command -v python3 >/dev/null 2>&1; then
        echo "python3 not installed and no tests/lang/$name.expect" > "$out.skip"
        return
    fi
    # Cached output is reused unless the test or a helper module is newer.
    if [ -f "$out.out" ] && [ -f "$out.rc" ] && [ "$out.out" -nt "$test" ] &&
       [ -z "$(find tests/lang/mods -newer "$out.out" -print -quit 2>/dev/null)" ]; then
        return
    fi
    timeout -k 5 "$TEST_TIMEOUT" python3 "$test" < /dev/null > "$out.out.tmp" 2> "$out.err"
    echo $? > "$out.rc"
    mv "$out.out.tmp" "$out.out"
    rm -f "$out.skip"
}

# Run one lang test on one build; write RESULTS_DIR/BUILD/NAME.{status,log}.
run_lang_one() {
    local build=$1 test=$2 name exp res actual_rc want_rc status
    name=$(basename "$test" .py)
    exp=$EXPECTED_DIR/$name
    res=$RESULTS_DIR/$build/lang.$name
    if [ -f "$exp.skip" ]; then
        echo SKIP > "$res.status"
        cat "$exp.skip" > "$res.log"
        return
    fi
    timeout -k 5 "$TEST_TIMEOUT" "build/$(build_bin "$build")" $(build_flag "$build") "$test" \
        < /dev/null > "$res.out" 2> "$res.err"
    actual_rc=$?
    want_rc=$(cat "$exp.rc")
    status=PASS
    : > "$res.log"
    if [ "$actual_rc" = 124 ] || [ "$actual_rc" = 137 ]; then
        status=FAIL
        echo "timed out after ${TEST_TIMEOUT}s" >> "$res.log"
    elif [ "$actual_rc" = 126 ] || [ "$actual_rc" = 127 ]; then
        status=FAIL
        echo "build/$build could not be executed (exit $actual_rc; being rebuilt?)" >> "$res.log"
    elif [ "$actual_rc" -gt 128 ] && [ "$want_rc" -le 128 ]; then
        status=FAIL
        echo "crashed: killed by signal $((actual_rc - 128)) ($(kill -l $((actual_rc - 128)) 2>/dev/null))" >> "$res.log"
    elif [ "$actual_rc" != "$want_rc" ]; then
        status=FAIL
        echo "exit status $actual_rc, expected $want_rc" >> "$res.log"
    fi
    if ! cmp -s "$exp.out" "$res.out"; then
        status=FAIL
        diff -u --label "expected (python3)" --label "actual (build/$build)" \
            "$exp.out" "$res.out" | head -n 40 >> "$res.log"
    fi
    if [ "$status" = FAIL ] && [ -s "$res.err" ]; then
        echo "--- stderr (first 15 lines):" >> "$res.log"
        head -n 15 "$res.err" >> "$res.log"
    fi
    echo "$status" > "$res.status"
}

# Run one tests/errors test on one build (from inside tests/errors/).
run_error_one() {
    local build=$1 test=$2 name res actual_rc status
    name=$(basename "$test" .py)
    res=$ROOT/$RESULTS_DIR/$build/errors.$name
    (
        cd tests/errors || exit 1
        timeout -k 5 "$TEST_TIMEOUT" "../../build/$(build_bin "$build")" $(build_flag "$build") "$name.py" \
            < /dev/null > /dev/null 2> "$res.err"
        actual_rc=$?
        # Like python3 since 3.9, gilt may print the script's absolute path;
        # the .expect files hold paths relative to tests/errors/.
        { echo "exit $actual_rc"; sed "s|$ROOT/tests/errors/||g" "$res.err"; } > "$res.actual"
    )
    status=PASS
    : > "$res.log"
    if ! cmp -s "tests/errors/$name.expect" "$res.actual"; then
        status=FAIL
        diff -u --label "expected (tests/errors/$name.expect)" --label "actual (build/$build)" \
            "tests/errors/$name.expect" "$res.actual" | head -n 40 >> "$res.log"
    fi
    echo "$status" > "$res.status"
}

case "${1:-}" in
    --expected) make_expected "$2"; exit 0 ;;
    --lang) run_lang_one "$2" "$3"; exit 0 ;;
    --error) run_error_one "$2" "$3"; exit 0 ;;
esac

# ---- the driver ----------------------------------------------------------

matches_filter() {
    local name=$1 pat
    [ ${#FILTERS[@]} -eq 0 ] && return 0
    for pat in "${FILTERS[@]}"; do
        case "$name" in *"$pat"*) return 0 ;; esac
    done
    return 1
}

FILTERS=("$@")
LANG_TESTS=()
for t in tests/lang/*.py; do
    [ -f "$t" ] || continue
    matches_filter "$(basename "$t" .py)" && LANG_TESTS+=("$t")
done
ERROR_TESTS=()
for t in tests/errors/*.py; do
    [ -f "$t" ] || continue
    [ -f "${t%.py}.expect" ] || continue
    matches_filter "$(basename "$t" .py)" && ERROR_TESTS+=("$t")
done

mkdir -p "$EXPECTED_DIR"
for b in $BUILDS; do
    rm -rf "${RESULTS_DIR:?}/$b"
    mkdir -p "$RESULTS_DIR/$b"
done

SELF="$ROOT/tests/run_lang.sh"
if ! command -v python3 >/dev/null 2>&1; then
    echo "note: python3 not installed; only tests with a .expect file can run"
fi
if [ ${#LANG_TESTS[@]} -gt 0 ]; then
    printf '%s\0' "${LANG_TESTS[@]}" | xargs -0 -r -n 1 -P "$JOBS" "$SELF" --expected
fi

# Queue every (build, test) pair of the builds that exist; a missing binary
# fails all of its tests with a message saying so.
{
    for b in $BUILDS; do
        [ -x "build/$(build_bin "$b")" ] || continue
        for t in "${LANG_TESTS[@]}"; do printf -- '--lang\0%s\0%s\0' "$b" "$t"; done
        for t in "${ERROR_TESTS[@]}"; do printf -- '--error\0%s\0%s\0' "$b" "$t"; done
    done
} | xargs -0 -r -n 3 -P "$JOBS" "$SELF"
for b in $BUILDS; do
    [ -x "build/$(build_bin "$b")" ] && continue
    for t in "${LANG_TESTS[@]/#/lang.}" "${ERROR_TESTS[@]/#/errors.}"; do
        n=${t%%.*}.$(basename "${t#*.}" .py)
        echo FAIL > "$RESULTS_DIR/$b/$n.status"
        echo "build/$(build_bin "$b") does not exist (run make)" > "$RESULTS_DIR/$b/$n.log"
    done
done

total_pass=0
total_fail=0
summaries=()
for b in $BUILDS; do
    pass=0 fail=0 skip=0
    failed_names=()
    for kind_test in "${LANG_TESTS[@]/#/lang:}" "${ERROR_TESTS[@]/#/errors:}"; do
        kind=${kind_test%%:*}
        n=$(basename "${kind_test#*:}" .py)
        res=$RESULTS_DIR/$b/$kind.$n
        if [ -f "$res.status" ]; then
            status=$(cat "$res.status")
        else
            status=FAIL
            echo "no result recorded (was build/$b rebuilt during the run?)" > "$res.log"
        fi
        case "$status" in
            PASS) pass=$((pass + 1)); echo "PASS  $b  $kind/$n" ;;
            SKIP) skip=$((skip + 1)); echo "SKIP  $b  $kind/$n: $(cat "$res.log")" ;;
            *)
                fail=$((fail + 1))
                failed_names+=("$kind/$n")
                echo "FAIL  $b  $kind/$n"
                sed 's/^/    /' "$res.log" 2>/dev/null
                ;;
        esac
    done
    summaries+=("build/$b: $pass passed, $fail failed, $skip skipped${failed_names[*]:+ (failed: ${failed_names[*]})}")
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + fail))
done

echo
echo "==== summary"
for s in "${summaries[@]}"; do echo "$s"; done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
