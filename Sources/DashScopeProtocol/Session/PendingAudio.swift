import AudioCore
import DequeModule

/// The audio no final has covered yet, kept so that a new connection can send it again (docs/protocol.md A.13:
/// a new task starts its clock at zero, so it must start with the oldest audio still in doubt).
///
/// Chunks are kept contiguous on the meeting clock: a hole is filled with silence (the server's
/// clock counts bytes, so a hole would shift every later time), and audio that overlaps what is
/// already held (silence sent to keep the connection alive) is trimmed.
package struct PendingAudio: Sendable {
    /// What to do when the buffer is full.
    package enum Overflow: Sendable {
        /// A live meeting: keep the newest audio; the oldest is reported as not transcribed if a
        /// reconnection needs it.
        case dropOldest
        /// A file: the reader waits (`mustWait`) until the connection is back and finals free room,
        /// so the client never runs further ahead of the server's finals than it can send again.
        /// Audio already sent goes only once `makeRoomFromSentAudio()` says the server will not free
        /// room (silence, or a sentence longer than the buffer), until the next final.
        case wait
    }

    package let capacityFrames: Int64
    package let overflow: Overflow
    /// Oldest first. A deque: a file read ahead of the server keeps the buffer full, so every chunk
    /// added drops the oldest, and an array would shift all the others each time.
    private(set) package var chunks: Deque<AudioChunk> = []
    /// Index in `chunks` of the next chunk to send on the current connection.
    private(set) package var nextToSend = 0
    /// Meeting frame just past the last audio held or sent; where the next chunk belongs.
    private(set) package var endFrame: Int64?
    /// Audio dropped for room before any final covered it: it may never be transcribed if the
    /// connection is lost before the server's finals arrive.
    private var droppedUncovered: Range<Int64>?
    /// `.wait` only: sent audio may go for room, until the next final.
    private(set) package var makesRoomFromSentAudio = false

    package init(capacityFrames: Int64, overflow: Overflow) {
        self.capacityFrames = capacityFrames
        self.overflow = overflow
    }

    /// Frames in `chunks`, kept as they change (the buffer holds up to minutes of 100 ms chunks).
    private(set) package var heldFrames: Int64 = 0
    package var unsentCount: Int { chunks.count - nextToSend }
    /// Frames not yet sent on this connection.
    package var unsentFrames: Int { chunks[nextToSend...].reduce(0) { $0 + $1.samples.count } }
    /// True when a file's reader must wait: full, and nothing may be dropped (the oldest audio is
    /// unsent, or it was sent and no final has covered it yet).
    package var mustWait: Bool {
        overflow == .wait && heldFrames >= capacityFrames && !chunks.isEmpty
            && !(holdsSentAudio && makesRoomFromSentAudio)
    }
    /// Some of the held audio was sent on this connection.
    package var holdsSentAudio: Bool { nextToSend > 0 }

    /// Adds a chunk, filling a hole before it with silence and trimming an overlap, then makes room.
    package mutating func append(_ chunk: AudioChunk) {
        var chunk = chunk
        if let end = endFrame {
            if chunk.startFrame < end {
                let overlap = Int(min(Int64(chunk.samples.count), end - chunk.startFrame))
                chunk.samples.removeFirst(overlap)
                chunk.startFrame += Int64(overlap)
                if chunk.samples.isEmpty { return }
            }
            fillSilence(from: end, to: chunk.startFrame, source: chunk.source)
        }
        chunks.append(chunk)
        heldFrames += Int64(chunk.samples.count)
        endFrame = chunk.endFrame
        makeRoom()
    }

    /// The next audio to send on this connection, if any, as one chunk: the next held chunk, joined
    /// with those after it while the whole stays within `maxFrames` (audio that piled up while the
    /// socket was busy, or held over a reconnection, goes out in fewer, larger frames).
    package mutating func takeNextToSend(maxFrames: Int = 0) -> AudioChunk? {
        guard nextToSend < chunks.count else { return nil }
        var taken = chunks[nextToSend]
        nextToSend += 1
        while nextToSend < chunks.count, taken.samples.count + chunks[nextToSend].samples.count <= maxFrames {
            taken.samples += chunks[nextToSend].samples
            nextToSend += 1
        }
        return taken
    }

    /// A final covered the audio up to `frame`: what lies before it is no longer needed. The chunk it
    /// ends in is cut there, so that audio sent again starts where the last final ended (not with the
    /// tail of a sentence already transcribed).
    package mutating func confirm(throughFrame frame: Int64) {
        makesRoomFromSentAudio = false
        let covered = chunks.prefix(while: { $0.endFrame <= frame }).count
        heldFrames -= chunks.prefix(covered).reduce(0) { $0 + Int64($1.samples.count) }
        chunks.removeFirst(covered)
        nextToSend = max(0, nextToSend - covered)
        if nextToSend > 0, let first = chunks.first, first.startFrame < frame {
            // Already sent on this connection; cut only what a later connection would send again.
            let cut = Int(frame - first.startFrame)
            chunks[0].samples.removeFirst(cut)
            chunks[0].startFrame = frame
            heldFrames -= Int64(cut)
        }
        if let dropped = droppedUncovered {
            droppedUncovered = dropped.upperBound <= frame ? nil : max(dropped.lowerBound, frame)..<dropped.upperBound
        }
    }

    /// A new connection: send everything held again, from the oldest. Returns the stretch of audio
    /// that was dropped for room while still in doubt (to be recorded as not transcribed).
    package mutating func rewind() -> Range<Int64>? {
        nextToSend = 0
        makesRoomFromSentAudio = false
        defer { droppedUncovered = nil }
        return droppedUncovered
    }

    private mutating func fillSilence(from start: Int64, to end: Int64, source: String) {
        var frame = start
        while frame < end {
            let count = Int(min(end - frame, Int64(PCMFormat.sampleRate)))
            chunks.append(AudioChunk(source: source, startFrame: frame, samples: [Int16](repeating: 0, count: count)))
            heldFrames += Int64(count)
            frame += Int64(count)
        }
    }

    /// `.wait`: the server has stopped answering with a full buffer, so waiting for a final would
    /// wait forever; the oldest sent audio goes for room (as in a live meeting) until the next final.
    package mutating func makeRoomFromSentAudio() {
        makesRoomFromSentAudio = true
        makeRoom()
    }

    private mutating func makeRoom() {
        while heldFrames > capacityFrames, chunks.count > 1 {
            let oldestSent = holdsSentAudio
            if overflow == .wait && !(oldestSent && makesRoomFromSentAudio) { return }
            let oldest = chunks.removeFirst()
            heldFrames -= Int64(oldest.samples.count)
            if oldestSent { nextToSend -= 1 }
            let range = oldest.startFrame..<oldest.endFrame
            droppedUncovered = droppedUncovered.map { min($0.lowerBound, range.lowerBound)..<range.upperBound } ?? range
        }
    }
}
