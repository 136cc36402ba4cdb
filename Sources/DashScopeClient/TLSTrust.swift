import NIOSSL

/// Which certificate authorities a TLS connection trusts: the system's, or those in one PEM file
/// (`--ca-file`, or `SSL_CERT_FILE` as OpenSSL-based tools and the official SDK honour it).
struct TLSTrust: Sendable, Equatable {
    var caFile: String?

    func configuration() -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.trustRoots = .file(caFile) }
        return tls
    }
}
