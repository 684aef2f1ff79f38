import Foundation
import TrustPathAnalysis
import TrustPathIngest
import TrustPathJSON

/// One input through every parser a snapshot file meets: the JSON reader, then classification and decoding of
/// whatever it holds (GAAD, Organizations, SCPs, role listings, policy documents in either encoding), then the
/// engine and the search over what was read. Anything but a clean return is a bug: a crash, a trap, a hang.
enum FuzzInput {
    static func run(_ bytes: [UInt8]) {
        let snapshot = SnapshotLoader().load(documents: [("input.json", bytes)])
        _ = Analyzer.analyze(snapshot)
        // The same bytes as a URL-encoded policy document inside a role, the raw-API form.
        if let text = String(validating: bytes, as: UTF8.self) {
            let quoted = JSONWriter.quoted(text)
            let wrapped = #"{"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111122223333:role/R", "AssumeRolePolicyDocument": "#
                + quoted + "}]}"
            _ = SnapshotLoader().load(documents: [("wrapped.json", Array(wrapped.utf8))])
        }
    }
}

#if FUZZING
/// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links in.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's entry: SwiftPM links `main` to `<module>_main`, so libFuzzer's own `main` is never used and
/// this one starts its driver instead.
@_cdecl("trustpath_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Without libFuzzer: replays the files named on the command line (a crash corpus, or any file), so a crash
/// found by the fuzzer reproduces in an ordinary build.
@main
struct FuzzReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: trustpath-fuzz FILE...   (replays inputs through the parsers)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzInput.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
