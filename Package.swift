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
        .library(name: "DeputyStore", targets: ["DeputyStore"]),
        .library(name: "DeputyPostgres", targets: ["DeputyPostgres"]),
        .library(name: "DeputyChat", targets: ["DeputyChat"]),
        .library(name: "DeputyPaging", targets: ["DeputyPaging"]),
        .library(name: "CurlHTTP", targets: ["CurlHTTP"]),
        .library(name: "DeputyServer", targets: ["DeputyServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
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
            name: "DeputyStore",
            dependencies: ["DeputyCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyPostgres",
            dependencies: [
                "DeputyStore", "DeputyCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyChat",
            dependencies: ["DeputyCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyPaging",
            dependencies: ["DeputyCore", "DeputyChat", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyServer",
            dependencies: [
                "DeputyCore", "DeputyChat", "DeputyPaging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // The timeline page's templates and its signed links.
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyDaemon",
            dependencies: [
                "DeputyCore", "DeputyConfig", "DeputyStore", "DeputyChat", "DeputyPaging", "CurlHTTP", "DeputyServer",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "deputy",
            dependencies: [
                "DeputyDaemon", "DeputyConfig", "DeputyCore", "DeputyStore", "DeputyPostgres", "DeputyChat", "CurlHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
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
        .executableTarget(
            name: "bare-slack",
            dependencies: [
                "DeputyChat", "DeputyCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "bench/BareSlack",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "open-loop",
            path: "bench/OpenLoop",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "timers-seed",
            dependencies: [
                "DeputyDaemon", "DeputyConfig", "DeputyCore", "DeputyStore", "DeputyServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/TimersSeed",
            swiftSettings: strictness
        ),
        .target(
            name: "DeputyTestSupport",
            dependencies: [
                "DeputyCore", "DeputyConfig", "DeputyDaemon", "DeputyStore", "CurlHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/DeputyTestSupport",
            swiftSettings: strictness
        ),
        // What the fuzz targets check, shared by `deputy-fuzz` and the corpus replay test.
        .target(
            name: "DeputyFuzz",
            dependencies: ["DeputyCore", "DeputyChat", "DeputyConfig"],
            path: "Tests/DeputyFuzz",
            swiftSettings: strictness
        ),
        // libFuzzer's driver; only a build with -DFUZZING -sanitize=fuzzer calls it (bench/fuzz/run.sh).
        .systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "deputy-fuzz",
            dependencies: ["DeputyFuzz", "CLibFuzzer"],
            path: "Tests/Fuzz/Driver",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyCoreTests",
            dependencies: ["DeputyCore", "DeputyTestSupport", "DeputyFuzz"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyConfigTests",
            dependencies: ["DeputyConfig", "DeputyCore", "DeputyTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyStoreTests",
            dependencies: [
                "DeputyStore", "DeputyCore", "DeputyTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyStoreContractTests",
            dependencies: [
                "DeputyStore", "DeputyPostgres", "DeputyCore", "DeputyDaemon", "DeputyTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyChatTests",
            dependencies: [
                "DeputyChat", "DeputyCore", "DeputyConfig", "DeputyTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyPagingTests",
            dependencies: ["DeputyPaging", "DeputyCore", "DeputyChat"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyServerTests",
            dependencies: [
                "DeputyServer", "DeputyChat", "DeputyCore", "DeputyConfig", "DeputyDaemon", "DeputyTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeputyDaemonTests",
            dependencies: [
                "DeputyDaemon", "DeputyConfig", "DeputyCore", "DeputyTestSupport", "CurlHTTP", "DeputyChat",
                "DeputyStore", "DeputyServer", "DeputyPostgres", "DeputyPaging",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The whole daemon's service group, run and shut down by the live daemon tests.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // A fake Slack Web API for the live delivery tests.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Transcripts"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CurlHTTPTests",
            // The raw-socket test server lives in DeputyTestSupport: the daemon's fault tests use it too.
            dependencies: ["CurlHTTP", "DeputyTestSupport"], swiftSettings: strictness),
        .testTarget(name: "DeputyFuzzTests", dependencies: ["DeputyFuzz", "DeputyCore"], swiftSettings: strictness),
    ],
    swiftLanguageModes: [.v6]
)
