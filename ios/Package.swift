// swift-tools-version:5.9
// Alongside's Swift side: the phone library's generated Swift bindings as a SwiftPM package, and
// the XCTest suite (Tests/AlongsideCoreTests) that mirrors the Kotlin worker-day test in tests/kotlin.
//
// Generated, not committed (`make bindings` writes them from the built library every time):
//   Sources/AlongsideCore/AlongsideCore.swift      the Swift API
//   Sources/AlongsideCoreFFI/AlongsideCoreFFI.h    its C header (module.modulemap beside it is ours)
//
// This manifest links the host build of the library (../target/release) so that `swift test` runs
// on a Mac or on Linux with swift.org's toolchain (`make swift-test`). The iOS app (issue 7) adds its
// own target and replaces the host link with an XCFramework binary target built from the Rust iOS
// targets; the AlongsideCore sources stay the same.
import Foundation
import PackageDescription

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let hostLibDir = repoRoot.appendingPathComponent("target/release").path

let package = Package(
    name: "Alongside",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "AlongsideCore", targets: ["AlongsideCore"]),
    ],
    targets: [
        // The C declarations of the library's exported functions; links libalongside_ffi.
        .systemLibrary(name: "AlongsideCoreFFI", path: "Sources/AlongsideCoreFFI"),
        .target(
            name: "AlongsideCore",
            dependencies: ["AlongsideCoreFFI"],
            path: "Sources/AlongsideCore",
            linkerSettings: [
                .unsafeFlags(["-L", hostLibDir, "-Xlinker", "-rpath", "-Xlinker", hostLibDir]),
            ]
        ),
        .testTarget(
            name: "AlongsideCoreTests",
            dependencies: ["AlongsideCore"],
            path: "Tests/AlongsideCoreTests"
        ),
    ]
)
