#!/usr/bin/env bash
# The phone API on the desktop JVM, as `make test` runs it:
#   1. installs kotlinc, JNA and JUnit when missing (install-toolchain.sh),
#   2. builds the release phone library and generates the Kotlin and Swift bindings (`make bindings`),
#   3. compiles the generated Kotlin, the app's Kotlin layer (android/core-kotlin) and these tests in
#      one kotlinc call (skipped when no input changed since the last compile),
#   4. starts one PostgreSQL cluster and the real relay (tests/kotlin/relay.sh; stopped on every
#      exit) for the team sync test, which fails loudly when they cannot start,
#   5. runs the worker-day test through JNA against target/release/libalongside_ffi.so.
# Before all that it runs the phone shells' checks (tests/shells/run.sh: the API check, the usage
# check, the words check (no user-facing word of the apps' own) and the platform-key adapter on
# the JVM), so the last line counts them too.
# The last line is `N passed, N failed` over both; the exit status is non-zero on any failure,
# including a run that ends without its own count (a crash counts as one failure).
#
# Usage: tests/kotlin/run.sh           run the tests
#        tests/kotlin/run.sh --bench   run the timeline benchmark (the bridge's split: its Rust half,
#                                      bindings/ffi/examples/bridge_split.rs, then the Kotlin half)
#                                      and measure the library's size
set -euo pipefail

mode=test
case "${1:-}" in
    "") ;;
    --bench) mode=bench ;;
    *) echo "usage: $0 [--bench]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mkdir -p build

# The sum of `N passed, N failed` lines; a run with no such last line is one failure.
passed=0
failed=0
count() { # count SUMMARY STATUS
    if [[ "$1" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
        [[ $2 -eq 0 || ${BASH_REMATCH[2]} -gt 0 ]] || failed=$((failed + 1))
    else
        failed=$((failed + 1))
    fi
}

# A step before the tests (toolchain, bindings, kotlinc) that stops the run still ends it with the
# count, the stop counted as one failure.
final_printed=0
# shellcheck source=tests/kotlin/relay.sh
source "$root/tests/kotlin/relay.sh"
on_exit() {
    local status=$?
    relay_stop
    if [[ "$mode" == test && $final_printed -eq 0 ]]; then
        echo "kotlin-test: stopped before the Kotlin tests ran to the end (exit $status)"
        echo "$passed passed, $((failed + 1)) failed"
    fi
}
trap on_exit EXIT

if [[ "$mode" == test ]]; then
    # Before taking the lock below: the shells' script takes the same one.
    shells_out="$(bash tests/shells/run.sh 2>&1)" && shells_status=0 || shells_status=$?
    sed '$d' <<<"$shells_out"
    shells_summary="$(tail -n 1 <<<"$shells_out")"
    echo "phone shells: $shells_summary"
    count "$shells_summary" "$shells_status"
fi
# Two runs in one work tree would rewrite each other's bindings and classes: take turns.
if command -v flock >/dev/null 2>&1; then
    exec 8>build/.kotlin-test.lock
    flock 8
fi

bash tests/kotlin/install-toolchain.sh "$root/.tools"
K="$root/.tools/kotlinc"
JNA=/usr/share/java/jna.jar

make --no-print-directory bindings

case "$(uname -s)" in
    Darwin) lib=target/release/libalongside_ffi.dylib ;;
    *) lib=target/release/libalongside_ffi.so ;;
esac
[[ -f "$lib" ]] || { echo "kotlin-test: $lib was not built" >&2; exit 1; }

# Everything kotlinc reads. Extra source folders (e.g. the Android shell's non-UI sources, to prove
# every call they make exists in the generated API) can be added with KOTLIN_EXTRA_SOURCES.
sources=(
    build/bindings/kotlin
    android/core-kotlin/src/main/kotlin
    tests/kotlin/src
    tests/kotlin/bench
)
# shellcheck disable=SC2206
sources+=(${KOTLIN_EXTRA_SOURCES:-})
classes=build/kotlin/classes
classpath_compile="$JNA:$K/lib/kotlin-test.jar:$K/lib/kotlinx-coroutines-core-jvm.jar"
classpath_run="$classes:$JNA:$K/lib/kotlin-stdlib.jar:$K/lib/kotlin-test.jar:$K/lib/kotlinx-coroutines-core-jvm.jar"

inputs_hash="$( { cat "$K/build.txt"; find "${sources[@]}" -name '*.kt' -type f | LC_ALL=C sort | xargs sha256sum; } \
    | sha256sum | cut -d' ' -f1)"
if [[ -f "$classes/.inputs" && "$(cat "$classes/.inputs")" == "$inputs_hash" ]]; then
    echo "kotlinc: sources unchanged since the last compile; reusing $classes"
else
    rm -rf "$classes"
    mkdir -p "$classes"
    start=$(date +%s)
    "$K/bin/kotlinc" -nowarn -jvm-target 17 -cp "$classpath_compile" "${sources[@]}" -d "$classes"
    echo "$inputs_hash" >"$classes/.inputs"
    echo "kotlinc: compiled bindings, android/core-kotlin and tests in $(($(date +%s) - start)) s"
fi

java_run() {
    java -Djna.library.path="$root/$(dirname "$lib")" -cp "$classpath_run" "$@"
}

if [[ "$mode" == bench ]]; then
    make --no-print-directory size
    # The bridge's Rust half first (the core alone, the exported function without JNA), then the
    # Kotlin half: the same timeline through the bindings, and where a call's time goes there.
    cargo run --quiet --release -p alongside-ffi --example bridge_split
    java_run org.alongside.bench.TimelineBenchKt
else
    log=build/kotlin/last-run.txt
    relay_start "$root"
    set +e
    java_run org.alongside.tests.WorkerDayTestKt 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    kotlin_summary="$(tail -n 1 "$log")"
    count "$kotlin_summary" "$status"
    echo "(phone shells: ${shells_summary:-none}; Kotlin on the JVM: $kotlin_summary)"
    echo "$passed passed, $failed failed"
    final_printed=1
    relay_stop
    [[ $failed -eq 0 ]]
fi
