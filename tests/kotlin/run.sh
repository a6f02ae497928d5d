#!/usr/bin/env bash
# The phone API on the desktop JVM, as `make test` runs it:
#   1. installs kotlinc, JNA and JUnit when missing (install-toolchain.sh),
#   2. builds the release phone library and generates the Kotlin and Swift bindings (`make bindings`),
#   3. compiles the generated Kotlin, the app's Kotlin layer (android/core-kotlin) and these tests in
#      one kotlinc call (skipped when no input changed since the last compile),
#   4. runs the worker-day test through JNA against target/release/libalongside_ffi.so.
# The last line is `N passed, N failed`; the exit status is non-zero on any failure.
#
# Usage: tests/kotlin/run.sh           run the tests
#        tests/kotlin/run.sh --bench   run the timeline benchmark and measure the library's size
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
    java_run org.alongside.bench.TimelineBenchKt
else
    java_run org.alongside.tests.WorkerDayTestKt
fi
