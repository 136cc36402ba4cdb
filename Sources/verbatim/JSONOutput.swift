import Export

/// Writes command output as JSON (JSONText): sorted keys and a fixed layout, so scripts and diffs see
/// stable text, and no character a terminal would act on.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        Swift.print(try JSONText.encode(value, layout: .pretty))
    }
}
