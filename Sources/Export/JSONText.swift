import Foundation

/// JSON as Verbatim prints and exports it: sorted keys, unescaped slashes, and two fixes to what
/// JSONEncoder writes, so that scripts, diffs and terminals all get clean text.
package enum JSONText {
    package enum Layout {
        /// Indented, one field per line (`show --json`, `list --json`, exports).
        case pretty
        /// One line (`transcribe --json`, a sentence per line).
        case compact
    }

    package static func encode(_ value: some Encodable, layout: Layout) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            layout == .pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return tidy(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Empty arrays and objects as `[]` and `{}` (corelibs Foundation prints them as a bracket, a
    /// blank line and a bracket), and DEL and the C1 controls escaped as `\u00XX`: JSON only
    /// requires escaping below U+0020, but a terminal acts on U+009B as on `ESC [`.
    static func tidy(_ json: String) -> String {
        var result = String.UnicodeScalarView()
        var inString = false, escaped = false
        var heldOpen: (bracket: Unicode.Scalar, space: String.UnicodeScalarView)?
        for scalar in json.unicodeScalars {
            if let held = heldOpen {
                if scalar == "\n" || scalar == " " { heldOpen?.space.append(scalar); continue }
                result.append(held.bracket)
                heldOpen = nil
                if (held.bracket == "[" && scalar == "]") || (held.bracket == "{" && scalar == "}") {
                    result.append(scalar)
                    continue
                }
                result.append(contentsOf: held.space)
            }
            if (0x7F..<0xA0).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else if !inString, scalar == "[" || scalar == "{" {
                heldOpen = (scalar, String.UnicodeScalarView())  // until we see whether it is empty
            } else {
                result.append(scalar)
            }
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
            } else if scalar == "\"" {
                inString = true
            }
        }
        if let held = heldOpen { result.append(held.bracket); result.append(contentsOf: held.space) }
        return String(result)
    }
}
