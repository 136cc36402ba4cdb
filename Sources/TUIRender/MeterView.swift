import AudioCore
import Foundation
import TUIModel

/// A VU meter per source on a row of its own: label, a bar of the RMS level on a dBFS scale
/// (green, yellow, red bands) with the held peak marked, the level in dB, and a clipping warning.
enum MeterView {
    /// The scale's range: quieter than -60 dBFS reads as silence.
    static let floorDB = -60.0
    static let labelWidth = 8
    /// " -23 dB CLIP" after the bar.
    static let readoutWidth = 12

    static func render(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        for (row, meter) in state.meters.prefix(area.height).enumerated() {
            renderMeter(meter, now: state.elapsedMs, x: area.x, y: area.y + row, width: area.width, into: &buffer)
        }
    }

    static func barWidth(total: Int) -> Int { max(0, total - labelWidth - readoutWidth - 1) }

    private static func renderMeter(
        _ meter: MeterState, now: Int, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer
    ) {
        buffer.put(
            Truncation.fit(meter.source, width: labelWidth - 1), x: x + 1, y: y, role: .meterLabel,
            limit: labelWidth - 1)
        let bar = barWidth(total: width)
        let barX = x + labelWidth
        if let reason = meter.lostReason {
            // No level to show while the source is gone: say so where the bar was, not a frozen level.
            buffer.put(
                "no audio: \(reason); retrying…", x: barX, y: y, role: .statusWarning, limit: max(0, width - labelWidth)
            )
            return
        }
        let filled = meter.level.map { column(for: $0.rmsDBFS, width: bar) } ?? 0
        for index in 0..<bar {
            let cell = index < filled ? ("█", band(of: index, width: bar)) : ("─", StyleRole.meterEmpty)
            buffer.put(cell.0, x: barX + index, y: y, role: cell.1)
        }
        if let peak = meter.level?.heldPeakDBFS, peak > floorDB, bar > 0 {
            buffer.put("▏", x: barX + min(bar - 1, column(for: peak, width: bar)), y: y, role: .meterPeak)
        }
        let readout = meter.level.map { " " + decibels($0.rmsDBFS) } ?? "   -∞ dB"
        let end = buffer.put(readout, x: barX + bar, y: y, role: .meterScale, limit: readoutWidth)
        if meter.showsClipping(atMs: now) { buffer.put(" CLIP", x: end, y: y, role: .clipping, limit: x + width - end) }
    }

    /// The bar's cells for a level: 0 at the floor, all of them at 0 dBFS.
    static func column(for dBFS: Double, width: Int) -> Int {
        let fraction = (min(0, max(floorDB, dBFS)) - floorDB) / -floorDB
        return Int((fraction * Double(width)).rounded())
    }

    /// Green up to -18 dBFS, yellow to -6, red above: where speech belongs, where it gets loud.
    private static func band(of index: Int, width: Int) -> StyleRole {
        let dB = floorDB + (Double(index) + 0.5) / Double(width) * -floorDB
        return dB < -18 ? .meterLow : dB < -6 ? .meterMid : .meterHigh
    }

    /// The readout, right-aligned in four columns (without `String(format:)`, which cost a twentieth of
    /// the screen's CPU time at 40 readouts a second).
    private static func decibels(_ value: Double) -> String {
        guard value > floorDB else { return "  -∞ dB" }
        let number = String(Int(value.rounded()))
        return String(repeating: " ", count: max(0, 4 - number.count)) + number + " dB"
    }

    /// The scale under the meters: dBFS marks placed over the bar's columns.
    static func renderScale(width: Int, x: Int, y: Int, into buffer: inout ScreenBuffer) {
        let bar = barWidth(total: width)
        guard bar >= 20 else { return }
        for mark in [-60, -40, -20, -10, 0] where bar >= 40 || [-60, -20, 0].contains(mark) {
            let text = "\(mark)"
            let position = x + labelWidth + column(for: Double(mark), width: bar) - (mark == 0 ? text.count - 1 : 0)
            buffer.put(text, x: min(position, x + labelWidth + bar - text.count), y: y, role: .meterScale)
        }
        buffer.put("dBFS", x: x + labelWidth + bar + 2, y: y, role: .meterScale)
    }
}
