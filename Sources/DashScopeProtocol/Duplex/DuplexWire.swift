import Recognition

/// The duplex protocol (docs/protocol.md Part A) on one connection: one task, `run-task` to `task-finished`.
package struct DuplexWire: SessionWire {
    package let taskID: String
    private let model: DashScopeModel
    private let parameters: RecognitionParameters
    private var started = false

    package init(
        model: DashScopeModel, parameters: RecognitionParameters, taskID: String = DuplexInstruction.newTaskID()
    ) {
        self.model = model
        self.parameters = parameters
        self.taskID = taskID
    }

    package func openingMessages() throws(WireEncodingError) -> [String] {
        [
            try DuplexInstruction.runTask(
                taskID: taskID, model: model.name, sampleRate: model.streamingSampleRate, parameters: parameters
            ).json()
        ]
    }

    /// Audio goes in binary frames as it is (docs/protocol.md A.6).
    package func audioFrame(_ samples: [Int16]) -> WireFrame { .pcm(samples) }

    package func finishMessage() throws(WireEncodingError) -> String {
        try DuplexInstruction.finishTask(taskID: taskID).json()
    }

    package mutating func read(_ text: String, audioSentMs: Int) -> [WireSignal] {
        let event: DuplexEvent
        do { event = try DuplexEvent(json: text) } catch { return [.ended(.retry("a malformed frame: \(error)"))] }
        switch event {
        case let .taskStarted(id) where id == taskID && !started:
            started = true
            return [.ready]
        case let .result(id, result, usage) where id == taskID && started:
            return signals(for: result, usage: usage)
        case let .taskFinished(id) where id == taskID && started:
            return [.finished]
        case let .taskFailed(id, failure) where id == taskID:
            switch TaskFailurePolicy.disposition(of: failure, model: model.name) {
            case let .fatal(reason): return [.ended(.fatal(reason))]
            case .retry: return [.ended(.retry("task failed: \(failure.code)"))]
            }
        case .unknown:
            return []  // newer servers may add events; none of them ends a task
        default:
            return [.ended(.retry("an event out of order"))]
        }
    }

    private func signals(for result: SentenceResult, usage: TaskUsage?) -> [WireSignal] {
        var signals: [WireSignal] = []
        if !result.isHeartbeat {
            signals.append(
                .progress(hasText: !result.text.isEmpty, reachingTaskMs: result.endTime ?? result.lastWordEndTime))
        }
        if let seconds = usage?.durationSeconds { signals.append(.billed(seconds: seconds)) }
        if let event = ResultTranslation.event(for: result, clock: EngineClock(originMs: 0)) {
            signals.append(.recognized(event))
        }
        return signals
    }
}
