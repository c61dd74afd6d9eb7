import JSONSchema
import QualifyDocument
import XCTest

/// A yes/no run passes over nodes that are only a `$ref`; it must still answer as the full run
/// does, at the depth limit and around reference cycles.
final class ShortcutTests: XCTestCase {
    /// Each level of the document costs three nodes in the full run (the array, then two that
    /// only refer on). The full run finds the first depth it refuses; the yes/no run must refuse
    /// it too, and accept the depth before.
    func testChainsCountTowardsTheDepthLimit() throws {
        let compiled = try schema(##"""
            {"items": {"$ref": "#/$defs/a"},
             "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#"}}}
            """##)
        func refusedInFull(_ depth: Int) -> Bool {
            var deep = deepArray(depth)
            defer { dismantle(&deep) }
            return !compiled.validate(deep).isEmpty
        }
        func refusedFast(_ depth: Int) -> Bool {
            var deep = deepArray(depth)
            defer { dismantle(&deep) }
            return !compiled.isValid(deep)
        }
        var low = 1, high = 2_000
        XCTAssertFalse(refusedInFull(low))
        XCTAssertTrue(refusedInFull(high))
        while high - low > 1 {
            let middle = (low + high) / 2
            if refusedInFull(middle) { high = middle } else { low = middle }
        }
        XCTAssertFalse(refusedFast(low), "depth \(low) is accepted in full")
        XCTAssertTrue(refusedFast(high), "depth \(high) is refused in full")
    }

    func testChainsIntoCyclesAgreeWithTheFullRun() throws {
        let texts = [
            ##"{"properties": {"p": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}"##,
            ##"{"properties": {"p": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"not": {"$ref": "#/$defs/a"}}}}"##,
            ##"{"properties": {"p": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {"type": "integer"}]}}}"##,
            ##"{"items": {"$ref": "#/$defs/a"}, "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"}, "c": {"type": "string"}}}"##,
            ##"{"items": {"$ref": "#/$defs/a"}, "$defs": {"a": {"$ref": "#/$defs/b"}, "b": true}}"##,
        ]
        let instances = [#"{"p": 1}"#, #"{"p": "x"}"#, #"["x", 1]"#, #"["x"]"#, #"[]"#, #"{}"#].map { json($0) }
        for text in texts {
            let compiled = try schema(text)
            for instance in instances {
                XCTAssertEqual(compiled.isValid(instance), compiled.validate(instance).isEmpty, "\(text) with \(instance)")
            }
        }
        let strings = try schema(texts[3])
        XCTAssertTrue(strings.isValid(json(#"["x"]"#)))
        XCTAssertFalse(strings.isValid(json(#"["x", 1]"#)))
    }
}
