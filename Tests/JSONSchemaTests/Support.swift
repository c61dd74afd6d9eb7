import JSONSchema
import QualifyDocument
import XCTest

/// Parses JSON text written in a test; a typo in the test fails loudly.
func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Node {
    switch JSONReader.parse(Array(text.utf8)[...]) {
    case .success(let node): return node
    case .failure(let problem):
        XCTFail("bad JSON in test: \(problem)", file: file, line: line)
        return Node(.null)
    }
}

func schema(_ text: String, options: SchemaOptions = .init(), file: StaticString = #filePath, line: UInt = #line) throws -> CompiledSchema {
    try CompiledSchema(json(text, file: file, line: line), options: options)
}

/// Errors as (instancePath, schemaPath) pairs, which is what most assertions compare.
func paths(_ errors: [ValidationError]) -> [[String]] {
    errors.map { [$0.instancePath.description, $0.schemaPath] }
}

/// Frees a very deep value one level at a time; letting Swift free it at once would recurse
/// once per level and exhaust the stack.
func dismantle(_ node: inout Node) {
    var current = node
    node = Node(.null)
    while true {
        switch current.value {
        case .array(let items) where !items.isEmpty:
            current = items[0]
        case .object(let members) where !members.isEmpty:
            current = members[0].node
        default:
            return
        }
    }
}

func deepArray(_ depth: Int) -> Node {
    var node = Node(.number("1"))
    for _ in 0..<depth { node = Node(.array([node])) }
    return node
}
