import Foundation
@testable import Export
import Testing

@Suite struct JSONTextTests {
    struct Value: Encodable {
        var tags: [String] = []
        var extra: [String: Int] = [:]
        var text = "a [ ] { } \"[\" \\ [\n]"
        var control = "\u{9B}2J\u{7F}"
    }

    @Test func emptyCollectionsAreWrittenAsBracketPairsAndStringsAreLeftAlone() throws {
        let json = try JSONText.encode(Value(), layout: .pretty)
        #expect(json.contains("\"tags\" : []"))
        #expect(json.contains("\"extra\" : {}"))
        #expect(json.contains(#""text" : "a [ ] { } \"[\" \\ [\n]""#))
    }

    @Test func delAndEightBitControlsAreEscapedAndStillDecodeToTheSameText() throws {
        let json = try JSONText.encode(Value(), layout: .compact)
        #expect(json.contains(#""control":"\u009b2J\u007f""#))
        let decoded = try JSONDecoder().decode([String: AnyDecodable].self, from: Data(json.utf8))
        #expect(decoded["control"]?.text == "\u{9B}2J\u{7F}")
    }
}

/// Just the strings of a decoded object.
struct AnyDecodable: Decodable {
    var text: String?
    init(from decoder: any Decoder) throws { text = try? decoder.singleValueContainer().decode(String.self) }
}
