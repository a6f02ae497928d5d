#!/usr/bin/env bash
# Installs what the Kotlin binding tests need, each part only when missing:
#   - a JDK check (java must be on PATH; nothing is installed for it),
#   - the Kotlin compiler from the npm package kotlin-compiler, unpacked to $CACHE/kotlinc
#     ($CACHE/kotlinc/bin/kotlinc, jars in $CACHE/kotlinc/lib/),
#   - Debian's libjna-java (/usr/share/java/jna.jar) and junit5
#     (/usr/share/java/junit-platform-console-standalone.jar) through apt-get.
# Usage: install-toolchain.sh [CACHE]   (default: <repo root>/.tools)
# Prints one line per part. When everything is present it uses no network.
set -euo pipefail

KOTLIN_VERSION="2.4.20"
JNA_JAR=/usr/share/java/jna.jar
JUNIT_JAR=/usr/share/java/junit-platform-console-standalone.jar

die() { echo "install-toolchain: error: $*" >&2; exit 1; }

if [[ $# -ge 1 && -n "$1" ]]; then
    CACHE="$1"
else
    script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    root="$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null)" \
        || die "not inside a git work tree; pass the cache directory as the first argument"
    CACHE="$root/.tools"
fi
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

# One installer at a time per cache (two test jobs starting together must not unpack twice).
if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/.install-toolchain.lock"
    flock 9
fi

# ---- JDK -------------------------------------------------------------------
if ! command -v java >/dev/null 2>&1; then
    die "java not found on PATH: install a JDK (17 or newer), e.g. 'apt-get install openjdk-17-jdk-headless'"
fi
java_version="$(java -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')"
[[ -n "$java_version" ]] || die "could not read the version of $(command -v java)"
echo "java: found $java_version ($(command -v java))"

# ---- Kotlin compiler (npm package kotlin-compiler) -------------------------
KOTLIN_HOME="$CACHE/kotlinc"
kotlin_ok() {
    [[ -x "$KOTLIN_HOME/bin/kotlinc" && -f "$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
        && "$(cat "$KOTLIN_HOME/build.txt" 2>/dev/null)" == "$KOTLIN_VERSION"* ]]
}
if kotlin_ok; then
    echo "kotlinc: found $KOTLIN_VERSION ($KOTLIN_HOME/bin/kotlinc)"
else
    command -v npm >/dev/null 2>&1 || die "npm not found on PATH: it is needed to fetch kotlin-compiler@$KOTLIN_VERSION"
    rm -rf "$CACHE"/.kotlinc-tmp.*   # left by an interrupted run
    work="$(mktemp -d "$CACHE/.kotlinc-tmp.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    if ! (cd "$work" && npm pack "kotlin-compiler@$KOTLIN_VERSION" --silent >"$work/npm.log" 2>&1); then
        cat "$work/npm.log" >&2
        die "npm pack kotlin-compiler@$KOTLIN_VERSION failed"
    fi
    tarball="$(ls "$work"/kotlin-compiler-*.tgz 2>/dev/null | head -n1)"
    [[ -n "$tarball" ]] || die "npm pack produced no tarball"
    tar -xzf "$tarball" -C "$work"
    [[ -f "$work/package/bin/kotlinc" && -f "$work/package/lib/kotlin-stdlib.jar" ]] \
        || die "kotlin-compiler@$KOTLIN_VERSION tarball has no bin/kotlinc or lib/kotlin-stdlib.jar"
    chmod +x "$work/package/bin/"*
    # Replace any old or half-written copy in one step.
    rm -rf "$KOTLIN_HOME"
    mv "$work/package" "$KOTLIN_HOME"
    rm -rf "$work"
    trap - EXIT
    kotlin_ok || die "kotlinc unpacked to $KOTLIN_HOME but build.txt does not say $KOTLIN_VERSION"
    echo "kotlinc: installed $KOTLIN_VERSION ($KOTLIN_HOME/bin/kotlinc)"
fi

# ---- JNA and JUnit 5 (Debian packages) -------------------------------------
if [[ -f "$JNA_JAR" && -f "$JUNIT_JAR" ]]; then
    echo "jna: found $JNA_JAR"
    echo "junit5: found $JUNIT_JAR"
else
    command -v apt-get >/dev/null 2>&1 || die "$JNA_JAR or $JUNIT_JAR missing and apt-get not found: install libjna-java and junit5"
    SUDO=()
    if [[ "$(id -u)" -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "not root and sudo not found: cannot apt-get install libjna-java junit5"
        SUDO=(sudo)
    fi
    apt_log="$(mktemp)"
    apt_install() {
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends libjna-java junit5 >>"$apt_log" 2>&1
    }
    if ! apt_install; then
        # The package lists may be missing or stale: refresh once and retry.
        if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$apt_log" 2>&1 || ! apt_install; then
            cat "$apt_log" >&2
            rm -f "$apt_log"
            die "apt-get install libjna-java junit5 failed"
        fi
    fi
    rm -f "$apt_log"
    [[ -f "$JNA_JAR" ]] || die "libjna-java installed but $JNA_JAR is missing"
    [[ -f "$JUNIT_JAR" ]] || die "junit5 installed but $JUNIT_JAR is missing"
    echo "jna: installed libjna-java ($JNA_JAR)"
    echo "junit5: installed junit5 ($JUNIT_JAR)"
fi
