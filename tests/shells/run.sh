#!/usr/bin/env bash
# The phone shells' checks, as `make test` runs them (target shells-check):
#   1. check_api.py: every call the Android (Kotlin) and iOS (Swift) shells make into the
#      generated bindings exists there, with matching arguments and labels;
#   2. test_check_api.py: the check itself catches deliberate mistakes in the shells' code;
#   3. check_no_android.py: no file under android/core-kotlin/src imports Android (it is a JVM
#      module in Gradle, and runs on the desktop JVM here), and its own self-test;
#   4. the Android shell's platform-key adapter (android/app/.../app/keys, which imports nothing
#      from Android) compiled with kotlinc against the generated bindings and the Kotlin layer,
#      and its JVM test run through the core with a software key and a stand-in for
#      BiometricPrompt (compiled once per change of its inputs, into build/shells/classes);
#   5. check_usage.py: every call the phone library exports is made by an app, or listed in
#      docs/phone-api.md as one the apps do not make, with why;
#   6. check_words.py: no user-facing word of the apps' own in the Compose and SwiftUI code (every
#      word comes from the core, in the reader's language), and its self-test on planted samples.
# The Compose and SwiftUI code itself is not compiled here (no Android SDK, no Xcode).
# The last line is `N passed, N failed`; the exit status is non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mkdir -p build
# The Kotlin tests regenerate build/bindings too: take turns with them.
if command -v flock >/dev/null 2>&1; then
    exec 8>build/.kotlin-test.lock
    flock 8
fi
passed=0
failed=0

bash tests/kotlin/install-toolchain.sh "$root/.tools"
make --no-print-directory bindings

# 1. The API check.
if python3 tests/shells/check_api.py; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# 2. The check's own test: each deliberate mistake must be reported.
out="$(python3 tests/shells/test_check_api.py)" && status=0 || status=$?
grep -v '^ok ' <<<"$out" | sed '$d' || true
summary="$(tail -n 1 <<<"$out")"
echo "check_api self-test: $summary"
if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
fi
[[ $status -eq 0 ]] || [[ "$summary" =~ [1-9][0-9]*\ failed$ ]] || failed=$((failed + 1))

# 3. The Kotlin layer imports nothing from Android, and the check finds a planted import.
if python3 tests/shells/check_no_android.py; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
if python3 tests/shells/check_no_android.py --self-test; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# 5. Every exported call is used by an app or listed as not (one check for the whole list).
if python3 tests/shells/check_usage.py | sed '$d'; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# 6. No words of the apps' own, and the check finds planted ones.
if python3 tests/shells/check_words.py | sed '$d'; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
out="$(python3 tests/shells/check_words.py --self-test)" && status=0 || status=$?
grep -v '^ok' <<<"$out" | sed '$d' || true
summary="$(tail -n 1 <<<"$out")"
echo "check_words self-test: $summary"
if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
fi
[[ $status -eq 0 ]] || [[ "$summary" =~ [1-9][0-9]*\ failed$ ]] || failed=$((failed + 1))

# 4. The platform-key adapter on the JVM.
keys=android/app/src/main/kotlin/org/alongside/app/keys
if grep -rnE '^import (android|androidx)\.' "$keys"; then
    echo "shells-check: $keys must not import Android (it is compiled and tested on the JVM)"
    failed=$((failed + 1))
else
    K="$root/.tools/kotlinc"
    JNA=/usr/share/java/jna.jar
    sources=(build/bindings/kotlin android/core-kotlin/src/main/kotlin "$keys" tests/shells/kotlin
        tests/kotlin/src/org/alongside/tests/Harness.kt)
    out_dir=build/shells/classes
    inputs_hash="$( { cat "$K/build.txt"; find "${sources[@]}" -name '*.kt' -type f | LC_ALL=C sort | xargs sha256sum; } \
        | sha256sum | cut -d' ' -f1)"
    if [[ -f "$out_dir/.inputs" && "$(cat "$out_dir/.inputs")" == "$inputs_hash" ]]; then
        echo "kotlinc: sources unchanged since the last compile; reusing $out_dir"
    else
        rm -rf "$out_dir"
        mkdir -p "$out_dir"
        start=$(date +%s)
        "$K/bin/kotlinc" -nowarn -jvm-target 17 \
            -cp "$JNA:$K/lib/kotlin-test.jar:$K/lib/kotlinx-coroutines-core-jvm.jar" \
            "${sources[@]}" -d "$out_dir"
        echo "$inputs_hash" >"$out_dir/.inputs"
        echo "kotlinc: compiled the bindings, the Kotlin layer and $keys in $(($(date +%s) - start)) s"
    fi
    out="$(java -Djna.library.path="$root/target/release" \
        -cp "$out_dir:$JNA:$K/lib/kotlin-stdlib.jar:$K/lib/kotlin-test.jar:$K/lib/kotlinx-coroutines-core-jvm.jar" \
        org.alongside.shells.KeystorePlatformKeyTestKt)" && status=0 || status=$?
    sed '$d' <<<"$out"
    summary="$(tail -n 1 <<<"$out")"
    echo "platform key on the JVM: $summary"
    if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
    else
        failed=$((failed + 1))
    fi
    [[ $status -eq 0 ]] || [[ "$summary" =~ [1-9][0-9]*\ failed$ ]] || failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
