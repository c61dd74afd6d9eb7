import QualifyDocument
import XCTest

/// What the reader notes while it parses, so that nothing walks the document again for it.
final class JSONReadingTests: XCTestCase {
    private func read(_ text: String) throws -> JSONReader.Reading {
        try JSONReader.read(Array(text.utf8)[...]).get()
    }

    func testARepeatedKeyIsNotedAtAnyDepth() throws {
        XCTAssertFalse(try read(#"{"a": 1, "b": [{"x": 1}, {"x": 2}]}"#).repeatsAKey)
        XCTAssertTrue(try read(#"{"a": 1, "a": 2}"#).repeatsAKey)
        XCTAssertTrue(try read(#"{"a": [{"x": 1, "y": {"z": 1, "z": 2}}]}"#).repeatsAKey)
        XCTAssertTrue(try read(#"[{}, {"k": 1, "k": 1}]"#).repeatsAKey)
    }

    func testARepeatedKeyAmongManyIsNoted() throws {
        let keys = (0..<200).map { "\"k\($0)\": \($0)" }
        XCTAssertFalse(try read("{" + keys.joined(separator: ",") + "}").repeatsAKey)
        XCTAssertTrue(try read("{" + (keys + ["\"k7\": 0"]).joined(separator: ",") + "}").repeatsAKey)
    }

    func testTextThatMayHoldACharacterXMLCannotIsNoted() throws {
        XCTAssertFalse(try read(#"{"a": "plain text, é and \u00e9 and \n"}"#).mayHoldNonXMLCharacter)
        XCTAssertTrue(try read(#"{"a": "bell \u0007"}"#).mayHoldNonXMLCharacter)
        XCTAssertTrue(try read("{\"a\": \"not a character \u{FFFE}\"}").mayHoldNonXMLCharacter)
        XCTAssertTrue(try read(#"{"key \u0001": 1}"#).mayHoldNonXMLCharacter)
    }

    func testParseGivesTheSameTreeAsRead() throws {
        let text = #"{"a": [1, 2.50, "x"], "b": {"c": null, "c": true}}"#
        let parsed = try JSONReader.parse(Array(text.utf8)[...]).get()
        XCTAssertEqual(JSONWriter.write(parsed), JSONWriter.write(try read(text).root))
    }
}
