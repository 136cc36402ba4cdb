import AudioCore
import CPulse

/// A blocking record stream (libpulse "simple" API) in Verbatim's format: 16 kHz, s16le, mono.
///
/// The server converts from the source's native format. `fragsize` is set to one chunk (100 ms):
/// without it, data arrives in bursts of about two seconds. Used by one thread only.
final class PulseRecordStream {
    private let handle: OpaquePointer

    init(server: String?, device: String, streamName: String) throws(AudioError) {
        try PulseLibrary.load()
        var spec = pa_sample_spec(format: PA_SAMPLE_S16LE, rate: UInt32(PCMFormat.sampleRate), channels: 1)
        let unset = UInt32.max  // (uint32_t) -1: "let the server choose"
        var attributes = pa_buffer_attr(
            maxlength: unset, tlength: unset, prebuf: unset, minreq: unset, fragsize: UInt32(PCMFormat.chunkBytes)
        )
        var error: Int32 = 0
        guard
            let handle = pa_simple_new(
                server, "verbatim", PA_STREAM_RECORD, device, streamName, &spec, nil, &attributes, &error
            )
        else {
            throw Self.failure(device: device, server: server, code: error)
        }
        self.handle = handle
    }

    deinit { pa_simple_free(handle) }

    /// Fills `samples` completely; blocks until the server has delivered that much.
    func read(into samples: inout [Int16], device: String) throws(AudioError) {
        var error: Int32 = 0
        let status = samples.withUnsafeMutableBytes { buffer in
            pa_simple_read(handle, buffer.baseAddress, buffer.count, &error)
        }
        if status < 0 { throw .streamFailed(source: device, reason: String(cString: pa_strerror(error))) }
    }

    private static func failure(device: String, server: String?, code: Int32) -> AudioError {
        let reason = String(cString: pa_strerror(code))
        switch Int(code) {
        case Int(PA_ERR_CONNECTIONREFUSED.rawValue), Int(PA_ERR_INVALIDSERVER.rawValue),
            Int(PA_ERR_CONNECTIONTERMINATED.rawValue):
            return .serverUnreachable(server: server, reason: reason)
        default:
            return .streamFailed(source: device, reason: reason)
        }
    }
}
