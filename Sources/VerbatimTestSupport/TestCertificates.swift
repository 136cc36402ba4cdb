/// A private certificate authority and a server certificate it signed for 127.0.0.1 and localhost,
/// made with openssl in a temporary folder (nothing is committed or downloaded).
package struct TestCertificates: Sendable {
    package let caCertificate: String
    package let serverCertificate: String
    package let serverKey: String
    /// A second authority that signed nothing here: trusting it alone must not be enough.
    package let unrelatedCA: String

    package init(in folder: TemporaryDirectory) throws {
        caCertificate = folder.file("ca.pem")
        serverCertificate = folder.file("server.pem")
        serverKey = folder.file("server.key")
        unrelatedCA = folder.file("other-ca.pem")
        let extensions = try folder.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n", to: "san.ext")
        for (name, certificate) in [("ca", caCertificate), ("other-ca", unrelatedCA)] {
            try Command.run([
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                "/CN=Verbatim test \(name)",
                "-keyout", folder.file("\(name).key"), "-out", certificate,
            ])
        }
        try Command.run([
            "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", serverKey, "-out", folder.file("server.csr"),
        ])
        try Command.run([
            "openssl", "x509", "-req", "-in", folder.file("server.csr"), "-CA", caCertificate, "-CAkey",
            folder.file("ca.key"),
            "-CAcreateserial", "-days", "2", "-extfile", extensions, "-out", serverCertificate,
        ])
    }
}
