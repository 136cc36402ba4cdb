extension AppState {
    /// `r` in a past meeting: its audio through the engine again, while the meeting being recorded
    /// goes on; one at a time, and never the meeting being recorded.
    mutating func retranscribe(_ meeting: OpenedMeeting) -> [Effect] {
        guard canRetranscribe else {
            flash = Flash(
                text: "No engine to transcribe with: this meeting records audio only.", isError: true,
                shownAtMs: elapsedMs)
            return []
        }
        if let running = retranscription {
            flash = Flash(
                text: "Meeting \(running.id) is being re-transcribed (\(running.percent) %); one at a time.",
                isError: true, shownAtMs: elapsedMs)
            return []
        }
        retranscription = RetranscriptionProgress(id: meeting.id, percent: 0)
        show("Re-transcribing meeting \(meeting.id)…")
        return [.retranscribe(id: meeting.id)]
    }

    mutating func retranscriptionUpdate(_ msg: Msg) -> [Effect] {
        switch msg {
        case let .retranscribing(id, percent):
            guard retranscription?.id == id else { return [] }
            retranscription = RetranscriptionProgress(id: id, percent: percent)
            show("Re-transcribing meeting \(id): \(percent) %")
        case let .retranscribed(id, message):
            retranscription = nil
            show(message)
            // The meeting on view now says what the new transcript says.
            if case let .meeting(opened) = overlay, opened.id == id { return [.openMeeting(id: id, atMs: 0)] }
        case let .retranscriptionFailed(_, message):
            retranscription = nil
            flash = Flash(text: message, isError: true, shownAtMs: elapsedMs)
        default: break
        }
        return []
    }
}

/// A past meeting being re-transcribed from the screen.
package struct RetranscriptionProgress: Sendable, Equatable {
    package var id: Int64
    package var percent: Int
}
