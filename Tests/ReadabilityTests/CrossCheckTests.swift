import Foundation
import XCTest
@testable import Readability

/// Runs the reference Python tool on the repository's guidance and on a messages file, and
/// requires the same figures from this module for every file and every message.
final class CrossCheckTests: XCTestCase {
    private static let testFile = URL(fileURLWithPath: #filePath)
    private static let repository = testFile.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private static let tool = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/tools/readability.py")

    static let messages = """
        # Messages used to compare the two tools. Comment lines and blank lines are skipped.

        Enter your charity number.
        The charity number must be 8 digits, for example 12345678.
        Please enter a valid email address.
        Sorry, something went wrong. Try again later.
        Your application was sent on 3 May and is being reviewed by our team.
        The date must be in the past, e.g. 27 March 2019. It cannot be in the future.
        Invalid postcode: you entered an invalid character.
        This field is required.
        The file must be a PDF, Word document or image smaller than 10MB (10,000 KB).
        Select an option. The form can't be submitted in order to continue prior to checking.
        Mr. Smith's report is due by 5 p.m. on Friday.
        &quot;Total income&quot; must be &pound;1,000 or more &ndash; check <b>box 4</b>.
        Use **bold** and _italic_ text, a [link](https://example.org/page) and `code_span` here.
           Leading spaces are trimmed; the gift was given by a donor!
        """

    func testSwiftFiguresEqualPythonFigures() throws {
        let python = try Self.findPython()
        let guidance = Self.repository.appendingPathComponent("guidance")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("readability-crosscheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let messagesFile = folder.appendingPathComponent("messages.txt")
        try Self.messages.write(to: messagesFile, atomically: true, encoding: .utf8)

        let report = try Self.runTool(python, [guidance.path, "--messages", messagesFile.path, "--json", "--check"])
        let units = try XCTUnwrap(report["units"] as? [[String: Any]])
        var files = 0
        var messages = 0
        for unit in units {
            let path = try XCTUnwrap(unit["path"] as? String)
            let text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            if unit["kind"] as? String == "markdown" {
                files += 1
                compare(Readability.measureMarkdown(text), unit, path, .guidancePage, .guidanceGoal)
            } else {
                let measured = Readability.measureMessages(text)
                let expected = try XCTUnwrap(unit["messages"] as? [[String: Any]])
                XCTAssertEqual(measured.count, expected.count, "messages in \(path)")
                for (m, e) in zip(measured, expected) {
                    XCTAssertEqual(m.line, e["line"] as? Int)
                    compare(m.counts, e, "\(path):\(m.line)", .singleMessage, .singleMessageGoal)
                    messages += 1
                }
                compare(TextCounts.pooled(measured.map(\.counts)), unit, "\(path) (pooled)",
                        .pooledMessages, .pooledMessagesGoal)
            }
        }
        XCTAssertGreaterThan(files, 0, "the Python tool found no Markdown files in \(guidance.path)")
        XCTAssertEqual(messages, 14)
        print("Cross-checked \(files) Markdown files and \(messages) messages with \(Self.tool.path)")
    }

    private func compare(_ c: TextCounts, _ e: [String: Any], _ place: String, _ gate: Gate, _ goal: Gate) {
        XCTAssertEqual(c.words, e["words"] as? Int, "words in \(place)")
        XCTAssertEqual(c.sentences, e["sentences"] as? Int, "sentences in \(place)")
        XCTAssertEqual(c.syllables, e["syllables"] as? Int, "syllables in \(place)")
        XCTAssertEqual(c.longestSentence, e["longest_sentence_words"] as? Int, "longest sentence in \(place)")
        XCTAssertEqual(c.longestSentenceText, e["longest_sentence"] as? String, "longest sentence text in \(place)")
        XCTAssertEqual(c.passiveSentences, e["passive_sentences"] as? Int, "passive sentences in \(place)")
        XCTAssertEqual(c.avoidHits.count, e["avoid_words_total"] as? Int, "avoid hits in \(place)")
        let found = (e["avoid_words"] as? [[String: Any]] ?? []).map { "\($0["term"] ?? "")=\($0["found"] ?? "")" }
        XCTAssertEqual(c.avoidHits.map { "\($0.label)=\($0.text)" }, found, "avoid hits in \(place)")
        Self.assertClose(Readability.fleschReadingEase(c), e["flesch_reading_ease"], "FRE in \(place)")
        Self.assertClose(Readability.fleschKincaidGrade(c), e["flesch_kincaid_grade"], "grade in \(place)")
        // The tool lists at most 20 passive phrases a file.
        XCTAssertEqual(Array(c.passivePhrases.prefix(20)), e["passive_examples"] as? [String], "passives in \(place)")
        XCTAssertEqual(gate.failures(c), e["gate_failures"] as? [String] ?? [], "gate failures in \(place)")
        XCTAssertEqual(goal.failures(c), e["goal_warnings"] as? [String] ?? [], "goal misses in \(place)")
    }

    private static func assertClose(_ swift: Double?, _ python: Any?, _ what: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let expected = (python as? NSNumber)?.doubleValue
        switch (swift, expected) {
        case (nil, nil): break
        case let (s?, p?): XCTAssertEqual(s, p, accuracy: 0.01, what, file: file, line: line)
        default: XCTFail("\(what): Swift \(String(describing: swift)), Python \(String(describing: expected))",
                         file: file, line: line)
        }
    }

    private static func findPython() throws -> URL {
        guard FileManager.default.fileExists(atPath: tool.path) else {
            throw XCTSkip("Cross-check skipped: the Python tool is not at \(tool.path)")
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("Cross-check skipped: python3 is not on the PATH")
    }

    private static func runTool(_ python: URL, _ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = python
        process.arguments = [tool.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // With --check the tool exits with 1 when a gate is missed; 2 means it could not measure.
        XCTAssertLessThan(process.terminationStatus, 2, "the Python tool failed")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
