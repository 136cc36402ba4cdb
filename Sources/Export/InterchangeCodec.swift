import Foundation
import TranscriptCore

/// Writes and reads the interchange format v1: the JSON export, and what `verbatim import` takes.
///
/// Output is deterministic (sorted keys, fixed layout), so export → import → export gives the same bytes.
package enum InterchangeCodec {
    /// What only the archive knows, added by `verbatim show --json`.
    package struct ArchiveFields: Sendable {
        package var id: Int64
        package var status: MeetingStatus
        package var audioPath: String?
        package var audioTracks: [AudioTrack]
        package var gaps: [AudioGap]
        package var billedSeconds: Int?
        /// Which transcript of the audio this is (1 until a re-transcription).
        package var transcriptVersion: Int

        package init(
            id: Int64, status: MeetingStatus, audioPath: String?, audioTracks: [AudioTrack] = [], gaps: [AudioGap] = [],
            billedSeconds: Int? = nil, transcriptVersion: Int = 1
        ) {
            self.transcriptVersion = transcriptVersion
            self.id = id
            self.status = status
            self.audioPath = audioPath
            self.audioTracks = audioTracks
            self.gaps = gaps
            self.billedSeconds = billedSeconds
        }
    }

    /// One sentence as a single line of JSON, with the format's field names (`transcribe --json`).
    package static func line(for sentence: Sentence) -> String {
        // Encoding plain strings and numbers cannot fail.
        (try? JSONText.encode(InterchangeSentence(sentence), layout: .compact)) ?? ""
    }

    package static func encode(_ transcript: MeetingTranscript, archive: ArchiveFields? = nil) -> String {
        let document = EncodedDocument(document: document(of: transcript), archive: archive)
        // Encoding plain strings and numbers cannot fail.
        return ((try? JSONText.encode(document, layout: .pretty)) ?? "") + "\n"
    }

    /// Reads a document; `file` names it in error messages.
    ///
    /// - Throws: `InterchangeError` naming the offending field.
    package static func decode(_ data: Data, file: String) throws -> MeetingTranscript {
        let decoder = JSONDecoder()
        let header: InterchangeHeader
        do { header = try decoder.decode(InterchangeHeader.self, from: data) } catch {
            throw error is DecodingError && !isSyntaxError(error)
                ? InterchangeError.wrongFormat(file: file) : InterchangeError.notJSON(file: file)
        }
        guard header.format == InterchangeDocument.formatName else { throw InterchangeError.wrongFormat(file: file) }
        guard let version = header.version else {
            throw InterchangeError.invalidField(file: file, field: "version", problem: "missing")
        }
        if version > InterchangeDocument.version { throw InterchangeError.newerVersion(file: file, version: version) }
        guard version == InterchangeDocument.version else {
            throw InterchangeError.invalidField(file: file, field: "version", problem: "expected 1, found \(version)")
        }
        do {
            return try InterchangeValidation.transcript(
                from: decoder.decode(InterchangeDocument.self, from: data), file: file)
        } catch let error as DecodingError {
            throw InterchangeValidation.describe(error, in: data, file: file)
        }
    }

    private static func isSyntaxError(_ error: any Error) -> Bool {
        guard case let DecodingError.dataCorrupted(context) = error else { return false }
        return context.codingPath.isEmpty
    }

    private static func document(of transcript: MeetingTranscript) -> InterchangeDocument {
        let info = transcript.info
        return InterchangeDocument(
            format: InterchangeDocument.formatName, version: InterchangeDocument.version, title: info.title,
            startedAt: info.startedAt.iso8601, durationMs: info.durationMs, language: info.language,
            engine: info.engine, model: info.model, tags: info.tags,
            sentences: transcript.sentences.map(InterchangeSentence.init),
            bookmarks: transcript.bookmarks.map { InterchangeBookmark(atMs: $0.atMs, label: $0.label) },
            notes: transcript.notes.map { InterchangeNote(atMs: $0.atMs, text: $0.text) },
            notTranscribed: transcript.gaps.isEmpty ? nil : transcript.gaps
        )
    }
}

/// The document, plus the archive's fields when `show --json` asks for them; `audio_path` is written
/// and `billed_seconds` as `null` rather than left out, and `audio_tracks` / `audio_gaps` as empty
/// arrays, so scripts can rely on the keys.
private struct EncodedDocument: Encodable {
    var document: InterchangeDocument
    var archive: InterchangeCodec.ArchiveFields?

    enum ArchiveKeys: String, CodingKey {
        case id, status
        case audioPath = "audio_path"
        case audioTracks = "audio_tracks"
        case gaps = "audio_gaps"
        case billedSeconds = "billed_seconds"
        case transcriptVersion = "transcript_version"
    }

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        guard let archive else { return }
        var container = encoder.container(keyedBy: ArchiveKeys.self)
        try container.encode(archive.id, forKey: .id)
        try container.encode(archive.status.rawValue, forKey: .status)
        try container.encode(archive.audioPath, forKey: .audioPath)
        try container.encode(archive.audioTracks, forKey: .audioTracks)
        try container.encode(archive.gaps, forKey: .gaps)
        try container.encode(archive.billedSeconds, forKey: .billedSeconds)
        try container.encode(archive.transcriptVersion, forKey: .transcriptVersion)
    }
}
