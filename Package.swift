// swift-tools-version: 6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Deputy",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "deputy", targets: ["deputy"]),
        .library(name: "DeputyCore", targets: ["DeputyCore"]),
        .library(name: "DeputyConfig", targets: ["DeputyConfig"]),
        .library(name: "DeputyDaemon", targets: ["DeputyDaemon"]),
        .library(name: "CurlHTTP", targets: ["CurlHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "DeputyCore", swiftSettings: strictness),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlHTTP", dependencies: ["CCurl"], swiftSettings: strictness),
        .target(
            name: "DeputyConfig",
            dependencies: ["DeputyCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyDaemon",
            dependencies: ["DeputyCore", "DeputyConfig"],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "deputy",
            dependencies: [
                "DeputyDaemon", "DeputyConfig", "DeputyCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "deputy-bench",
            dependencies: ["DeputyCore"],
            path: "bench/CoreBench",
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyTestSupport",
            dependencies: ["DeputyCore", "DeputyConfig", "DeputyDaemon"],
            path: "Tests/DeputyTestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyCoreTests",
            dependencies: ["DeputyCore", "DeputyTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyConfigTests",
            dependencies: ["DeputyConfig", "DeputyCore", "DeputyTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyDaemonTests",
            dependencies: ["DeputyDaemon", "DeputyConfig", "DeputyCore", "DeputyTestSupport"],
            exclude: ["Transcripts"],
            swiftSettings: strictness
        ),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP"], swiftSettings: strictness),
    ],
    swiftLanguageModes: [.v6]
)
