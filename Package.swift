// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TrustPath",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trustpath", targets: ["trustpath"]),
        .library(name: "TrustPathKit", targets: [
            "TrustPathEscaping", "TrustPathJSON", "TrustPathModel", "TrustPathIngest", "TrustPathConfig", "TrustPathEngine",
            "TrustPathAnalysis", "TrustPathRemediation", "TrustPathReport",
            "TrustPathCompare", "TrustPathRender", "TrustPathHistory", "TrustPathPipeline", "TrustPathCheck", "TrustPathEvidence",
            "TrustPathCollect",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // the one escaping layer: every string from the input reaches an output through it
        .target(name: "TrustPathEscaping"),
        // files → model
        .target(name: "TrustPathJSON", dependencies: ["TrustPathEscaping"]),
        .target(name: "TrustPathModel"),
        .target(name: "TrustPathIngest", dependencies: ["TrustPathJSON", "TrustPathModel"]),
        .target(name: "TrustPathConfig", dependencies: ["TrustPathModel", .product(name: "Yams", package: "Yams")]),
        // model → evaluation → graph → findings
        .target(name: "TrustPathEngine", dependencies: ["TrustPathModel"]),
        .target(name: "TrustPathAnalysis", dependencies: ["TrustPathModel", "TrustPathEngine"]),
        .target(name: "TrustPathRemediation", dependencies: [
            "TrustPathEscaping", "TrustPathJSON", "TrustPathModel", "TrustPathEngine", "TrustPathAnalysis",
        ]),
        // findings → reports
        .target(name: "TrustPathReport", dependencies: [
            "TrustPathEscaping", "TrustPathEvidence", "TrustPathModel", "TrustPathEngine", "TrustPathAnalysis", "TrustPathRemediation",
        ]),
        // evidence of use: CloudTrail logs read through zlib, indexed by caller and role
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TrustPathEvidence", dependencies: ["CZlib", "TrustPathJSON", "TrustPathModel"]),
        // the one composition of the stages
        .target(name: "TrustPathPipeline", dependencies: [
            "TrustPathEvidence", "TrustPathModel", "TrustPathIngest", "TrustPathConfig", "TrustPathAnalysis", "TrustPathRemediation",
            "TrustPathReport",
        ]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // two reports compared by door and pair identity, and the diff's reporters
        .target(name: "TrustPathCompare", dependencies: ["TrustPathEscaping", "TrustPathModel", "TrustPathEngine",
                                                         "TrustPathAnalysis", "TrustPathReport"]),
        // Render and History are siblings: neither imports the other
        .target(name: "TrustPathRender", dependencies: ["CGraphviz", "TrustPathEscaping", "TrustPathModel", "TrustPathEngine",
                                                        "TrustPathAnalysis", "TrustPathReport", "TrustPathCompare"]),
        .target(name: "TrustPathHistory", dependencies: [
            "TrustPathEngine", "TrustPathAnalysis", "TrustPathReport", "TrustPathCompare", "TrustPathEscaping",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // checks before deploy: trust policies, CloudFormation templates and Terraform plans → the same analysis
        .target(name: "TrustPathCheck", dependencies: [
            "TrustPathJSON", "TrustPathModel", "TrustPathIngest", "TrustPathEngine", "TrustPathAnalysis",
            "TrustPathEscaping", "TrustPathRemediation", "TrustPathReport", "TrustPathConfig", .product(name: "Yams", package: "Yams"),
        ]),
        // collect: reads a whole organization through the user's AWS CLI (AtomicFile from TrustPathReport)
        .target(name: "TrustPathCollect", dependencies: ["TrustPathEscaping", "TrustPathJSON", "TrustPathReport"]),
        // thin front
        .executableTarget(name: "trustpath", dependencies: [
            "TrustPathPipeline", "TrustPathCompare", "TrustPathEscaping", "TrustPathEvidence", "TrustPathModel", "TrustPathIngest", "TrustPathConfig", "TrustPathEngine", "TrustPathAnalysis", "TrustPathRemediation",
            "TrustPathReport", "TrustPathRender", "TrustPathHistory", "TrustPathCheck", "TrustPathCollect",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer target for the JSON, policy and GAAD parsers; an ordinary build replays inputs (see README).
        .executableTarget(name: "trustpath-fuzz", dependencies: ["TrustPathIngest", "TrustPathJSON", "TrustPathAnalysis"]),
        // synthetic organizations, for the scale tests and the benchmark
        // (its CloudTrail logs are written gzipped, as S3 holds them)
        .target(name: "TrustPathSynthetic", dependencies: ["CZlib", "TrustPathEscaping"]),
        .executableTarget(name: "trustpath-bench", dependencies: [
            "TrustPathSynthetic", "TrustPathIngest", "TrustPathEngine", "TrustPathAnalysis", "TrustPathRemediation",
            "TrustPathReport", "TrustPathRender", "TrustPathEvidence",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TrustPathTests", dependencies: [
            "TrustPathEscaping", "TrustPathJSON", "TrustPathModel", "TrustPathIngest", "TrustPathConfig", "TrustPathEngine",
            "TrustPathAnalysis", "TrustPathRemediation", "TrustPathReport",
            "TrustPathRender", "TrustPathHistory", "TrustPathSynthetic", "TrustPathPipeline", "TrustPathCheck", "TrustPathCompare",
            "TrustPathEvidence", "TrustPathCollect", .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
