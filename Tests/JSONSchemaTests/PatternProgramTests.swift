import Foundation
import XCTest
@testable import JSONSchema

/// The pattern matcher must agree with ICU (through the ECMA-262 translation it replaces) on
/// every pattern it accepts, and give way to ICU on every pattern it does not read.
final class PatternProgramTests: XCTestCase {
    static let patterns = [
        // The qualification schema's own.
        #"^(?:\s*\S[\s\S]*)$"#, #"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#,
        #"^(?:https?://\S+)$"#, #"^(?:\+?[0-9 ()\-]{7,20})$"#, #"^(?:[^@\s]+@[^@\s]+\.[^@\s]+)$"#,
        #"^(?:[A-Za-z][A-Za-z0-9_-]{0,39})$"#, #"^(?:[A-Z]{4}-[0-9]{4}-[A-Z]{4})$"#, #"^(?:[A-Z]{0,2}[0-9]{4})$"#,
        #"^(?:[0-9]{8}|(SC|NI|R0|OC)([0-9]{6}|[0-9]{4,5}R))$"#, #"^(?:(GB|XI)? ?([0-9]{3} ?[0-9]{4} ?[0-9]{2}( ?[0-9]{3})?|(GD|HA)[0-9]{3}))$"#,
        // Unanchored, partly anchored, alternatives, nesting, lazy repeats and edges.
        "a", "ab|c", "^a|b$", "a*", "a+b", "(a|b)*c", "^(?:a|)+$", "x?y?$", "^$", "$", "^", "a.c", "[^]", "[]", "a{2}",
        "a{2,}", "a{1,3}?b", "(?:)", "(a*)*b", "((a|b)+)+$", "[a-c-]", "[-a]", "[\\-z]", "\\.", "\\/", "[\\d\\s]+",
        "(a|b)*a(a|b){13}", "\\W", "\\D\\S", "[\\W]", "[^\\S\\n]", "[\\s\\S]", "[^\\w\\D]", "[.]", "^[\\w-]+$", "é+", "😀.", "^.{3}$", "\\t|\\n",
    ]
    static let alphabet: [String] = ["a", "b", "c", "x", "y", "A", "Z", "0", "7", "-", ".", "@", "/", ":", "+", " ",
                                     "\n", "\r", "\t", "\u{A0}", "\u{2028}", "\u{FEFF}", "é", "😀", "_", "T", "S", "G", "h", "ttps://"]

    func icu(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: try XCTUnwrap(ECMATranslator.translate(pattern)))
    }

    func testTheMatcherAgreesWithICU() throws {
        var random = SystemRandomNumberGenerator()
        for pattern in Self.patterns {
            let program = try XCTUnwrap(PatternProgram(pattern), "the matcher should read \(pattern)")
            let regex = try icu(pattern)
            let table = program.dfa
            for _ in 0..<1_500 {
                let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }.joined()
                let expected = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                XCTAssertEqual(program.matches(text), expected, "\(pattern) on \(text.debugDescription)")
                XCTAssertEqual(program.matchesStepByStep(text), expected, "\(pattern) step by step on \(text.debugDescription)")
                if let table {
                    XCTAssertEqual(table.matches(text), expected, "\(pattern) by table on \(text.debugDescription)")
                    XCTAssertEqual(table.matches(scalars: text), expected, "\(pattern) by table, by scalars, on \(text.debugDescription)")
                }
            }
        }
    }

    func testRealValuesMatchAsICUMatchesThem() throws {
        let cases: [(String, String)] = [
            (#"^(?:\s*\S[\s\S]*)$"#, "  a\nb"), (#"^(?:\s*\S[\s\S]*)$"#, " \n\t"), (#"^(?:[^@\s]+@[^@\s]+\.[^@\s]+)$"#, "jo@example.org"),
            (#"^(?:[^@\s]+@[^@\s]+\.[^@\s]+)$"#, "jo@@example.org"), ("^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$", "2026-03-31+01:00"),
            (#"^(?:(GB|XI)? ?([0-9]{3} ?[0-9]{4} ?[0-9]{2}( ?[0-9]{3})?|(GD|HA)[0-9]{3}))$"#, "GB 123 4567 89"),
        ]
        for (pattern, text) in cases {
            let expected = try icu(pattern).firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            XCTAssertEqual(PatternProgram(pattern)?.matches(text), expected, "\(pattern) on \(text.debugDescription)")
        }
    }

    /// What it cannot read, or what is not a valid pattern, goes to ICU, which decides.
    func testUnreadablePatternsAreLeftToICU() {
        for pattern in ["a(?=b)", "(?<=a)b", "(a)\\1", "\\bword", "\\p{L}", "\\u0041", "a{2,1}", "x**", "a{,3}", "]", "{", "(", "[a",
                        "a)", "\\", "[\\d-z]", "\\0", "a{1000000}"] {
            XCTAssertNil(PatternProgram(pattern), pattern)
        }
        XCTAssertNotNil(ECMARegex.compile("a(?=b)"), "ICU still reads look-aheads")
        XCTAssertNil(ECMARegex.compile("a{2,1}"), "an invalid pattern is still refused")
    }

    func testAPatternWhoseTableWouldBeTooLargeIsFollowedStepByStep() throws {
        XCTAssertTrue(try XCTUnwrap(PatternProgram("(a|b)*a(a|b){13}")).dfa == nil, "the table would be too large")
        XCTAssertNotNil(try XCTUnwrap(PatternProgram(#"^(?:[A-Za-z][A-Za-z0-9_-]{0,39})$"#)).dfa)
    }

    /// A long answer against "not blank" ends in a state that matches whatever follows.
    func testTablesStopWhereWhateverFollowsMatches() throws {
        let program = try XCTUnwrap(PatternProgram(#"^(?:\s*\S[\s\S]*)$"#))
        let table = try XCTUnwrap(program.dfa)
        for text in ["  word and more\n", String(repeating: "a b\n", count: 5_000), " \u{2028}x", "   ", "", "\n\t"] {
            XCTAssertEqual(table.matches(text), program.matchesStepByStep(text), text.debugDescription)
        }
        let ends = try XCTUnwrap(PatternProgram("^a[\\s\\S]*b$")).dfa
        XCTAssertEqual(ends?.matches("a" + String(repeating: "x", count: 100) + "b"), true)
        XCTAssertEqual(ends?.matches("a" + String(repeating: "x", count: 100)), false, "a state that loops but cannot end there must read on")
    }

    func testRepeatsOfRepeatsOfNothingAreLeftToICU() {
        XCTAssertNil(PatternProgram("((?:){99999}){99999}"))
        XCTAssertNil(PatternProgram("(((a?){9999}){9999}){9999}"))
    }

    /// Nested repeats over a long near miss: a backtracking matcher would not finish this in any
    /// reasonable time (so the suite would hang rather than pass); following every way at once does.
    func testNestedRepeatsOverALongNearMissAreAnswered() throws {
        let program = try XCTUnwrap(PatternProgram("^(a+)+$"))
        let text = String(repeating: "a", count: 5_000) + "!"
        XCTAssertFalse(program.matches(text))
        XCTAssertFalse(program.matchesStepByStep(text))
        XCTAssertTrue(program.matches(String(repeating: "a", count: 5_000)))
    }
}
