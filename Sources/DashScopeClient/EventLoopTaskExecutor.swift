import NIOCore

/// A NIO event loop as a Swift task executor (SE-0417), so that a session's tasks run on the thread
/// that does its socket's I/O.
///
/// On Swift's global executor every frame crossed threads two or three times (the loop reads it and
/// wakes a pool thread; the pool thread writes and wakes the loop), and waking threads was the
/// largest share of a session's CPU time after the WebSocket library's masking. Work enqueued from
/// the loop's own thread costs no wake-up at all.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
