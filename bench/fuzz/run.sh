#!/usr/bin/env bash
# Fuzzes Deputy's input readers with libFuzzer: builds `deputy-fuzz` with the sanitizer into
# .build-fuzz, runs each target for MINUTES on one core, keeps what it learns and any crash under
# bench/results/, and prints runs, exec/s, coverage and crashes per target.
set -euo pipefail
cd "$(dirname "$0")/../.."

MINUTES="${MINUTES:-10}"
TARGETS="${TARGETS:-parser form json yaml}"
SKIP_BUILD="${SKIP_BUILD:-0}"

if [[ "$SKIP_BUILD" != 1 ]]; then
    # -DFUZZING hands `main` to libFuzzer's driver; lld, because gold fails on libFuzzer's objects.
    swift build -c release --scratch-path .build-fuzz --product deputy-fuzz \
        -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
fi
binary=.build-fuzz/release/deputy-fuzz

out="bench/results/fuzz-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
summary=("| target | runs | exec/s | cov | ft | corpus | crashes |" "|---|---:|---:|---:|---:|---:|---:|")
failed=0
for target in $TARGETS; do
    # New inputs go to a scratch corpus (libFuzzer writes to the first folder only); merge them
    # into Tests/Fuzz/Corpus deliberately, with -merge=1, if they are worth keeping.
    scratch="bench/results/fuzz-corpus/$target"
    mkdir -p "$scratch" "$out/$target"
    folders=("$scratch" "Tests/Fuzz/Corpus/$target")
    [[ -d "Tests/Fuzz/Crashes/$target" ]] && folders+=("Tests/Fuzz/Crashes/$target")
    options=(-max_total_time=$((MINUTES * 60)) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$out/$target/")
    [[ -f "Tests/Fuzz/Dictionaries/$target.dict" ]] && options+=(-dict="Tests/Fuzz/Dictionaries/$target.dict")
    echo "== $target: $MINUTES min, log in $out/$target.log"
    status=0
    # One process, one thread: one core. Swift's backtracer off: libFuzzer prints the stack.
    DEPUTY_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no "$binary" "${options[@]}" "${folders[@]}" \
        >"$out/$target.log" 2>&1 || status=$?
    last=$(grep -E '^#[0-9]+' "$out/$target.log" | tail -1 || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$target.log")
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
    crashes=$(find "$out/$target" -type f | wc -l)
    if [[ "$status" != 0 || "$crashes" != 0 ]]; then
        failed=1
        echo "   $target stopped (exit $status); crash inputs in $out/$target/, reason at the end of the log:"
        grep -E -A8 '^broken promise|ERROR: libFuzzer|Fatal error' "$out/$target.log" | head -20 | sed 's/^/   /'
    fi
    summary+=("| $target | ${runs:-?} | ${speed:-?} | ${cov:-?} | ${ft:-?} | ${corpus:-?} | $crashes |")
done

printf '%s\n' "${summary[@]}" | tee "$out/summary.md"
if [[ "$failed" != 0 ]]; then
    echo "Replay a crash: DEPUTY_FUZZ_TARGET=<target> swift run deputy-fuzz <file>; keep it in Tests/Fuzz/Crashes/<target>/."
fi
exit "$failed"
