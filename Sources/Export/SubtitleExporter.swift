import TranscriptCore

/// SubRip (`.srt`) and WebVTT (`.vtt`) subtitles, timed from the sentences.
package enum SubtitleExporter {
    package static func srt(_ transcript: MeetingTranscript) -> String {
        SubtitleCues.cues(for: transcript, speakerInText: true).enumerated().map { index, cue in
            let time =
                MeetingClock.subtitle(cue.startMs, separator: ",") + " --> "
                + MeetingClock.subtitle(cue.endMs, separator: ",")
            return (["\(index + 1)", time] + cue.lines).joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    package static func webVTT(_ transcript: MeetingTranscript) -> String {
        let cues = SubtitleCues.cues(for: transcript).map { cue in
            let time =
                MeetingClock.subtitle(cue.startMs, separator: ".") + " --> "
                + MeetingClock.subtitle(cue.endMs, separator: ".")
            var lines = cue.lines.map(escape)
            if let speaker = cue.speaker {
                lines[0] = "<v \(escape(TerminalSafeText.line(speaker.foldingLineBreaks)))>" + lines[0]
            }
            return ([time] + lines).joined(separator: "\n") + "\n"
        }
        return (["WEBVTT\n"] + cues).joined(separator: "\n")
    }

    /// WebVTT cue text treats `&`, `<` and `>` as markup.
    private static func escape(_ text: String) -> String {
        text.reduce(into: "") { result, character in
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
    }
}
