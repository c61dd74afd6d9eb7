import XCTest
@testable import QualifyXML

/// The schema's "not blank" pattern is decided without libxml2; the answer must be libxml2's.
final class XSDRegexTests: XCTestCase {
    func testNotBlankShortcutAgreesWithLibxml2() throws {
        let regex = try XCTUnwrap(XSDRegex(XSDRegex.notBlankPattern))
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "\t", "\n", "\r", "a", "Z", "\u{00A0}", "\u{2003}", "£", "日", "\u{0B}", "\u{0C}", "\u{85}", "😀", ".",
                      "\u{01}", "\u{1F}", "\u{7F}", "\u{9F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "\u{E000}",
                      "\u{2028}", "\u{10FFFF}"]
        var samples = ["", " ", "\t\n\r ", "x", " x ", "\u{00A0}", "\u{2003}", "\u{0B}"]
        for _ in 0..<5_000 {
            samples.append((0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        // Long runs of spaces and letters, so that whole words of eight bytes are passed at once.
        for _ in 0..<3_000 {
            let run = String(repeating: Bool.random(using: &generator) ? " " : "a", count: Int.random(in: 0...30, using: &generator))
            samples.append(run + (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                + String(repeating: " ", count: Int.random(in: 0...17, using: &generator)))
        }
        for text in samples {
            XCTAssertEqual(regex.matches(text), regex.libxml2Matches(text), text.debugDescription)
        }
        XCTAssertFalse(regex.matches("a\u{0}b"), "a value holding NUL never matches")
        let letters = try XCTUnwrap(XSDRegex("[a-z ]*"))
        for place in 0..<40 {
            var bytes = Array(repeating: UInt8(ascii: "a"), count: 40)
            bytes[place] = 0
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertFalse(regex.matches(text), "NUL at \(place) of a long answer")
            XCTAssertFalse(letters.matches(text), "NUL at \(place) of a long answer")
        }
        XCTAssertTrue(letters.matches(String(repeating: "a", count: 40)))
    }
}
