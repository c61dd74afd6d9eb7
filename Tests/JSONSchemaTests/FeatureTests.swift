import JSONSchema
import QualifyDocument
import XCTest

/// Regular expressions, formats, remotes and dialect choice.
final class FeatureTests: XCTestCase {
    func testPatternsHaveECMAMeaning() throws {
        XCTAssertFalse(try schema(#"{"pattern": "^\\d+$"}"#).isValid(json(#""৪২""#)))
        XCTAssertTrue(try schema(#"{"pattern": "^\\p{L}+$"}"#).isValid(json(#""école""#)))
        XCTAssertFalse(try schema(#"{"pattern": "^\\w+$"}"#).isValid(json(#""école""#)))
        XCTAssertFalse(try schema(#"{"pattern": "^abc$"}"#).isValid(json(#""abc\n""#)))
        XCTAssertTrue(try schema(#"{"pattern": "^a.c$"}"#).isValid(json(#""a\u0085c""#)))
        XCTAssertFalse(try schema(#"{"pattern": "^a.c$"}"#).isValid(json(#""a\u2028c""#)))
        XCTAssertTrue(try schema(#"{"pattern": "^[^]$"}"#).isValid(json(#""\n""#)))
        XCTAssertTrue(try schema(#"{"pattern": "^\\u{1F432}{2}$"}"#).isValid(json(#""🐲🐲""#)))
        XCTAssertTrue(try schema(#"{"pattern": "^[\\w-]+$"}"#).isValid(json(#""a-b_c""#)))
        XCTAssertTrue(try schema(#"{"pattern": "x{"}"#).isValid(json(#""x{""#)))
    }

    func testFormatIsAnAnnotationUnlessAsked() throws {
        let text = #"{"format": "date"}"#
        XCTAssertTrue(try schema(text).isValid(json(#""2024-02-30""#)))
        let asserting = try schema(text, options: SchemaOptions(assertFormats: true))
        XCTAssertFalse(asserting.isValid(json(#""2024-02-30""#)))
        XCTAssertTrue(asserting.isValid(json(#""2024-02-29""#)))
        XCTAssertEqual(asserting.validate(json(#""tomorrow""#)).map(\.details), [.format("date")])
        XCTAssertTrue(asserting.isValid(json("20240229")), "formats apply to strings only")
        XCTAssertTrue(try schema(#"{"format": "no-such-format"}"#, options: SchemaOptions(assertFormats: true)).isValid(json(#""x""#)))
    }

    func testFormatChecks() throws {
        let samples: [(String, String, Bool)] = [
            ("date-time", "2024-01-31T23:59:60Z", true), ("date-time", "2024-01-31 10:00:00Z", false),
            ("time", "10:00:00+01:00", true), ("duration", "P1Y2M3DT4H5M6S", true), ("duration", "PT", false),
            ("email", "a.b@example.com", true), ("email", "a..b@example.com", false),
            ("hostname", "example.com", true), ("hostname", "-bad.com", false),
            ("ipv4", "192.168.0.1", true), ("ipv4", "192.168.0.01", false),
            ("ipv6", "::ffff:192.168.0.1", true), ("ipv6", "1:2:3:4:5:6:7:8:9", false),
            ("uri", "https://example.com/a?b#c", true), ("uri", "/relative", false), ("uri-reference", "/relative", true),
            ("iri", "https://exämple.com/", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true),
            ("regex", "^[a-z]+$", true), ("regex", "^(abc", false), ("json-pointer", "/a~1b", true),
            ("json-pointer", "/a~2", false), ("relative-json-pointer", "1/a", true), ("uri-template", "/{id}", true),
        ]
        for (format, value, expected) in samples {
            let compiled = try schema(#"{"format": ""# + format + #""}"#, options: SchemaOptions(assertFormats: true))
            XCTAssertEqual(compiled.isValid(Node(.string(value))), expected, "\(format): \(value)")
        }
    }

    func testRemotesAreUsedAndNothingIsFetched() throws {
        let remotes = ["https://example.com/person.json": json(##"{"type": "object", "required": ["name"], "properties": {"age": {"$ref": "#/$defs/age"}}, "$defs": {"age": {"minimum": 0}}}"##)]
        let compiled = try schema(#"{"items": {"$ref": "https://example.com/person.json"}}"#, options: SchemaOptions(remotes: remotes))
        XCTAssertTrue(compiled.isValid(json(#"[{"name": "a", "age": 3}]"#)))
        let errors = compiled.validate(json(#"[{"age": -1}]"#))
        XCTAssertEqual(paths(errors), [["/0/name", "/items/$ref/required"], ["/0/age", "/items/$ref/properties/age/$ref/minimum"]])
        XCTAssertEqual(errors.last?.absoluteKeywordLocation, "https://example.com/person.json#/$defs/age/minimum")
    }

    func testDialectFromSchemaOrOption() throws {
        let text = ##"{"$ref": "#/definitions/a", "maximum": 1, "definitions": {"a": {"type": "integer"}}}"##
        let legacy = try schema(text, options: SchemaOptions(defaultDraft: .draft7))
        XCTAssertTrue(legacy.isValid(json("5")), "draft-07 ignores siblings of $ref")
        XCTAssertFalse(try schema(text).isValid(json("5")))
        let declared = try schema(#"{"$schema": "http://json-schema.org/draft-07/schema#", "dependencies": {"a": ["b"]}, "items": [{"type": "string"}]}"#)
        XCTAssertFalse(declared.isValid(json(#"{"a": 1}"#)))
        XCTAssertFalse(declared.isValid(json("[1]")))
    }

    func testMetaSchemasAreBundled() throws {
        let meta = try schema(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        XCTAssertTrue(meta.isValid(json(#"{"type": "object", "properties": {"a": {"minimum": 1}}}"#)))
        XCTAssertFalse(meta.isValid(json(#"{"properties": {"a": {"minimum": "one"}}}"#)))
        let legacy = try schema(#"{"$ref": "http://json-schema.org/draft-07/schema#"}"#)
        XCTAssertFalse(legacy.isValid(json(#"{"type": 5}"#)))
    }

    func testDynamicReferencesExtendARecursiveSchema() throws {
        let remotes = ["https://example.com/tree": json(##"{"$id": "https://example.com/tree", "$dynamicAnchor": "node", "type": "object", "properties": {"children": {"type": "array", "items": {"$dynamicRef": "#node"}}}}"##)]
        let strict = try schema(#"{"$id": "https://example.com/strict", "$dynamicAnchor": "node", "$ref": "tree", "unevaluatedProperties": false}"#, options: SchemaOptions(remotes: remotes))
        XCTAssertTrue(strict.isValid(json(#"{"children": [{"children": []}]}"#)))
        XCTAssertFalse(strict.isValid(json(#"{"children": [{"childrn": []}]}"#)))
        XCTAssertEqual(paths(strict.validate(json(#"{"children": [{"x": 1}]}"#))),
                       [["/children/0/x", "/$ref/properties/children/items/$dynamicRef/unevaluatedProperties"]])
    }
}
