// libFuzzer target: the safe XML reader (libxml2's parser underneath, our tree builder and column
// finder on its events) checking against schemas/qualification-1.0.xsd, compiled once, as it reads.
// The tree must hold together: element 0 is the root, every child points back at its parent,
// positions are 1-based, and every schema issue that names an element names one in the tree.
// Built with -D FUZZING (see fuzz/run.sh) libFuzzer drives `fuzz`; built normally this is a replay
// tool: `swift run FuzzXML FILE...` runs each file through the same code once.
import Foundation
import QualifyXML
import FuzzSupport

enum Fixture {
    /// The XSD, compiled once; compiling also initialises libxml2 once (XMLReader.prepare).
    static let schema: XSDSchema = {
        let name = "schemas/qualification-1.0.xsd"
        guard let root = repositoryRoot(holding: name),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else {
            fatalError("cannot find \(name); run from the repository or set QUALIFY_HOME")
        }
        XMLReader.prepare()
        do { return try XSDSchema(bytes: [UInt8](data)) } catch { fatalError("\(name) does not compile: \(error)") }
    }()

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

func checkShape(_ tree: XMLTree) {
    let elements = tree.elements
    guard !elements.isEmpty else { fatalError("a parsed document with no elements") }
    if elements[0].parent != nil { fatalError("the root has a parent") }
    for (index, element) in elements.enumerated() {
        if element.line < 1 || element.column < 1 { fatalError("element \(index) at \(element.line):\(element.column)") }
        for child in element.children {
            guard elements.indices.contains(child), elements[child].parent == index else {
                fatalError("element \(index) has a child \(child) that does not point back")
            }
        }
        if index > 0 {
            guard let parent = element.parent, parent < index, elements[parent].children.contains(index) else {
                fatalError("element \(index) is not among its parent's children")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let parsed) = XMLReader.parse(bytes[...], validatingAgainst: Fixture.schema) else { return 0 }
    checkShape(parsed.tree)
    for issue in parsed.issues {
        if let element = issue.element, !parsed.tree.elements.indices.contains(element) {
            fatalError("schema issue names element \(element) of \(parsed.tree.elements.count)")
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Fixture.schema
    return 0
}

#if FUZZING
@_cdecl("FuzzXML_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzz)
}
#else
@main
enum Replay {
    static func main() {
        _ = Fixture.schema
        replay(Array(CommandLine.arguments.dropFirst()), through: fuzz)
    }
}
#endif
