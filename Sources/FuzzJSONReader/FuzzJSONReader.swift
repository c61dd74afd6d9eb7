// libFuzzer target: the strict JSON reader, and the writer's round trip.
// Built with -D FUZZING (see fuzz/run.sh) libFuzzer drives `fuzz`; built normally this is a replay
// tool: `swift run FuzzJSONReader FILE...` runs each file through the same code once.
import QualifyDocument
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let first) = JSONReader.parse(bytes[...]) else { return 0 }
    let written = JSONWriter.write(first)
    switch JSONReader.parse(Array(written.utf8)[...]) {
    case .success(let second):
        if !Same.node(first, second) {
            fatalError("round trip changed the document:\n\(written)")
        }
    case .failure(let problem):
        fatalError("the writer's own output does not read back: \(problem)\n\(written)")
    }
    return 0
}

/// Structural equality that ignores positions: same kinds, members in the same order (repeated
/// keys included), numbers as written, strings scalar for scalar.
enum Same {
    static func node(_ a: Node, _ b: Node) -> Bool {
        switch (a.value, b.value) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (m, n) in zip(x, y) where !text(m.key, n.key) || !node(m.node, n.node) { return false }
            return true
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (m, n) in zip(x, y) where !node(m, n) { return false }
            return true
        case (.string(let x), .string(let y)): return text(x, y)
        case (.number(let x), .number(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    static func text(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }
}

#if FUZZING
@_cdecl("FuzzJSONReader_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
#else
@main
enum Replay {
    static func main() {
        replay(Array(CommandLine.arguments.dropFirst()), through: fuzz)
    }
}
#endif
