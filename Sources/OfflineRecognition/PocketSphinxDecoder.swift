import CPocketSphinx
import Foundation

/// One PocketSphinx decoder: the only code that calls the C library.
///
/// Not thread-safe, and not meant to be: an offline session creates it and uses it on its own thread.
final class PocketSphinxDecoder: SpeechDecoding {

    private let decoder: OpaquePointer
    private let config: OpaquePointer

    /// Loads the model; `arguments` are PocketSphinx's own flags (`-hmm`, `-lm`, `-dict`, tuning).
    init(arguments: [String]) throws(OfflineEngineError) {
        // The library is opened on first use, not linked (CPocketSphinx.h).
        if let reason = verbatim_pocketsphinx_load() { throw .libraryMissing(reason: String(cString: reason)) }
        // The library logs heavily to stderr unless told otherwise; the flag also covers model loading.
        let argv = ["-logfn", "/dev/null"] + arguments
        var cStrings = argv.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        guard let config = cmd_ln_parse_r(nil, ps_args(), Int32(cStrings.count), &cStrings, 1) else {
            throw .invalidSettings(arguments.joined(separator: " "))
        }
        guard let decoder = ps_init(config) else {
            cmd_ln_free_r(config)
            throw .modelFailedToLoad(model: arguments.first { $0.hasPrefix("/") } ?? "?")
        }
        self.config = config
        self.decoder = decoder
    }

    deinit {
        ps_free(decoder)
        cmd_ln_free_r(config)
    }

    func startStream() { ps_start_stream(decoder) }

    func startUtterance() { ps_start_utt(decoder) }

    func process(_ samples: [Int16]) {
        samples.withUnsafeBufferPointer { buffer in
            _ = ps_process_raw(decoder, buffer.baseAddress, buffer.count, 0, 0)
        }
    }

    /// Whether the voice activity detector hears speech in what was processed last.
    var inSpeech: Bool { ps_get_in_speech(decoder) != 0 }

    /// The best hypothesis so far (or, after `endUtterance`, the final one).
    var hypothesis: String {
        var score: Int32 = 0
        guard let text = ps_get_hyp(decoder, &score) else { return "" }
        return String(cString: text)
    }

    func endUtterance() { ps_end_utt(decoder) }

    var segments: [DecodedSegment] {
        var result: [DecodedSegment] = []
        var iterator = ps_seg_iter(decoder)
        while let segment = iterator {
            var start: Int32 = 0
            var end: Int32 = 0
            ps_seg_frames(segment, &start, &end)
            result.append(
                DecodedSegment(word: String(cString: ps_seg_word(segment)), startFrame: Int(start), endFrame: Int(end)))
            iterator = ps_seg_next(segment)
        }
        return result
    }
}
