import NIOCore

extension ByteBuffer {
    /// 16-bit little-endian PCM, in one copy: the samples' memory is those bytes on a little-endian
    /// host (AudioCore refuses to build for any other), so no `[UInt8]` is made on the way.
    init(littleEndianPCM samples: [Int16]) {
        self = samples.withUnsafeBytes { ByteBuffer(bytes: $0) }
    }
}
