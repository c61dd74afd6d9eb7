import XCTest
@testable import Readability

// Every expected value below is what the Python tool (tools/readability.py, built-in syllable
// estimate) gives for the same input.
final class CountingTests: XCTestCase {
    func testSyllables() {
        let expected: [(String, Int)] = [
            ("make", 1), ("table", 2), ("file", 1), ("makes", 1), ("asked", 1), ("wanted", 2),
            ("created", 2), ("criteria", 4), ("period", 3), ("annual", 3), ("video", 3), ("premium", 3),
            ("yellow", 2), ("quiet", 1), ("science", 1), ("lion", 2), ("statue", 2), ("queue", 1),
            ("the", 1), ("a", 1), ("I", 1), ("2024", 1), ("1,000", 1), ("3.5", 1), ("well-known", 2),
            ("e.g", 2), ("rock-'n'-roll", 3), ("they\u{2019}re", 1), ("organisation", 5),
            ("readability", 5), ("guidance", 2), ("boxes", 2), ("judges", 2), ("fixes", 2),
            ("churches", 2), ("used", 2), ("beautiful", 3),
        ]
        for (word, syllables) in expected {
            XCTAssertEqual(Syllables.inWord(word), syllables, word)
        }
    }

    func testSentenceSplitting() {
        let expected: [(String, [String])] = [
            ("See e.g. Section 2 for details. Then stop.", ["See e.g. Section 2 for details.", "Then stop."]),
            ("Mr. Smith arrived. He sat down! Did he? Yes.", ["Mr. Smith arrived.", "He sat down!", "Did he?", "Yes."]),
            ("It costs \u{a3}5. That is cheap. J. Smith agreed.", ["It costs \u{a3}5.", "That is cheap.", "J. Smith agreed."]),
            ("She said \"Stop.\" Then she left.", ["She said \"Stop.", "Then she left."]),
            ("The value is 3.5 today. 4 people came.", ["The value is 3.5 today.", "4 people came."]),
            ("Use v2.0 now. it is lower case. Done", ["Use v2.0 now. it is lower case.", "Done"]),
        ]
        for (text, sentences) in expected {
            XCTAssertEqual(Sentences.split(text), sentences, text)
        }
    }

    func testWords() {
        XCTAssertEqual(Sentences.words("Don't re-use the 1,000 well-known e.g. items, 12,3456 or 3.14 times."),
                       ["Don't", "re-use", "the", "1,000", "well-known", "e.g", "items", "12", "3456", "or", "3.14", "times"])
        XCTAssertEqual(Sentences.words("They\u{2019}re here \u{2014} na\u{ef}ve caf\u{e9} 2nd-hand"),
                       ["They\u{2019}re", "here", "na", "ve", "caf", "2nd-hand"])
    }

    func testPassives() {
        let expected: [(String, [String])] = [
            ("The form was sent by post.", ["was sent"]),
            ("It is not fully checked.", ["is not fully checked"]),
            ("They were always being watched.", ["were always being watched", "being watched"]),
            ("We\u{2019}re given a choice.", ["We\u{2019}re given"]),
            ("The page is open.", []),
            ("The results are interested.", []),
            ("It is already been made.", ["is already been made", "been made"]),
            ("You get paid weekly.", ["get paid"]),
            ("The box is checked correctly and quickly done.", ["is checked"]),
            ("Send the form.", []),
        ]
        for (text, phrases) in expected {
            XCTAssertEqual(Sentences.passivePhrases(Sentences.words(text)), phrases, text)
        }
    }

    private func hits(_ text: String, message: Bool) -> [String] {
        AvoidRule.hits(in: text, message: message, line: 1).map { "\($0.label)|\($0.text)|\($0.severity.rawValue)" }
    }

    func testWordsToAvoidDependOnScope() {
        let text = "In order to apply, please use the key form via email, e.g. today."
        let everywhere = ["key (adjective)|key|check", "in order to|In order to|avoid", "via|via|check",
                          "Latin abbreviations|e.g.|avoid"]
        XCTAssertEqual(hits(text, message: false), everywhere)
        XCTAssertEqual(hits(text, message: true), everywhere + ["please / kindly|please|avoid"])
        XCTAssertEqual(hits("Non-key staff can't collaborate going forward.", message: false),
                       ["collaborate|collaborate|avoid", "going forward|going forward|avoid",
                        "negative contractions|can't|avoid"])
        XCTAssertEqual(hits("Invalid date: an error occurred.", message: true),
                       ["valid / invalid|Invalid|avoid", "vague error|an error occurred|avoid"])
    }

    func testCaseIsIgnoredAsPythonIgnoresIt() {
        // Python takes a dotted capital I for 'i' but does not unfold ligatures such as 'ffi'.
        XCTAssertEqual(hits("\u{130}n order to go", message: false), ["in order to|\u{130}n order to|avoid"])
        XCTAssertEqual(hits("Drive e\u{FB03}ciency. Drive EFFICIENCY.", message: false),
                       ["drive (figurative)|Drive EFFICIENCY|avoid"])
    }

    func testHTMLReferencesAreDecodedLikePython() {
        XCTAssertEqual(InlineText.unescapeHTML("&amp; &ampfoo &copy2024 &#8217; &#x2014; &#128; &#0; &nosuch; &pound;5"),
                       "& &foo \u{a9}2024 \u{2019} \u{2014} \u{20ac} \u{fffd} &nosuch; \u{a3}5")
    }
}
