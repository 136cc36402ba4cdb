// swift-tools-version:6.0
// Targets are listed in data-flow order; ARCHITECTURE.md states who may import whom.
import Foundation
import PackageDescription

/// The WebSocket stack: websocket-kit over SwiftNIO and NIOSSL (the client, and the test server).
let webSocketProducts: [Target.Dependency] = [
    .product(name: "WebSocketKit", package: "websocket-kit"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOWebSocket", package: "swift-nio"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
]

/// The checkout's folder, for the headers of the whisper.cpp the set-up builds into `.build/whisper.cpp`.
let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

let package = Package(
    name: "verbatim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "verbatim", targets: ["verbatim"]),
        .executable(name: "verbatim-bench", targets: ["VerbatimBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/websocket-kit", from: "2.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Value types and pure text logic; no dependencies.
        .target(name: "TranscriptCore"),
        // The meeting archive: GRDB over the system SQLite.
        .target(
            name: "Store",
            dependencies: ["TranscriptCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Audio as numbers: PCM format, levels, WAV headers, decoding, resampling, source choice.
        .target(name: "AudioCore"),
        // C libraries opened on first use rather than linked (LazyLibrary.h): the loader, and the
        // forwarding functions of libpulse (the simple API to record, the asynchronous one to list sources).
        .target(name: "CLazyLibrary"),
        .target(name: "CPulse", dependencies: ["CLazyLibrary"]),
        // Capture threads over PulseAudio, files as sources, the audio file writer and its repair.
        .target(name: "AudioCapture", dependencies: ["AudioCore", "CPulse", "TranscriptCore"]),
        // The engine interface and transcript assembly: pure, shared by every engine.
        .target(name: "Recognition", dependencies: ["AudioCore", "TranscriptCore"]),
        // CMU PocketSphinx 5prealpha (Debian's libpocketsphinx-dev, libsphinxbase-dev), opened on first
        // use like libpulse. Its headers are for the forwarders only (Swift sees include/); the include
        // folder is the one `pkg-config --cflags pocketsphinx` adds to the multiarch defaults.
        .target(
            name: "CPocketSphinx", dependencies: ["CLazyLibrary"],
            cSettings: [.unsafeFlags(["-I/usr/include/pocketsphinx"])]
        ),
        // whisper.cpp 1.8.5, built by the set-up from PyPI's pywhispercpp sdist (scripts/whisper/), opened on
        // first use from a path. Its headers are for WhisperLibrary.c only; Swift sees include/CWhisper.h.
        .target(
            name: "CWhisper", dependencies: ["CLazyLibrary"],
            cSettings: [.unsafeFlags(["-I\(checkout)/.build/whisper.cpp/include"])]
        ),
        // The offline engines, each on a thread of its own: Whisper (the default) and PocketSphinx.
        .target(
            name: "OfflineRecognition",
            dependencies: ["AudioCore", "CPocketSphinx", "CWhisper", "Recognition", "TranscriptCore"]
        ),
        // DashScope's protocols as pure values: duplex (Fun-ASR, Paraformer) and realtime (Qwen3-ASR),
        // each a `SessionWire`; models, the audio kept for a reconnection, failure policy, metrics. No I/O.
        // The duplex server's JSON is read by swift-protobuf's JSON decoder through a schema
        // (Duplex/DuplexServerFrame.proto, generated code committed: `make protobuf`).
        .target(
            name: "DashScopeProtocol",
            dependencies: [
                "AudioCore", "Recognition", "TranscriptCore",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Duplex/DuplexServerFrame.proto"]
        ),
        // The DashScope and Qwen engines: a WebSocket client (websocket-kit over SwiftNIO and NIOSSL)
        // and the one session that streams, reconnects and re-sends, whatever the protocol.
        .target(
            name: "DashScopeClient",
            dependencies: [
                "AudioCore", "DashScopeProtocol", "Recognition", "TranscriptCore",
            ] + webSocketProducts
        ),
        // A meeting's summary as pure values: the chat request made from a transcript (in parts when it is
        // long), the server-sent events of a streamed answer and its chunks, the service's errors.
        .target(name: "Summary", dependencies: ["TranscriptCore"]),
        // The chat-completions client over async-http-client. (mattt/EventSource, the SSE parser on this
        // machine, does not build on Linux: it needs URLSession.bytes. Summary's own parser reads the stream.)
        .target(
            name: "SummaryClient",
            dependencies: [
                "Summary", "TranscriptCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // A meeting being recorded: captures, audio files and the archive, tied together.
        .target(
            name: "Session", dependencies: ["AudioCore", "AudioCapture", "Recognition", "Store", "TranscriptCore"]),
        // Pure, deterministic formats in and out (Markdown, SRT, WebVTT, JSON, text).
        .target(name: "Export", dependencies: ["TranscriptCore"]),
        // The meeting screen's state and its update function (Elm style), the key map. Pure.
        .target(name: "TUIModel", dependencies: ["AudioCore", "TranscriptCore"]),
        // The screen as a pure function of the state: cells, widgets, themes, the frame diff.
        .target(name: "TUIRender", dependencies: ["TUIModel", "TranscriptCore"]),
        // The configuration file: TOML read with TOMLKit, checked key by key into `VerbatimConfig`; the
        // screen's themes (`ThemeFile`).
        .target(
            name: "ConfigurationFile",
            dependencies: [
                "DashScopeProtocol", "TUIRender", "TranscriptCore", .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // ncursesw's wide-character API (libncurses-dev): a modulemap and a shim header.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The terminal: the ncurses backend (the only CNCurses user), key decoding, restore on exit.
        .target(name: "TUITerminal", dependencies: ["CNCurses", "TUIModel", "TUIRender", "TranscriptCore"]),
        // The composition root of the meeting screen: recorder events in, effects out to the archive.
        .target(
            name: "VerbatimApp",
            dependencies: [
                "AudioCapture", "AudioCore", "Export", "Recognition", "Session", "Store", "TUIModel", "TUIRender",
                "TUITerminal", "TranscriptCore",
            ]
        ),
        // The command-line tool.
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "TranscriptCore", "Store", "Export", "AudioCore", "AudioCapture", "Recognition", "OfflineRecognition",
                "DashScopeProtocol", "DashScopeClient", "ConfigurationFile", "Session", "Summary", "SummaryClient",
                "TUIModel", "TUIRender", "TUITerminal", "VerbatimApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release: GNU ld packs the binary's relative relocations (DT_RELR) and exports no symbols,
            // so a start reads and touches less of it (peak memory; see docs/DECISIONS.md). Still PIE.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=bfd", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker",
                        "pack-relative-relocs",
                    ],
                    .when(platforms: [.linux], configuration: .release)
                )
            ]
        ),
        // `make bench`: prints figures; never part of the test suite.
        .executableTarget(
            name: "VerbatimBench",
            dependencies: [
                "TranscriptCore", "Store", "Export", "AudioCore", "AudioCapture", "Recognition", "OfflineRecognition",
                "TUIModel", "TUIRender", "TUITerminal", "VerbatimTestSupport", "DashScopeProtocol",
            ] + webSocketProducts
        ),
        // Helpers shared by the test targets (temporary folders, snapshots, running the binary).
        .target(
            name: "VerbatimTestSupport",
            dependencies: [
                "AudioCore", "TranscriptCore",
            ] + webSocketProducts
        ),
        .testTarget(name: "TranscriptCoreTests", dependencies: ["TranscriptCore"]),
        .testTarget(
            name: "TUITests",
            dependencies: ["TUIModel", "TUIRender", "AudioCore", "TranscriptCore", "VerbatimTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "AudioCoreTests", dependencies: ["AudioCore"]),
        .testTarget(name: "RecognitionTests", dependencies: ["Recognition", "TranscriptCore"]),
        .testTarget(
            name: "DashScopeProtocolTests",
            dependencies: ["DashScopeProtocol", "AudioCore", "Recognition", "TranscriptCore"]
        ),
        .testTarget(
            name: "DashScopeClientTests",
            dependencies: [
                "DashScopeClient", "DashScopeProtocol", "AudioCore", "Recognition", "Session", "Store",
                "TranscriptCore",
                "VerbatimTestSupport",
            ]
        ),
        .testTarget(name: "SummaryTests", dependencies: ["Summary", "TranscriptCore"]),
        .testTarget(
            name: "SummaryClientTests",
            dependencies: ["Summary", "SummaryClient", "TranscriptCore", "VerbatimTestSupport"]
        ),
        .testTarget(
            name: "ConfigurationTests", dependencies: ["ConfigurationFile", "TUIRender", "VerbatimTestSupport"]),
        .testTarget(
            name: "OfflineRecognitionTests",
            dependencies: [
                "OfflineRecognition", "Recognition", "AudioCore", "AudioCapture", "TranscriptCore",
                "VerbatimTestSupport",
            ]
        ),
        .testTarget(
            name: "AudioCaptureTests",
            dependencies: ["AudioCapture", "AudioCore", "CLazyLibrary", "VerbatimTestSupport"]),
        .testTarget(
            name: "SessionTests",
            dependencies: [
                "Session", "Recognition", "Store", "AudioCapture", "AudioCore", "TranscriptCore", "VerbatimTestSupport",
            ]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Store", "TranscriptCore", "VerbatimTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "TranscriptCore", "VerbatimTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "OfflineRecognition", "Recognition", "Store", "TranscriptCore", "AudioCore", "VerbatimTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
