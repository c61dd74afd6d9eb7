// swift-tools-version: 6.0
import PackageDescription

// Imports are internal unless a file says `public import`, so a module's public face shows what it
// exposes; existentials are written `any P`, so their cost is visible where they are used.
let strict: [SwiftSetting] = [.enableUpcomingFeature("InternalImportsByDefault"), .enableUpcomingFeature("ExistentialAny")]

// Who may import whom is the architecture: engines (QualifyXML, QualifyDocument) know nothing of
// probation; QualifyKit holds the domain; the `qualify` executable is a thin face.
let package = Package(
    name: "Qualify",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "QualifyKit", targets: ["QualifyKit"]),
        .executable(name: "qualify", targets: ["qualify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "QualifyDocument", swiftSettings: strict),
        .target(name: "QualifyXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "JSONSchema", dependencies: ["QualifyDocument"], swiftSettings: strict),
        .target(name: "Readability", swiftSettings: strict),
        .target(
            name: "QualifyKit",
            dependencies: [
                "QualifyDocument", "QualifyXML", "Readability", "JSONSchema",
                .product(name: "Yams", package: "Yams"), .product(name: "Ink", package: "Ink"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "QualifyWeb",
            dependencies: [
                "QualifyKit", "QualifyDocument", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"), .product(name: "Yams", package: "Yams"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "qualify",
            dependencies: ["QualifyKit", "QualifyWeb", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Writes realistic submissions for the benchmarks (BENCHMARKS.md, benchmarks/run.sh).
        .executableTarget(name: "corpus", dependencies: ["QualifyDocument", "QualifyKit"]),
        // libFuzzer targets (ROBUSTNESS.md, fuzz/run.sh). Built normally, each replays the files it is given.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzJSONReader", dependencies: ["QualifyDocument", "FuzzSupport"]),
        .executableTarget(name: "FuzzJSONSchema", dependencies: ["JSONSchema", "QualifyDocument", "FuzzSupport"]),
        .executableTarget(name: "FuzzXML", dependencies: ["QualifyXML", "FuzzSupport"]),
        .executableTarget(name: "FuzzChecker", dependencies: ["QualifyKit", "FuzzSupport"]),
        .testTarget(name: "QualifyXMLTests", dependencies: ["QualifyXML"]),
        .testTarget(name: "CLITests", dependencies: ["qualify"]),
        .testTarget(name: "QualifyDocumentTests", dependencies: ["QualifyDocument"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "QualifyDocument"]),
        .testTarget(name: "ReadabilityTests", dependencies: ["Readability"]),
        .testTarget(
            name: "QualifyWebTests",
            dependencies: [
                "QualifyWeb", "QualifyKit", "QualifyDocument", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "QualifyKitTests", dependencies: ["QualifyKit", "QualifyDocument", "QualifyXML"]),
    ]
)
