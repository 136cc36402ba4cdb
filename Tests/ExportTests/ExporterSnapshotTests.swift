import Export
import Testing
import TranscriptCore
import VerbatimTestSupport

/// Every format, written out in full and compared with the committed snapshot (RECORD_SNAPSHOTS=1 re-records).
@Suite struct ExporterSnapshotTests {
    @Test(arguments: ExportFormat.allCases)
    func rendersTheFixtureMeeting(format: ExportFormat) {
        expectSnapshot(format.render(ExportFixtures.meeting), named: "meeting.\(format.fileExtension)")
    }

    @Test(arguments: ExportFormat.allCases)
    func rendersAnEmptyMeeting(format: ExportFormat) {
        expectSnapshot(format.render(ExportFixtures.empty), named: "empty.\(format.fileExtension)")
    }

    @Test(arguments: ExportFormat.allCases)
    func isDeterministic(format: ExportFormat) {
        #expect(format.render(ExportFixtures.meeting) == format.render(ExportFixtures.meeting))
    }

    private func expectSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
    {
        switch Snapshot.check(actual, named: name) {
        case .matches:
            break
        case let .differs(expected):
            Issue.record(
                "\(name) differs from its snapshot.\n--- expected\n\(expected)\n--- actual\n\(actual)",
                sourceLocation: sourceLocation)
        case let .missing(path):
            Issue.record(
                "No snapshot at \(path); run with RECORD_SNAPSHOTS=1 to record it.", sourceLocation: sourceLocation)
        case let .recorded(path):
            Issue.record(
                "Recorded \(path); run again without RECORD_SNAPSHOTS to check it.", sourceLocation: sourceLocation)
        }
    }
}
