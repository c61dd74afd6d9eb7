import JSONSchema
import QualifyDocument
import XCTest

/// Errors must point at the right place and carry the facts a message for people needs.
final class ErrorReportingTests: XCTestCase {
    func testRequiredGivesOneErrorPerMissingMemberAtItsPath() throws {
        let errors = try schema(#"{"properties": {"a": {"required": ["x", "y", "z"]}}}"#).validate(json(#"{"a": {"y": 1}}"#))
        XCTAssertEqual(paths(errors), [["/a/x", "/properties/a/required"], ["/a/z", "/properties/a/required"]])
        XCTAssertEqual(errors.map(\.details), [.required(property: "x"), .required(property: "z")])
        XCTAssertEqual(errors.map(\.keyword), ["required", "required"])
        XCTAssertTrue(errors[0].message.contains("\"x\""))
    }

    func testAdditionalPropertiesFalseNamesEachUnexpectedMember() throws {
        let compiled = try schema(#"{"properties": {"a": true}, "patternProperties": {"^x-": true}, "additionalProperties": false}"#)
        let errors = compiled.validate(json(#"{"a": 1, "x-ok": 2, "b": 3, "c/d": 4}"#))
        XCTAssertEqual(errors.map(\.details), [.additionalProperty(name: "b"), .additionalProperty(name: "c/d")])
        XCTAssertEqual(paths(errors), [["/b", "/additionalProperties"], ["/c~1d", "/additionalProperties"]])
        XCTAssertEqual(errors[1].instancePath, DocumentPath([.key("c/d")]))
    }

    func testEnumAndConstGiveTheAllowedValues() throws {
        let errors = try schema(#"{"enum": [1, "a", {"b": null}]}"#).validate(json("2"))
        XCTAssertEqual(errors.map(\.details), [.enumeration(allowed: ["1", "\"a\"", "{\"b\":null}"])])
        let constant = try schema(#"{"const": [1, 2]}"#).validate(json("[1]"))
        XCTAssertEqual(constant.map(\.details), [.constant(expected: "[1,2]")])
    }

    func testTypeAndLimitsCarryExpectedAndActual() throws {
        let compiled = try schema(#"{"properties": {"n": {"type": ["integer", "null"]}, "m": {"exclusiveMaximum": 10}, "s": {"minLength": 3}}}"#)
        let errors = compiled.validate(json(#"{"n": 1.5, "m": 10, "s": "é"}"#))
        XCTAssertEqual(errors.map(\.details), [
            .type(expected: ["null", "integer"], actual: "number"),
            .maximum(limit: "10", exclusive: true, actual: "10"),
            .minLength(limit: 3, actual: 1),
        ])
        XCTAssertEqual(errors.map(\.keyword), ["type", "exclusiveMaximum", "minLength"])
    }

    func testAnyOfReportsOnlyTheBranchWhoseTypeMatched() throws {
        let compiled = try schema(#"{"anyOf": [{"type": "string"}, {"type": "object", "properties": {"a": {"type": "integer"}}}]}"#)
        let errors = compiled.validate(json(#"{"a": "x"}"#))
        XCTAssertEqual(paths(errors), [["/a", "/anyOf/1/properties/a/type"]])
    }

    func testAnyOfPrefersTheDeepestThenTheFewestErrors() throws {
        let deep = try schema(#"""
            {"anyOf": [{"type": "object", "required": ["x"]},
                       {"type": "object", "properties": {"a": {"properties": {"b": {"type": "integer"}}}}}]}
            """#)
        XCTAssertEqual(paths(deep.validate(json(#"{"a": {"b": "s"}}"#))), [["/a/b", "/anyOf/1/properties/a/properties/b/type"]])
        let fewest = try schema(#"{"anyOf": [{"minimum": 10, "multipleOf": 3}, {"minimum": 10}]}"#)
        XCTAssertEqual(paths(fewest.validate(json("5"))), [["", "/anyOf/1/minimum"]])
    }

    func testOneOfWithSeveralMatchesListsThem() throws {
        let compiled = try schema(#"{"oneOf": [{"type": "number"}, {"minimum": 0}, {"type": "string"}]}"#)
        let errors = compiled.validate(json("5"))
        XCTAssertEqual(errors.map(\.details), [.oneOfMultiple(passing: [0, 1])])
        XCTAssertEqual(paths(errors), [["", "/oneOf"]])
        let none = try schema(#"{"oneOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}"#).validate(json("-3"))
        XCTAssertEqual(paths(none), [["", "/oneOf/1/minimum"]])
    }

    func testReferencesAppearInTheSchemaPathAndTheAbsoluteLocation() throws {
        let compiled = try schema(##"{"$id": "https://example.com/root.json", "properties": {"a": {"$ref": "#/$defs/n"}}, "$defs": {"n": {"minimum": 3}}}"##)
        let errors = compiled.validate(json(#"{"a": 1}"#))
        XCTAssertEqual(paths(errors), [["/a", "/properties/a/$ref/minimum"]])
        XCTAssertEqual(errors.first?.absoluteKeywordLocation, "https://example.com/root.json#/$defs/n/minimum")
        XCTAssertEqual(errors.first?.details, .minimum(limit: "3", exclusive: false, actual: "1"))
    }

    func testUnevaluatedAndPropertyNamesPointAtTheMember() throws {
        let compiled = try schema(#"{"allOf": [{"properties": {"a": true}}], "propertyNames": {"maxLength": 2}, "unevaluatedProperties": false}"#)
        let errors = compiled.validate(json(#"{"a": 1, "bcd": 2}"#))
        XCTAssertEqual(errors.count, 2)
        guard case .propertyName(let name, let reasons) = errors[0].details else { return XCTFail("\(errors)") }
        XCTAssertEqual(name, "bcd")
        XCTAssertEqual(reasons.count, 1)
        XCTAssertEqual(errors[1].details, .unevaluatedProperty(name: "bcd"))
        XCTAssertEqual(paths(errors), [["/bcd", "/propertyNames"], ["/bcd", "/unevaluatedProperties"]])
    }

    func testItemsAndDraft7AdditionalItems() throws {
        let modern = try schema(#"{"prefixItems": [{"type": "integer"}], "items": false}"#)
        XCTAssertEqual(modern.validate(json("[1, 2, 3]")).map(\.details), [.additionalItem(index: 1), .additionalItem(index: 2)])
        let legacy = try schema(#"{"items": [{"type": "integer"}], "additionalItems": false}"#, options: SchemaOptions(defaultDraft: .draft7))
        let errors = legacy.validate(json(#"["x", 2]"#))
        XCTAssertEqual(paths(errors), [["/0", "/items/0/type"], ["/1", "/additionalItems"]])
    }

    func testDependentRequiredAndContains() throws {
        let compiled = try schema(#"{"dependentRequired": {"card": ["address"]}, "properties": {"l": {"contains": {"type": "string"}, "maxContains": 1}}}"#)
        let errors = compiled.validate(json(#"{"card": 1, "l": ["a", "b", 3]}"#))
        XCTAssertEqual(errors.map(\.details), [
            .dependentRequired(property: "address", presentProperty: "card"),
            .maxContains(limit: 1, actual: 2),
        ])
        XCTAssertEqual(paths(errors), [["/address", "/dependentRequired"], ["/l", "/properties/l/maxContains"]])
    }

    func testValidInstanceHasNoErrors() throws {
        let compiled = try schema(#"{"type": "object", "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}"#)
        XCTAssertEqual(compiled.validate(json(#"{"a": null}"#)), [])
        XCTAssertTrue(compiled.isValid(json(#"{"a": "x"}"#)))
    }
}
