// libFuzzer target: the whole checker on arbitrary bytes (screen, XML and JSON readers, mapping,
// form walker, XSD and JSON Schema checks, every rule, finding wording), with the kit loaded once
// from the repository ($QUALIFY_HOME, or upwards from the working folder or the program).
// Every finding must have an id, a message and, when it has a position, a 1-based one.
// Built with -D FUZZING (see fuzz/run.sh) libFuzzer drives `fuzz`; built normally this is a replay
// tool: `swift run FuzzChecker FILE...` runs each file through the same code once.
import Foundation
import QualifyKit
import FuzzSupport

enum Fixture {
    static let checker: Checker = {
        guard let root = Kit.locate() else { fatalError("cannot find the kit; run from the repository or set QUALIFY_HOME") }
        do { return Checker(kit: try Kit(root: root)) } catch { fatalError("the kit does not load: \(error)") }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = Fixture.checker.check(bytes: bytes, file: "fuzz")
    for finding in report.findings {
        if finding.id.isEmpty || finding.message.isEmpty { fatalError("a finding with no id or message: \(finding)") }
        if let line = finding.line, line < 1 { fatalError("a finding at line \(line): \(finding)") }
        if let column = finding.column, column < 1 { fatalError("a finding at column \(column): \(finding)") }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Fixture.checker
    return 0
}

#if FUZZING
@_cdecl("FuzzChecker_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
#else
@main
enum Replay {
    static func main() {
        _ = Fixture.checker
        replay(Array(CommandLine.arguments.dropFirst()), through: fuzz)
    }
}
#endif
