import Dispatch
import JSONSchema
import QualifyDocument
import XCTest

/// Hostile or broken input must end with an answer, never a hang or a crash.
final class SafetyTests: XCTestCase {
    func testReferenceCycleEndsWithAnError() throws {
        for text in [##"{"$ref": "#"}"##,
                     ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
                     ##"{"anyOf": [{"type": "string"}, {"$ref": "#"}]}"##] {
            let compiled = try schema(text)
            XCTAssertFalse(compiled.isValid(json("1")), text)
            let errors = compiled.validate(json("1"))
            XCTAssertTrue(errors.contains { $0.details == .referenceCycle }, "\(text): \(errors)")
        }
        XCTAssertTrue(try schema(##"{"anyOf": [{"type": "string"}, {"$ref": "#"}]}"##).isValid(json(#""s""#)))
        // A cycle matches nothing, so under `not` it matches everything; both paths agree.
        let negated = try schema(##"{"not": {"$ref": "#/$defs/a"}, "$defs": {"a": {"$ref": "#/$defs/a"}}}"##)
        XCTAssertTrue(negated.isValid(json("1")))
        XCTAssertEqual(negated.validate(json("1")), [])
    }

    func testRecursionThatConsumesTheInstanceIsFine() throws {
        let tree = try schema(##"{"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}}"##)
        XCTAssertTrue(tree.isValid(json(#"{"children": [{"children": []}, {"children": [{}]}]}"#)))
        XCTAssertFalse(tree.isValid(json(#"{"children": [{"children": [1]}]}"#)))
    }

    func testVeryDeepInstanceStopsAtTheLimit() throws {
        var deep = deepArray(100_000)
        defer { dismantle(&deep) }
        let compiled = try schema(##"{"items": {"$ref": "#"}}"##)
        XCTAssertFalse(compiled.isValid(deep))
        let errors = compiled.validate(deep)
        XCTAssertEqual(errors.count, 1)
        guard case .tooDeep? = errors.first?.details else { return XCTFail("\(errors)") }
        // Equality checks walk the value without recursion.
        XCTAssertFalse(try schema(#"{"const": [[1]]}"#).isValid(deep))
        XCTAssertFalse(try schema(#"{"uniqueItems": true}"#).isValid(Node(.array([deep, deep]))))
    }

    func testReaderRefusesHostileNestingFirst() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure = JSONReader.parse(Array(text.utf8)[...]) else { return XCTFail("deep input was accepted") }
    }

    func testSchemaProblemsAreErrorsNotCrashes() {
        let cases: [(String, SchemaError.Kind)] = [
            (#"{"pattern": "[a"}"#, .invalidPattern("[a")),
            (#"{"patternProperties": {"(": true}}"#, .invalidPattern("(")),
            (##"{"$ref": "#/$defs/missing"}"##, .unresolvableReference("#/$defs/missing")),
            (#"{"$ref": "https://example.com/elsewhere.json"}"#, .unresolvableReference("https://example.com/elsewhere.json")),
            (#"{"minLength": -1}"#, .invalidKeyword("minLength")),
            (#"{"type": "text"}"#, .invalidKeyword("type")),
            (#"{"properties": {"a": 3}}"#, .notASchema),
            (#"{"multipleOf": 0}"#, .invalidKeyword("multipleOf")),
        ]
        for (text, kind) in cases {
            XCTAssertThrowsError(try schema(text), text) { error in
                XCTAssertEqual((error as? SchemaError)?.kind, kind, text)
            }
        }
    }

    func testOneCompiledSchemaServesManyThreads() throws {
        let compiled = try schema(#"{"type": "array", "items": {"type": "integer", "minimum": 0}, "uniqueItems": true}"#)
        let good = json("[1, 2, 3]"), bad = json("[1, -2, 1]")
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let ok = compiled.isValid(index.isMultiple(of: 2) ? good : bad) == index.isMultiple(of: 2)
            let errors = compiled.validate(bad).count
            if !ok || errors != 2 { failures.increment() }
        }
        XCTAssertEqual(failures.value, 0)
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
