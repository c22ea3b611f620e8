#!/bin/sh
# run.sh — run every tests/errors/NAME.py and compare its exit status and
# stderr with NAME.expect (first line "exit N", the rest the stderr).
# Usage: tests/errors/run.sh [gilt-binary ...]   (default: build/gilt build/gilt-ft)
# Absolute paths of this directory are removed from the actual stderr, so the
# .expect files hold paths relative to tests/errors/.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 0 ] && set -- "$root/build/gilt" "$root/build/gilt-ft"
pass=0; fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for bin in "$@"; do
    case $bin in /*) ;; *) bin="$(pwd)/$bin" ;; esac
    for t in "$here"/*.py; do
        name=$(basename "$t" .py)
        expect="$here/$name.expect"
        [ -f "$expect" ] || continue
        (cd "$here" && timeout 20 "$bin" "$name.py" >/dev/null 2>"$tmp/raw"; echo "exit $?" >"$tmp/actual")
        sed "s|$here/||g" "$tmp/raw" >>"$tmp/actual"
        if cmp -s "$expect" "$tmp/actual"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $(basename "$bin") $name"
            diff "$expect" "$tmp/actual" | head -20
        fi
    done
done
echo "errors: $pass passed, $fail failed"
[ $fail -eq 0 ]
