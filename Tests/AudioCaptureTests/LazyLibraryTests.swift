import CLazyLibrary
import Glibc
import Testing

/// The loader behind CPulse and CPocketSphinx, against libc (always there) and a library that is not.
@Suite("Libraries opened on first use")
struct LazyLibraryTests {
    /// Runs the loader on `libraries` for the functions `names` (all in the first library); returns
    /// the failure, or the addresses found.
    func load(_ libraries: [String], _ names: [String]) -> (failure: String?, addresses: [UnsafeMutableRawPointer?]) {
        var addresses = [UnsafeMutableRawPointer?](repeating: nil, count: names.count)
        var failure = [CChar](repeating: 0, count: 256)
        let cLibraries = libraries.map { strdup($0) }
        let cNames = names.map { strdup($0) }
        defer { (cLibraries + cNames).forEach { free($0) } }
        let reason: String? = addresses.withUnsafeMutableBufferPointer { slots in
            let functions = cNames.indices.map { index in
                lazy_function(name: cNames[index], library: 0, slot: slots.baseAddress! + index)
            }
            let libraryNames = cLibraries.map { UnsafePointer($0) }
            return lazy_library_load(
                libraryNames, libraryNames.count, functions, functions.count, &failure, failure.count
            )
            .map { String(cString: $0) }
        }
        return (reason, addresses)
    }

    @Test("every function found is callable: getpid through the loader is getpid")
    func resolvesCallableFunctions() throws {
        let result = load(["libc.so.6"], ["getpid"])
        #expect(result.failure == nil)
        let address = try #require(result.addresses[0])
        let getpidFound = unsafeBitCast(address, to: (@convention(c) () -> Int32).self)
        #expect(getpidFound() == getpid())
    }

    @Test("a missing library is named with the loader's reason; a missing function with its library")
    func namesWhatIsMissing() {
        let noLibrary = load(["libverbatim-missing.so.9"], ["getpid"])
        #expect(noLibrary.failure?.contains("libverbatim-missing.so.9") == true)
        #expect(noLibrary.failure?.contains("No such file") == true)
        let noFunction = load(["libc.so.6"], ["getpid", "verbatim_no_such_function"])
        #expect(noFunction.failure == "libc.so.6 has no verbatim_no_such_function")
    }
}
