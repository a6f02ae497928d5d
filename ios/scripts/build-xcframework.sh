#!/usr/bin/env bash
# Builds the phone library for iOS as ios/AlongsideFFI.xcframework and writes the Swift bindings
# into the package (ios/Sources/AlongsideCore), on a Mac with Xcode and rustup:
#
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios \
#                     aarch64-apple-darwin x86_64-apple-darwin
#   ios/scripts/build-xcframework.sh
#
# Slices: iPhone (aarch64-apple-ios); the simulator (aarch64-apple-ios-sim and x86_64-apple-ios
# joined with lipo); and the Mac (aarch64-apple-darwin and x86_64-apple-darwin joined with lipo),
# so `swift test` in ios/ runs against the same XCFramework. Each slice is the static library
# (libalongside_ffi.a) with the generated C header and a module map for AlongsideCoreFFI, the
# module the generated Swift imports. The Swift is generated from the built library with the
# workspace's own uniffi-bindgen, exactly as `make bindings` does; it is not committed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ "$(uname -s)" == Darwin ]] || { echo "build-xcframework: needs macOS with Xcode" >&2; exit 1; }
command -v xcodebuild >/dev/null || { echo "build-xcframework: xcodebuild not found (install Xcode)" >&2; exit 1; }

ios=aarch64-apple-ios
sim=(aarch64-apple-ios-sim x86_64-apple-ios)
mac=(aarch64-apple-darwin x86_64-apple-darwin)
lib=libalongside_ffi.a
out=ios/AlongsideFFI.xcframework
work=target/xcframework
export IPHONEOS_DEPLOYMENT_TARGET=16.0
export MACOSX_DEPLOYMENT_TARGET=12.0

installed="$(rustup target list --installed)"
for t in "$ios" "${sim[@]}" "${mac[@]}"; do
    grep -qx "$t" <<<"$installed" || { echo "build-xcframework: rustup target add $t" >&2; exit 1; }
done

# The `phone` profile: optimised for size, whole-program LTO (docs/performance.md, "The phone
# library's size"). Symbols stay, so uniffi-bindgen reads the device library's metadata.
for t in "$ios" "${sim[@]}" "${mac[@]}"; do
    echo "build-xcframework: cargo build --profile phone --target $t"
    cargo build --profile phone --package alongside-ffi --target "$t"
done

# The Swift bindings and C header, from the device library (uniffi reads the metadata it carries).
rm -rf "$work"
mkdir -p "$work/bindings" "$work/headers" "$work/sim" "$work/mac"
cargo run --release --package alongside-bindgen --bin uniffi-bindgen -- \
    generate "target/$ios/phone/$lib" --language swift --out-dir "$work/bindings" --no-format
cp "$work/bindings/AlongsideCoreFFI.h" "$work/headers/"
cat >"$work/headers/module.modulemap" <<'MAP'
module AlongsideCoreFFI {
    header "AlongsideCoreFFI.h"
    export *
}
MAP

# One library per platform: lipo joins the simulator's two architectures, and the Mac's.
lipo -create "target/${sim[0]}/phone/$lib" "target/${sim[1]}/phone/$lib" -output "$work/sim/$lib"
lipo -create "target/${mac[0]}/phone/$lib" "target/${mac[1]}/phone/$lib" -output "$work/mac/$lib"

rm -rf "$out"
xcodebuild -create-xcframework \
    -library "target/$ios/phone/$lib" -headers "$work/headers" \
    -library "$work/sim/$lib" -headers "$work/headers" \
    -library "$work/mac/$lib" -headers "$work/headers" \
    -output "$out"

mkdir -p ios/Sources/AlongsideCore
cp "$work/bindings/AlongsideCore.swift" ios/Sources/AlongsideCore/
echo "build-xcframework: wrote $out and ios/Sources/AlongsideCore/AlongsideCore.swift"
