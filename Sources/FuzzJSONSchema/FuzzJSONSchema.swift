// libFuzzer target: the JSON Schema engine, both ways round.
// 1. The input, when it reads as JSON, is compiled as a schema (formats asserted, so the format
//    checkers run too) and validates a few fixed small instances and itself.
// 2. The same JSON is validated against schemas/qualification-1.0.schema.json, compiled once.
// Each validation is made twice, fast (isValid) and in full (validate); the two must agree.
// Built with -D FUZZING (see fuzz/run.sh) libFuzzer drives `fuzz`; built normally this is a replay
// tool: `swift run FuzzJSONSchema FILE...` runs each file through the same code once.
import Foundation
import JSONSchema
import QualifyDocument
import FuzzSupport

enum Fixture {
    /// The project's own JSON Schema, found from $QUALIFY_HOME or upwards from the working folder
    /// or the program.
    static let qualification: CompiledSchema = {
        let name = "schemas/qualification-1.0.schema.json"
        guard let root = repositoryRoot(holding: name),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path),
              case .success(let node) = JSONReader.parse([UInt8](data)[...]) else {
            fatalError("cannot find or read \(name); run from the repository or set QUALIFY_HOME")
        }
        do { return try CompiledSchema(node) } catch { fatalError("\(name) does not compile: \(error)") }
    }()

    static let instances: [Node] = [
        #"{"name": "Pennine Pathways", "count": 3, "ratio": 0.25, "tags": ["a", "b", "a"], "ok": true, "none": null}"#,
        #"[1, 1.0, -0, 1e2, "2024-03-31", "name@example.org.uk", {"a": {"b": []}}]"#,
        #""https://example.org/a/b?c=d#e""#,
        "12345678901234567890.5",
    ].map { text in
        guard case .success(let node) = JSONReader.parse(Array(text.utf8)[...]) else { fatalError("bad fixture \(text)") }
        return node
    }

    static func repositoryRoot(holding name: String) -> URL? {
        if let home = ProcessInfo.processInfo.environment["QUALIFY_HOME"] { return URL(fileURLWithPath: home) }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return folder }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}

func check(_ schema: CompiledSchema, _ instance: Node) {
    let fast = schema.isValid(instance)
    let errors = schema.validate(instance)
    if fast != errors.isEmpty {
        fatalError("isValid says \(fast) but validate gives \(errors.count) errors: \(errors.prefix(3))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let node) = JSONReader.parse(bytes[...]) else { return 0 }
    if let schema = try? CompiledSchema(node, options: SchemaOptions(assertFormats: true)) {
        for instance in Fixture.instances { check(schema, instance) }
        check(schema, node)
    }
    check(Fixture.qualification, node)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Fixture.qualification
    _ = Fixture.instances
    return 0
}

#if FUZZING
@_cdecl("FuzzJSONSchema_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
#else
@main
enum Replay {
    static func main() {
        _ = Fixture.qualification
        replay(Array(CommandLine.arguments.dropFirst()), through: fuzz)
    }
}
#endif
