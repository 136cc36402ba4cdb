import AudioCore
import CPulse

/// Lists the server's sources with libpulse's asynchronous API, driven to completion on the calling
/// thread. Short-lived: one connection per call.
package enum PulseSourceCatalog {
    /// Every source, with the server's default marked. `server` nil means libpulse's usual lookup
    /// (`PULSE_SERVER`, then the per-user socket); the server is never autospawned.
    package static func sources(server: String?) throws(AudioError) -> [AudioSourceInfo] {
        try PulseLibrary.load()
        let connection = try Connection(server: server)
        let defaultName = try connection.defaultSourceName()
        return try connection.sourceList().map { source in
            var source = source
            source.isDefault = source.name == defaultName
            return source
        }
    }
}

/// One context on its own main loop; every call iterates the loop until its operation is done.
private final class Connection {
    private let mainloop: OpaquePointer
    private let context: OpaquePointer
    private let server: String?

    init(server: String?) throws(AudioError) {
        self.server = server
        mainloop = pa_mainloop_new()
        context = pa_context_new(pa_mainloop_get_api(mainloop), "verbatim")
        guard pa_context_connect(context, server, PA_CONTEXT_NOAUTOSPAWN, nil) >= 0 else {
            throw .serverUnreachable(server: server, reason: lastError)
        }
        while true {
            let state = pa_context_get_state(context)
            if state == PA_CONTEXT_READY { return }
            if state == PA_CONTEXT_FAILED || state == PA_CONTEXT_TERMINATED {
                throw .serverUnreachable(server: server, reason: lastError)
            }
            guard pa_mainloop_iterate(mainloop, 1, nil) >= 0 else {
                throw .serverUnreachable(server: server, reason: "the connection loop failed")
            }
        }
    }

    deinit {
        pa_context_disconnect(context)
        pa_context_unref(context)
        pa_mainloop_free(mainloop)
    }

    private var lastError: String { String(cString: pa_strerror(pa_context_errno(context))) }

    func defaultSourceName() throws(AudioError) -> String? {
        let box = Box<String?>(nil)
        let operation = pa_context_get_server_info(
            context,
            { _, info, userdata in
                guard let info, let userdata, let name = info.pointee.default_source_name else { return }
                Unmanaged<Box<String?>>.fromOpaque(userdata).takeUnretainedValue().value = String(cString: name)
            }, Unmanaged.passUnretained(box).toOpaque())
        try run(operation)
        return box.value
    }

    func sourceList() throws(AudioError) -> [AudioSourceInfo] {
        let box = Box<[AudioSourceInfo]>([])
        let operation = pa_context_get_source_info_list(
            context,
            { _, info, eol, userdata in
                guard eol == 0, let info, let userdata else { return }
                let source = info.pointee
                let format =
                    pa_sample_format_to_string(source.sample_spec.format).map { String(cString: $0) } ?? "unknown"
                Unmanaged<Box<[AudioSourceInfo]>>.fromOpaque(userdata).takeUnretainedValue().value.append(
                    AudioSourceInfo(
                        name: String(cString: source.name),
                        description: source.description.map { String(cString: $0) } ?? "",
                        monitor: source.monitor_of_sink != UInt32.max /* PA_INVALID_INDEX */,
                        isDefault: false,
                        sampleFormat: format,
                        sampleRate: Int(source.sample_spec.rate),
                        channels: Int(source.sample_spec.channels)
                    )
                )
            }, Unmanaged.passUnretained(box).toOpaque())
        try run(operation)
        return box.value
    }

    /// Iterates the loop until `operation` completes (its callback has run).
    private func run(_ operation: OpaquePointer?) throws(AudioError) {
        guard let operation else { throw .serverUnreachable(server: server, reason: lastError) }
        defer { pa_operation_unref(operation) }
        while pa_operation_get_state(operation) == PA_OPERATION_RUNNING {
            guard pa_mainloop_iterate(mainloop, 1, nil) >= 0 else {
                throw .serverUnreachable(server: server, reason: lastError)
            }
        }
    }
}

/// A reference the C callbacks can fill in.
private final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}
