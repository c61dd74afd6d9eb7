import XCTest
@testable import Readability

// Expected values come from running the Python tool on the same page and messages file.
final class MeasureTests: XCTestCase {
    static let page = """
        ---
        title: Example page
        ---

        # How to apply in order to get help

        Fill in the form. It is sent to us by post.

        - Enter your name
        - Enter your date of birth, for example 27 March 2019

        <!-- a note for editors -->
        Read [the guidance](https://example.org/guidance) and **check** your `answers_file` first.

        ```
        code is left out. It shall not count.
        ```

        | Column | Shall |
        |--------|-------|
        | cell   | cell  |

        Setext heading is skipped
        -------------------------

        > Quoted text counts too.

        """

    static let messages = """
        # Validator messages

        Enter your charity number.
        Please enter a valid date.
        The file was rejected because it is larger than the limit set by the service, which is 10MB, \
        so make it smaller and send it again later today.

        """

    func testMarkdownPage() {
        let c = Readability.measureMarkdown(Self.page)
        XCTAssertEqual(c.words, 37)
        XCTAssertEqual(c.sentences, 6)
        XCTAssertEqual(c.syllables, 45)
        XCTAssertEqual(c.longestSentence, 10)
        XCTAssertEqual(c.longestSentenceText, "Enter your date of birth, for example 27 March 2019")
        XCTAssertEqual(c.passiveSentences, 1)
        XCTAssertEqual(c.passivePhrases, ["is sent"])
        // Only the heading has a word to avoid: code and tables are left out.
        XCTAssertEqual(c.avoidHits, [AvoidHit(label: "in order to", text: "in order to", suggestion: "'to'",
                                              severity: .avoid, line: 5)])
        XCTAssertEqual(Readability.fleschReadingEase(c), 97.7)
        XCTAssertEqual(Readability.fleschKincaidGrade(c), 1.2)
        XCTAssertEqual(Readability.averageSentence(c), 6.2)
        XCTAssertEqual(Gate.guidancePage.failures(c), ["words to avoid 1 is above 0"])
        XCTAssertEqual(Gate.guidanceGoal.failures(c), ["share of sentences with passive voice 17% is above 10%"])
    }

    func testMessagesFile() {
        let measured = Readability.measureMessages(Self.messages)
        XCTAssertEqual(measured.map(\.line), [3, 4, 5])
        XCTAssertEqual(measured.map(\.counts.words), [4, 5, 28])
        XCTAssertEqual(measured.map(\.counts.syllables), [8, 7, 38])
        XCTAssertEqual(measured[1].counts.avoidHits.map(\.text), ["Please", "valid"])
        XCTAssertEqual(measured[1].counts.avoidHits.map(\.line), [4, 4])
        XCTAssertEqual(Gate.singleMessage.failures(measured[0].counts), [])
        XCTAssertEqual(Gate.singleMessage.failures(measured[1].counts), ["words to avoid 2 is above 0"])
        XCTAssertEqual(Gate.singleMessage.failures(measured[2].counts), ["longest sentence (words) 28 is above 20"])
        XCTAssertEqual(Gate.singleMessageGoal.failures(measured[2].counts),
                       ["words 28 is above 20", "longest sentence (words) 28 is above 15",
                        "sentences with passive voice 1 is above 0"])

        let pooled = TextCounts.pooled(measured.map(\.counts))
        XCTAssertEqual([pooled.words, pooled.sentences, pooled.syllables, pooled.longestSentence], [37, 3, 53, 28])
        XCTAssertEqual(pooled.passiveSentences, 1)
        XCTAssertEqual(pooled.avoidHits.count, 2)
        XCTAssertEqual(Readability.fleschReadingEase(pooled), 73.1)
        XCTAssertEqual(Readability.fleschKincaidGrade(pooled), 6.1)
        XCTAssertEqual(Gate.pooledMessages.failures(pooled), [])
        XCTAssertEqual(Gate.pooledMessagesGoal.failures(pooled), [
            "Flesch Reading Ease 73.1 is below 80", "Flesch-Kincaid grade 6.1 is above 5",
            "average sentence length (words) 12.3 is above 10", "share of sentences with passive voice 33% is above 10%",
        ])
    }

