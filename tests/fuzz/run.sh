#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each (default 60) under ASan + UBSan,
# starting from its committed corpus (tests/fuzz/corpus/<target>/), and prints executions per
# second and coverage per target.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET ...]      e.g. tests/fuzz/run.sh 120, run.sh 30 safetensors
#
# Builds the sanitizer configuration first (`./dev build-san`, folder build-san/ or
# $MIGICIAN_SAN_BUILD_DIR). New interesting inputs go to build-san/fuzz/corpus/<target>/ (not
# committed; copy the ones worth keeping into the committed corpus). A crash, sanitizer report,
# leak, out-of-memory or hang (an input running longer than $MIGICIAN_FUZZ_TIMEOUT seconds, default
# 20) stops that target and is left as build-san/fuzz/crashes/<target>/<kind>-<sha1>, with the
# one-line command that reproduces it. Exit status: 0 when every target ran clean.
#
# Adding a target: see tests/fuzz/README.md; this script finds it by its migician_fuzz_target()
# line in tests/fuzz/CMakeLists.txt and uses tests/fuzz/<name>.dict when there is one.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_TARGET=${1:-60}
shift || true
SAN_DIR=${MIGICIAN_SAN_BUILD_DIR:-build-san}
TIMEOUT=${MIGICIAN_FUZZ_TIMEOUT:-20}

if [ $# -gt 0 ]; then
    targets=("$@")
else
    # Every target registered in tests/fuzz/CMakeLists.txt.
    mapfile -t targets < <(sed -nE 's/^migician_fuzz_target\(([a-z0-9_]+).*/\1/p' \
        tests/fuzz/CMakeLists.txt)
fi

./dev build-san || exit 1

summary=()
failed=0
for target in "${targets[@]}"; do
    binary="$SAN_DIR/tests/fuzz/fuzz_$target"
    if [ ! -x "$binary" ]; then
        echo "run.sh: no fuzz target $target ($binary)" >&2
        failed=1
        continue
    fi
    work="$SAN_DIR/fuzz/corpus/$target"
    crashes="$SAN_DIR/fuzz/crashes/$target"
    log="$SAN_DIR/fuzz/logs/$target.log"
    mkdir -p "$work" "$crashes" "$(dirname "$log")"
    dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
    echo "run.sh: fuzzing $target for ${SECONDS_PER_TARGET}s (log: $log)"
    "$binary" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" \
        "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1
    status=$?
    # The last status line: "#123 DONE cov: 456 ft: 789 corp: 10/2Kb ... exec/s: 321 ...".
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
    runs=$(sed -nE 's/^stat::number_of_executed_units: ([0-9]+)/\1/p' "$log")
    rate=$(sed -nE 's/^stat::average_exec_per_sec: +([0-9]+)/\1/p' "$log")
    rss=$(sed -nE 's/^stat::peak_rss_mb: +([0-9]+)/\1/p' "$log")
    result=clean
    if [ $status -ne 0 ]; then
        failed=1
        artifact=$(ls -t "$crashes"/* 2>/dev/null | head -n 1)
        result="FAILED (exit $status)"
        grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|fuzz invariant' "$log" | head -n 3
        if [ -n "$artifact" ]; then
            result="FAILED: $artifact"
            echo "run.sh: $target: reproduce with: $binary $artifact"
        fi
    fi
    summary+=("$(printf '%-18s %10s %8s %7s %7s %6s %7s  %s' "$target" "${runs:-?}" \
        "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$result")")
done

echo
echo "run.sh: ${SECONDS_PER_TARGET}s per target (ASan + UBSan, -timeout=$TIMEOUT)"
printf '%-18s %10s %8s %7s %7s %6s %7s  %s\n' target runs exec/s cov ft corpus rss_mb result
printf '%s\n' "${summary[@]}"
exit $failed
