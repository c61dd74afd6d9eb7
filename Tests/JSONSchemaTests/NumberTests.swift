import JSONSchema
import QualifyDocument
import XCTest

/// Numbers are compared exactly on their written text, never through binary floating point.
final class NumberTests: XCTestCase {
    func testMultipleOfTenthsIsExact() throws {
        let tenth = try schema(#"{"multipleOf": 0.1}"#)
        for valid in ["0.3", "0.7", "1.1", "-4.2", "12345678901234567890.1", "1e-1", "0"] {
            XCTAssertTrue(tenth.isValid(json(valid)), valid)
        }
        for invalid in ["0.35", "0.30000000000000004", "1e-2"] {
            XCTAssertFalse(tenth.isValid(json(invalid)), invalid)
        }
        XCTAssertTrue(try schema(#"{"multipleOf": 0.01}"#).isValid(json("19.99")))
    }

    func testHugeValuesDoNotOverflow() throws {
        XCTAssertTrue(try schema(#"{"multipleOf": 0.1}"#).isValid(json("1e308")))
        XCTAssertTrue(try schema(#"{"type": "integer", "multipleOf": 0.5}"#).isValid(json("1e308")))
        XCTAssertFalse(try schema(#"{"type": "integer", "multipleOf": 0.123456789}"#).isValid(json("1e308")))
        XCTAssertTrue(try schema(#"{"multipleOf": 2}"#).isValid(json("1e1000000")))
        XCTAssertFalse(try schema(#"{"multipleOf": 7}"#).isValid(json("1e1000000")))
        XCTAssertFalse(try schema(#"{"multipleOf": 1e-1000000}"#).isValid(json("1e-1000001")))
        XCTAssertTrue(try schema(#"{"multipleOf": 123456789012345678901234567890}"#).isValid(json("246913578024691357802469135780")))
    }

    func testIntegersAreByValue() throws {
        let integer = try schema(#"{"type": "integer"}"#)
        for valid in ["1", "1.0", "-0", "1e2", "1.5e1", "12345678910111213141516171819202122232425262728293031"] {
            XCTAssertTrue(integer.isValid(json(valid)), valid)
        }
        for invalid in ["1.5", "1.25e1", "1e-1"] {
            XCTAssertFalse(integer.isValid(json(invalid)), invalid)
        }
    }

    func testComparisonsBeyondDoublePrecision() throws {
        let maximum = try schema(#"{"maximum": 18446744073709551615}"#)
        XCTAssertTrue(maximum.isValid(json("18446744073709551615")))
        XCTAssertFalse(maximum.isValid(json("18446744073709551616")))
        let exclusive = try schema(#"{"exclusiveMinimum": 0.1}"#)
        XCTAssertFalse(exclusive.isValid(json("0.1")))
        XCTAssertTrue(exclusive.isValid(json("0.10000000000000000001")))
    }

    func testEqualityIgnoresNumberFormAndMemberOrder() throws {
        XCTAssertTrue(try schema(#"{"const": 1}"#).isValid(json("1.0")))
        XCTAssertTrue(try schema(#"{"enum": [{"a": 1, "b": [2]}]}"#).isValid(json(#"{"b": [2.0], "a": 1e0}"#)))
        XCTAssertFalse(try schema(#"{"const": {"a": 1}}"#).isValid(json(#"{"a": 1, "b": 2}"#)))
        let unique = try schema(#"{"uniqueItems": true}"#)
        XCTAssertFalse(unique.isValid(json("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.0]")))
        XCTAssertTrue(unique.isValid(json(#"[{"a": 1}, {"a": 2}, 1, "1", true, null]"#)))
    }
}
