import Foundation

extension UUID {
    /// A random (version 4) UUID straight from the system's generator. Foundation's `UUID()` takes
    /// 3–4 µs on Linux, and the realtime protocol names ten events a second with one.
    package static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40  // version 4
            raw[8] = raw[8] & 0x3F | 0x80  // the RFC 4122 variant
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }

    /// The UUID's 32 hexadecimal digits, lowercase, without dashes: the shape of DashScope's task ids
    /// (docs/protocol.md A.4, the SDK's `uuid4().hex`) and, after `event_`, of the realtime protocol's event ids (B.2).
    ///
    /// Written digit by digit: `uuidString.replacingOccurrences(of: "-", with: "")` goes through
    /// NSString on Linux and cost more than the JSON event it named.
    package var lowercaseHexDigits: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 32) { output in
                for (index, byte) in bytes.enumerated() {
                    output[2 * index] = digits.utf8Start[Int(byte >> 4)]
                    output[2 * index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                }
                return 32
            }
        }
    }
}
