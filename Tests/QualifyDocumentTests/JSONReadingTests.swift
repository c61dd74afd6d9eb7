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

    /// Keys are told apart by their first byte first; what counts as the same key must not change.
    func testRepeatedKeysAreFoundAsStringsCompare() throws {
        XCTAssertTrue(try read(#"{"caf\u00e9": 1, "cafe\u0301": 2}"#).repeatsAKey)
        XCTAssertTrue(try read(#"{"\u00e9": 1, "e\u0301": 2}"#).repeatsAKey)
        XCTAssertTrue(try read(#"{"": 1, "x": 2, "": 3}"#).repeatsAKey)
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "e", "\\u00e9", "e\\u0301", "\\u0301", "\\u0000", "é", "日"]
        for _ in 0..<3_000 {
            let keys = (0..<Int.random(in: 1...20, using: &generator)).map { _ in
                (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
            let members = try XCTUnwrap(read(text).root.members)
            let expected = members.indices.contains { later in members[..<later].contains { $0.key == members[later].key } }
            XCTAssertEqual(try read(text).repeatsAKey, expected, text)
        }
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

    /// Columns count characters. A line with only one-byte characters before a value takes the
    /// short way (distance from the line's start); one with longer characters counts them.
    func testColumnsCountCharactersWithAndWithoutLongerOnes() throws {
        var generator = SystemRandomNumberGenerator()
        let words = ["plain", "café", "日本", "\u{1F600}", "a b", "x", "\\u00e9", "\\n"]
        for _ in 0..<300 {
            var text = "["
            var expected: [SourcePosition] = []
            var line = 1
            var lineText = "["
            for item in 0..<Int.random(in: 1...12, using: &generator) {
                if item > 0 { text += ","; lineText += "," }
                if Bool.random(using: &generator) {
                    text += "\n  "
                    line += 1
                    lineText = "  "
                }
                let value = Bool.random(using: &generator)
                    ? "\"" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined() + "\""
                    : String(Int.random(in: 0...999, using: &generator))
                expected.append(SourcePosition(line: line, column: lineText.unicodeScalars.count + 1))
                text += value
                lineText += value
            }
            text += "]"
            let items = try XCTUnwrap(read(text).root.items, text)
            XCTAssertEqual(items.map(\.position), expected, text)
        }
    }

    /// Strings are passed eight bytes at a time up to the first byte that needs a look: every
    /// kind of such byte, at every place in a word, must still be seen.
    func testStringsReadWhateverFallsWhereInAWordOfEight() throws {
        // (as written in the file, as read)
        let pieces: [(String, String)] = [("a", "a"), ("bcdefgh", "bcdefgh"), (" ", " "), ("\\\"", "\""), ("\\\\", "\\"),
                                          ("\\n", "\n"), ("\\u00e9", "é"), ("é", "é"), ("日", "日"), ("\u{1F600}", "\u{1F600}"),
                                          ("\u{7F}", "\u{7F}"), ("~", "~"), ("!", "!"), ("#", "#"), ("[", "["), ("]", "]")]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5_000 {
            let chosen = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            var written = chosen.map(\.0).joined(), meant = chosen.map(\.1).joined()
            let padding = String(repeating: " ", count: round % 9)
            if round % 3 == 0 {
                written += "\u{01}"
                let text = "[" + padding + "\"" + written + "\"]"
                guard case .failure(let problem) = JSONReader.read(Array(text.utf8)[...]) else { return XCTFail("control character let through: \(text.debugDescription)") }
                XCTAssertEqual(problem.kind, .controlCharacter, text.debugDescription)
                continue
            }
            if round % 5 == 0 { written += "xyz"; meant += "xyz" }
            let text = "[" + padding + "\"" + written + "\", 1]"
            let items = try XCTUnwrap(read(text).root.items, text.debugDescription)
            guard case .string(let value) = items.first?.value else { return XCTFail(text.debugDescription) }
            XCTAssertEqual(Array(value.unicodeScalars), Array(meant.unicodeScalars), text.debugDescription)
            XCTAssertEqual(items.count, 2, text.debugDescription)
        }
    }

    func testParseGivesTheSameTreeAsRead() throws {
        let text = #"{"a": [1, 2.50, "x"], "b": {"c": null, "c": true}}"#
        let parsed = try JSONReader.parse(Array(text.utf8)[...]).get()
        XCTAssertEqual(JSONWriter.write(parsed), JSONWriter.write(try read(text).root))
    }

    /// Plain text inside a string is passed eight bytes at a time; whatever stops a run must be
    /// seen at every place in those eight.
    func testEveryByteThatEndsAPlainRunIsSeenWhereverItFalls() throws {
        let pieces = ["\\\"", "\\\\", "\\n", "\\u00e9", "é", "😀", "\u{7F}", "~", " "]
        for before in 0..<20 {
            for piece in pieces {
                for after in [0, 1, 7, 8, 9] {
                    let text = "[\"" + String(repeating: "a", count: before) + piece + String(repeating: "b", count: after) + "\"]"
                    let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]).first
                    let root = try JSONReader.parse(Array(text.utf8)[...]).get()
                    XCTAssertEqual(root.items?.first?.scalarText, expected, text)
                }
            }
            for bad: [UInt8] in [[0x01], [0x1F], [0xFF], [0xC0, 0x80]] {
                let bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: before) + bad + Array("bbbbbbbbb\"]".utf8)
                guard case .failure(let problem) = JSONReader.parse(bytes[...]) else { return XCTFail("\(bytes) must be refused") }
                XCTAssertEqual(problem.column, before + 3, "\(bad) after \(before) letters")
                XCTAssertEqual(problem.kind, bad[0] < 0x20 ? .controlCharacter : .invalidUTF8, "\(bad) after \(before) letters")
            }
        }
    }
}
