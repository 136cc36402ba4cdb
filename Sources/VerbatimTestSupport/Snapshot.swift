import Foundation

/// Compares text with a snapshot file committed beside the tests.
///
/// `RECORD_SNAPSHOTS=1` writes the snapshot instead, and that run fails so that a recording can
/// never pass unnoticed.
package enum Snapshot {
    package enum Outcome: Equatable {
        case matches
        case differs(expected: String)
        case missing(path: String)
        case recorded(path: String)
    }

    /// - Parameter directory: the test file's folder (`#filePath`'s) + `/Snapshots`.
    package static func check(_ actual: String, named name: String, testFile: String = #filePath) -> Outcome {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return .recorded(path: url.path)
        }
        guard let data = try? Data(contentsOf: url) else { return .missing(path: url.path) }
        let expected = String(decoding: data, as: UTF8.self)
        return expected == actual ? .matches : .differs(expected: expected)
    }
}