    func testMessageScopeOnlyAppliesToMessages() {
        XCTAssertEqual(Readability.measureMessage("Please enter a valid date.").avoidHits.count, 2)
        XCTAssertEqual(Readability.measureMarkdown("Please enter a valid date.").avoidHits.count, 0)
    }

    private func counts(_ words: Int, _ sentences: Int, _ syllables: Int, longest: Int = 0) -> TextCounts {
        var c = TextCounts()
        (c.words, c.sentences, c.syllables, c.longestSentence) = (words, sentences, syllables, longest)
        return c
    }

    func testFormulas() {
        let examples: [(TextCounts, Double, Double, Double)] = [
            (counts(100, 5, 150), 59.6, 9.9, 20.0),
            (counts(10, 1, 14), 78.2, 4.8, 10.0),
            (counts(7, 2, 12), 58.3, 6.0, 3.5),
        ]
        for (c, ease, grade, average) in examples {
            XCTAssertEqual(Readability.fleschReadingEase(c), ease)
            XCTAssertEqual(Readability.fleschKincaidGrade(c), grade)
            XCTAssertEqual(Readability.averageSentence(c), average)
        }
        XCTAssertNil(Readability.fleschReadingEase(TextCounts()))
        XCTAssertNil(Readability.fleschKincaidGrade(counts(0, 1, 0)))
    }

    func testRoundingFollowsPython() {
        // round(x, 1) in Python: the exact binary value decides, ties go to even.
        let values = [0.25, 0.35, 0.45, 2.675, -0.25, -0.04, 59.95, 8.05]
        XCTAssertEqual(values.map(pythonRound1), [0.2, 0.3, 0.5, 2.7, -0.2, -0.0, 60.0, 8.1])
    }

    func testGatesNameEveryMissedTarget() {
        var c = counts(100, 5, 150, longest: 31)
        c.passiveSentences = 1
        c.avoidHits = [AvoidHit(label: "key (adjective)", text: "key", suggestion: "", severity: .check, line: 1)]
        XCTAssertEqual(Gate.guidancePage.failures(c), [
            "Flesch Reading Ease 59.6 is below 60", "Flesch-Kincaid grade 9.9 is above 9",
            "average sentence length (words) 20.0 is above 18", "longest sentence (words) 31 is above 30",
        ])
        XCTAssertEqual(Gate.guidanceGoal.failures(c), [
            "Flesch Reading Ease 59.6 is below 70", "Flesch-Kincaid grade 9.9 is above 7",
            "average sentence length (words) 20.0 is above 15", "longest sentence (words) 31 is above 25",
            "share of sentences with passive voice 20% is above 10%", "words to check in context 1 is above 0",
        ])
        XCTAssertEqual(Gate.singleMessage.failures(c),
                       ["sentences 5 is above 2", "words 100 is above 30", "longest sentence (words) 31 is above 20"])
        XCTAssertEqual(Gate.pooledMessages.failures(c), [
            "Flesch Reading Ease 59.6 is below 60", "Flesch-Kincaid grade 9.9 is above 8",
            "average sentence length (words) 20.0 is above 14",
        ])
    }

    func testPageWithoutWordsIsNotJudged() {
        let headingsOnly = Readability.measureMarkdown("# We shall see\n")
        XCTAssertEqual(headingsOnly.words, 0)
        XCTAssertEqual(headingsOnly.avoidHits.count, 1)
        XCTAssertEqual(Gate.guidancePage.failures(headingsOnly), [])
        XCTAssertEqual(Gate.singleMessage.failures(TextCounts()), [])
    }
}
