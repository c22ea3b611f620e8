#!/usr/bin/env bash
# bench/run.sh — gilt vs python3, side by side.
#
# Runs every bench/*.py except scaling_*.py (or those named on the command
# line) under python3, build/gilt and build/gilt-ft; each timing is the best
# of BENCH_RUNS (default 3) wall-clock runs. The runs are interleaved (one run
# of each runner per round), so that a burst of load from elsewhere on a
# shared machine slows one round of all three rather than every run of one;
# and the best, not the mean, is kept because such noise only ever adds time
# (the advice of python's timeit). Checks that the three outputs agree (a
# benchmark that computes something different is not a comparison), then
# prints a table with the ratios gilt/python3 (lower is better; the goal is
# <= 1.5) and gilt-ft/gilt (the single-thread cost of free threading).
#
# A last column gives gilt-ft/gilt once more, as the median of the rounds'
# own ratios (each round times the two builds back to back). On a quiet
# machine it agrees with the column of best times; on a shared one, where a
# single lucky or unlucky run moves a best time by 10-20 %, the paired
# median moves less (callgrind's instruction counts, bench/cgdiff, are the
# exact measure of the builds' difference).
#
# Informational only: the exit status is 0 unless an output disagreed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=${BENCH_RUNS:-3}
TIMEOUT=${BENCH_TIMEOUT:-120}
OUT=build/bench
mkdir -p "$OUT"

if [ $# -gt 0 ]; then
    progs=()
    for p in "$@"; do progs+=("bench/$(basename "$p" .py).py"); done
else
    # scaling_*.py take a thread count and print their own timings (they
    # measure how threads scale, not gilt vs python3): not part of the table.
    progs=()
    for p in bench/*.py; do
        case "$(basename "$p")" in scaling_*) continue ;; esac
        progs+=("$p")
    done
fi

runners=()
command -v python3 >/dev/null 2>&1 && runners+=(python3)
for b in gilt gilt-ft; do [ -x "build/$b" ] && runners+=("build/$b"); done

# One wall-clock run of "$runner $prog" in milliseconds, or "-" on failure.
# Its output goes to $out.
time_once() {
    local runner=$1 prog=$2 out=$3 t0 t1
    t0=$(date +%s%N)
    if ! timeout "$TIMEOUT" "$runner" "$prog" < /dev/null > "$out" 2> "$out.err"; then
        echo "-"
        return
    fi
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
}

seconds() {
    case "$1" in -) echo "-" ;; *) awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }' ;; esac
}

ratio() {
    case "$1$2" in *-*) echo "-"; return ;; esac
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'
}

# The median of the per-round ratios given as "a/b" words, or "-".
median_ratio() {
    [ $# -eq 0 ] && { echo "-"; return; }
    printf '%s\n' "$@" | awk -F/ '$2 > 0 { print $1 / $2 }' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
              m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2fx", m }'
}

status=0
printf '%-18s %10s %10s %10s %12s %12s %8s  %s\n' program python3 gilt gilt-ft gilt/python3 gilt-ft/gilt paired outputs
for prog in "${progs[@]}"; do
    name=$(basename "$prog" .py)
    declare -A best=() secs=([python3]=- [build/gilt]=- [build/gilt-ft]=-)
    paired=()
    for ((i = 0; i < RUNS; i++)); do
        declare -A this=()
        for r in "${runners[@]}"; do
            [ "${best[$r]:-}" = "-" ] && continue       # failed once: not timed again
            out="$OUT/$name.$(basename "$r").out"
            # The first run's output is the one compared.
            [ "$i" = 0 ] && ms=$(time_once "$r" "$prog" "$out") || ms=$(time_once "$r" "$prog" "$out.tmp")
            this[$r]=$ms
            if [ "$ms" = "-" ] || [ -z "${best[$r]:-}" ] || [ "$ms" -lt "${best[$r]}" ]; then best[$r]=$ms; fi
        done
        case "${this[build/gilt]:--}${this[build/gilt-ft]:--}" in
            *-*) ;;
            *) paired+=("${this[build/gilt-ft]}/${this[build/gilt]}") ;;
        esac
        unset this
    done
    rm -f "$OUT/$name".*.out.tmp "$OUT/$name".*.out.tmp.err
    for r in "${runners[@]}"; do secs[$r]=$(seconds "${best[$r]}"); done
    agree=ok
    ref=""
    for r in "${runners[@]}"; do
        f="$OUT/$name.$(basename "$r").out"
        if [ "${secs[$r]}" = "-" ]; then agree="$(basename "$r") failed"; continue; fi
        if [ -z "$ref" ]; then ref=$f; elif ! cmp -s "$ref" "$f"; then agree="DIFFER ($(basename "$r"))"; status=1; fi
    done
    printf '%-18s %10s %10s %10s %12s %12s %8s  %s\n' "$name" "${secs[python3]}" "${secs[build/gilt]}" \
        "${secs[build/gilt-ft]}" "$(ratio "${secs[build/gilt]}" "${secs[python3]}")" \
        "$(ratio "${secs[build/gilt-ft]}" "${secs[build/gilt]}")" "$(median_ratio "${paired[@]}")" "$agree"
    unset best secs
done
exit $status
