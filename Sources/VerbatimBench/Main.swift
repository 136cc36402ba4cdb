/// `verbatim-bench [archive options]`, `verbatim-bench capture [--seconds N]` or
/// `verbatim-bench offline [POCKETSPHINX FLAGS]` or `verbatim-bench dashscope [--minutes N] [--engine qwen]` or
/// `verbatim-bench screen [--seconds N]`. Prints figures;
/// asserts nothing; never part of the test suite.
@main
enum VerbatimBench {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "screen" {
            try ScreenBenchmark.run(arguments.dropFirst())
        } else if arguments.first == "screen-child" {
            try await ScreenBenchmark.child(arguments.dropFirst())
        } else if arguments.first == "capture" {
            try await CaptureBenchmark.run(arguments.dropFirst())
        } else if arguments.first == "dashscope" {
            try await DashScopeBenchmark.run(arguments.dropFirst())
        } else if arguments.first == "websocket-floor" {
            try WebSocketFloorClient.run(arguments.dropFirst())
        } else if arguments.first == "whisper" {
            try await WhisperBenchmark.run(arguments.dropFirst())
        } else if arguments.first == "offline" {
            try await OfflineBenchmark.run(arguments.dropFirst())
        } else {
            try await ArchiveBenchmark.run(arguments.first == "archive" ? arguments.dropFirst() : arguments)
        }
    }
}
