#!/usr/bin/env bash
# tests/tsan/run.sh — the thread tests and examples on the ThreadSanitizer
# build of the free-threaded VM (make tsan).
#
#   tests/tsan/run.sh build/tsan-ft/gilt-ft [name ...]
#
# Runs tests/lang/threads_*.py and examples/*.py (or only the programs whose
# names contain one of the given words). A program passes when TSan reports
# nothing (suppressions: tests/tsan/suppressions.txt, each entry with the
# reason it is benign) and it exits as python3 does. Reports are kept in
# build/tsan-ft/reports/<program>.log. Exit status 1 if any program failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
VM=${1:?usage: tests/tsan/run.sh path/to/gilt-ft [name ...]}
shift
OUT=build/tsan-ft/reports
mkdir -p "$OUT"
TIMEOUT=${TSAN_TIMEOUT:-600}

# exitcode=66 tells a TSan report apart from the program's own failures;
# second_deadlock_stack gives both stacks of a lock-order report.
export TSAN_OPTIONS="suppressions=$ROOT/tests/tsan/suppressions.txt exitcode=66 \
second_deadlock_stack=1 history_size=4 halt_on_error=0 ${TSAN_OPTIONS:-}"

progs=()
for p in tests/lang/threads_*.py examples/*.py; do
    if [ $# -gt 0 ]; then
        keep=0
        for w in "$@"; do case "$p" in *"$w"*) keep=1 ;; esac; done
        [ $keep = 1 ] || continue
    fi
    progs+=("$p")
done

pass=0; fail=0
for p in "${progs[@]}"; do
    name=$(basename "$p" .py)
    log="$OUT/$name.log"
    # examples/gil_scaling.py takes a thread count; the rest take nothing.
    args=()
    case "$name" in gil_scaling) args=(2) ;; esac
    expected=0
    if command -v python3 >/dev/null; then
        (cd "$(dirname "$p")" && timeout "$TIMEOUT" python3 "$(basename "$p")" "${args[@]}" \
            >/dev/null 2>&1); expected=$?
    fi
    (cd "$(dirname "$p")" && timeout "$TIMEOUT" "$ROOT/$VM" "$(basename "$p")" "${args[@]}" \
        >/dev/null 2>"$ROOT/$log"); status=$?
    reports=$(grep -c '^WARNING: ThreadSanitizer' "$log")
    if [ "$reports" -eq 0 ] && [ "$status" -eq "$expected" ]; then
        pass=$((pass + 1))
        echo "ok    $p"
    else
        fail=$((fail + 1))
        echo "FAIL  $p: $reports TSan report(s), exit $status (python3: $expected); see $log"
        grep -A3 '^WARNING: ThreadSanitizer' "$log" | grep -E '^(WARNING|  (Read|Write|Previous|Atomic)|    #0)' \
            | head -12 | sed 's/^/      /'
    fi
done
echo "tsan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
