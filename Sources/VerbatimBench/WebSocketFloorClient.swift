import AudioCore
import DashScopeProtocol
import Foundation
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import WebSocketKit

/// `verbatim-bench dashscope --client websocket-kit`: the floor under any duplex client built on
/// websocket-kit, run in the place of `verbatim transcribe` with the same arguments.
///
/// It does what the session must and nothing more: connects, sends `run-task`, sends the file's audio
/// in 400 ms binary frames as fast as the socket takes them (eight frames a trip, like the engine),
/// sends `finish-task`, and reads every result frame until `task-finished`. It decodes no JSON (a
/// substring test finds finals, each printed as one line so the benchmark can count them), keeps no
/// audio for a re-send, assembles no transcript, and stays on the socket's thread throughout. What
/// it costs is the library's share of the session: the masking, the framing, the syscalls.
enum WebSocketFloorClient {
    static func run(_ arguments: ArraySlice<String>) throws {
        let arguments = Array(arguments)
        guard arguments.count >= 2, arguments[0] == "transcribe",
            let endpoint = arguments.firstIndex(of: "--endpoint").map({ arguments[$0 + 1] })
        else {
            FileHandle.standardError.write(
                Data("usage: verbatim-bench websocket-floor transcribe FILE --endpoint URL\n".utf8))
            exit(2)
        }
        let file = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
        let layout = try WAVParser.layout(of: [UInt8](file.prefix(1 << 16)))
        let audio = file.dropFirst(layout.dataOffset)
        let finals = try stream(audio, to: endpoint)
        print(String(repeating: "final\n", count: finals), terminator: "")
    }

    /// Streams the audio in one task; returns how many finals the server sent.
    private static func stream(_ audio: Data, to endpoint: String) throws -> Int {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let finished = loop.makePromise(of: Int.self)
        var headers = HTTPHeaders()
        headers.add(
            name: "Authorization", value: "Bearer \(ProcessInfo.processInfo.environment["DASHSCOPE_API_KEY"] ?? "")")
        let taskID = DuplexInstruction.newTaskID()
        let frameBytes = Int(PCMFormat.frames(milliseconds: 400)) * MemoryLayout<Int16>.size
        let frames = stride(from: audio.startIndex, to: audio.endIndex, by: frameBytes).map {
            audio[$0..<min($0 + frameBytes, audio.endIndex)]
        }

        // Encoded before the connection: default parameters always encode.
        let runTask = try DuplexInstruction.runTask(
            taskID: taskID, model: "fun-asr-realtime", sampleRate: PCMFormat.sampleRate,
            parameters: RecognitionParameters()
        ).json()
        let finishTask = try DuplexInstruction.finishTask(taskID: taskID).json()
        WebSocket.connect(to: endpoint, headers: headers, on: loop) { socket in
            let finals = NIOLoopBoundBox(0, eventLoop: loop)
            socket.onText { socket, text in
                if has(text, #""task-started""#) {
                    send(frames[...], on: socket) {
                        socket.send(finishTask)
                    }
                } else if has(text, #""sentence_end":true"#) {
                    finals.value += 1
                } else if has(text, #""task-finished""#) {
                    _ = socket.close()
                    finished.succeed(finals.value)
                } else if has(text, #""task-failed""#) {
                    finished.fail(FloorError.taskFailed(text))
                }
            }
            socket.onClose.whenComplete { _ in finished.fail(FloorError.closed) }
            socket.send(runTask)
        }.cascadeFailure(to: finished)
        return try finished.futureResult.wait()
    }

    /// Sends eight frames, then the next eight once the last of them is written; then `done`.
    private static func send(_ frames: ArraySlice<Data>, on socket: WebSocket, done: @escaping @Sendable () -> Void) {
        guard !frames.isEmpty else { return done() }
        let batch = frames.prefix(8)
        let written = socket.eventLoop.makePromise(of: Void.self)
        for (index, frame) in zip(batch.indices, batch) {
            socket.send(ByteBuffer(bytes: frame), opcode: .binary, promise: index == batch.indices.last ? written : nil)
        }
        let rest = frames.dropFirst(batch.count)
        written.futureResult.whenSuccess { send(rest, on: socket, done: done) }
    }

    /// A byte search of the UTF-8: Foundation's `contains` (through NSString) and the standard
    /// library's generic `firstRange(of:)` cost more than the JSON decoding this stands in for.
    private static func has(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let first = needle.utf8Start.pointee, length = needle.utf8CodeUnitCount
            guard let start = bytes.baseAddress, bytes.count >= length else { return false }
            return (0...(bytes.count - length)).contains {
                bytes[$0] == first && memcmp(start + $0, needle.utf8Start, length) == 0
            }
        }
    }

    enum FloorError: Error { case taskFailed(String), closed }
}
