// swift-tools-version:5.9
// Alongside's Swift side: the phone library's generated Swift bindings as a SwiftPM package, the
// XCTest suite (Tests/AlongsideCoreTests) that mirrors the Kotlin worker-day test in tests/kotlin,
// and the library the iOS app (App/, an XcodeGen project) depends on.
//
// Generated, not committed:
//   Sources/AlongsideCore/AlongsideCore.swift      the Swift API (`make bindings`, or the script below)
//   Sources/AlongsideCoreFFI/AlongsideCoreFFI.h    its C header for the host build (`make bindings`)
//   AlongsideFFI.xcframework                       the Rust core for iPhone, the simulator and the Mac
//                                                  (scripts/build-xcframework.sh, on a Mac)
//
// Where AlongsideFFI.xcframework exists, AlongsideCore links it (a binary target whose headers
// carry the AlongsideCoreFFI module): that is how the app is built. Where it does not, the package
// links the host build of the library in ../target/release, so `swift test` runs on a Mac or on
// Linux with swift.org's toolchain (`make swift-test`); the AlongsideCore sources are the same.
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repoRoot = packageDir.deletingLastPathComponent()
let hostLibDir = repoRoot.appendingPathComponent("target/release").path
let xcframework = packageDir.appendingPathComponent("AlongsideFFI.xcframework").path
let useXCFramework = FileManager.default.fileExists(atPath: xcframework)

let ffiTargets: [Target] = useXCFramework
    ? [.binaryTarget(name: "AlongsideFFI", path: "AlongsideFFI.xcframework")]
    : [.systemLibrary(name: "AlongsideCoreFFI", path: "Sources/AlongsideCoreFFI")]

let coreTarget: Target = useXCFramework
    ? .target(
        name: "AlongsideCore",
        dependencies: ["AlongsideFFI"],
        path: "Sources/AlongsideCore"
    )
    : .target(
        name: "AlongsideCore",
        dependencies: ["AlongsideCoreFFI"],
        path: "Sources/AlongsideCore",
        linkerSettings: [
            .unsafeFlags(["-L", hostLibDir, "-Xlinker", "-rpath", "-Xlinker", hostLibDir]),
        ]
    )

let package = Package(
    name: "Alongside",
    platforms: [.macOS(.v12), .iOS(.v16)],
    products: [
        .library(name: "AlongsideCore", targets: ["AlongsideCore"]),
    ],
    targets: ffiTargets + [
        coreTarget,
        .testTarget(
            name: "AlongsideCoreTests",
            dependencies: ["AlongsideCore"],
            path: "Tests/AlongsideCoreTests"
        ),
    ]
)
