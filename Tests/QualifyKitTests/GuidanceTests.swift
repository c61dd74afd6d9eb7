import Foundation
import XCTest
import QualifyXML
@testable import QualifyKit

final class GuidanceTests: XCTestCase {
    /// The advisory group's three questions are answered at the top of their pages, the
    /// assumptions are named as assumptions, and each page links every rule it explains.
    func testTheThreeQuestionPagesAnswerFirstAndLinkTheirRules() throws {
        let library = GuidanceLibrary(folder: Repo.url("guidance"))
        for id in ["topic.case-studies", "topic.supply-chains", "topic.consortia"] {
            let page = try XCTUnwrap(library.page(id), id)
            let paragraphs = page.body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            let first = try XCTUnwrap(paragraphs.first)
            XCTAssertGreaterThan(first.split(separator: " ").count, 15, "\(id) opens with a real answer")
            XCTAssertTrue(page.body.lowercased().contains("assum"), "\(id) says which parts are assumptions")
            for rule in library.pages(of: .rule) where rule.topic == id {
                XCTAssertTrue(page.body.contains("../rules/\(rule.id).md"), "\(id) links \(rule.id)")
                XCTAssertTrue(rule.body.contains(page.file.lastPathComponent), "\(rule.id) links back to \(id)")
            }
        }
    }

    func testEditedGuidanceIsReadWithoutAnyCodeChange() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        let messages = copy.appendingPathComponent("guidance/messages/en.yaml")
        let edited = try String(contentsOf: messages, encoding: .utf8)
            .replacingOccurrences(of: "schema.wrong-format: \"{place}: '{value}' is not in the right form. Write it as {format}.\"",
                                  with: "schema.wrong-format: \"{place}: write it as {format}, not '{value}'.\"")
        try Data(edited.utf8).write(to: messages)
        let kit = try Kit(root: copy)
        let report = Checker(kit: kit).check(file: copy.appendingPathComponent("examples/invalid/03-charity-number-wrong-format.xml"))
        XCTAssertEqual(report.findings.first?.message, "Applicant, charity number: write it as 6 or 7 digits, like 1090095, not '12345'.")
    }

    /// A schema that is well formed but does not compile stops the kit loading with libxml2's
    /// reason (an edited kit can be chosen with QUALIFY_HOME), and one that is not XML at all is
    /// named as such, not as a schema that does not compile.
    func testAKitWhoseSchemaDoesNotCompileDoesNotLoad() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        let schema = copy.appendingPathComponent(Kit.schemaFile)
        let text = try String(contentsOf: schema, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "type=\"SubmissionIdType\"", with: "type=\"NoSuchType\"")
        XCTAssertNotEqual(broken, text)
        try Data(broken.utf8).write(to: schema)
        XCTAssertThrowsError(try Kit(root: copy)) { error in
            XCTAssertTrue(error is XSDCompileError, "\(error)")
        }
        try Data((text + "<").utf8).write(to: schema)
        XCTAssertThrowsError(try Kit(root: copy)) { error in
            XCTAssertFalse(error is XSDCompileError, "a schema that is not XML is named as such: \(error)")
        }
    }

    /// `qualify check` loads the kit with the XML schema compiled when first needed, so a JSON
    /// check never pays for it. A schema that then does not compile is a finding on each XML
    /// file, with libxml2's reason; the JSON files beside it are checked as usual.
    func testAKitThatCompilesItsSchemaWhenNeededStillChecksJSONAndNamesTheBrokenSchemaForXML() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        let schema = copy.appendingPathComponent(Kit.schemaFile)
        let text = try String(contentsOf: schema, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "type=\"SubmissionIdType\"", with: "type=\"NoSuchType\"").utf8).write(to: schema)
        let kit = try Kit(root: copy, xmlSchema: .whenFirstNeeded)
        let checker = Checker(kit: kit)
        let json = checker.check(file: copy.appendingPathComponent("examples/valid/01-small-charity-alone.json"))
        XCTAssertEqual(json.outcome, .ready, "\(json.findings)")
        let xml = checker.check(file: copy.appendingPathComponent("examples/valid/01-small-charity-alone.xml"))
        XCTAssertEqual(xml.outcome, .notChecked)
        XCTAssertEqual(xml.findings.map(\.id), ["input.kit-schema"])
        XCTAssertTrue(xml.findings[0].message.contains("NoSuchType"), xml.findings[0].message)
        XCTAssertFalse(xml.findings[0].message.contains("{reason}"), xml.findings[0].message)
        let whole = try Kit(root: Repo.root, xmlSchema: .whenFirstNeeded)
        XCTAssertEqual(Checker(kit: whole).check(file: Repo.url("examples/valid/01-small-charity-alone.xml")).outcome, .ready)
    }

    func testLintNamesEachPageThatMissesAGateOrAGoal() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        func append(_ text: String, to page: String) throws {
            let file = copy.appendingPathComponent("guidance/\(page)")
            try Data((try String(contentsOf: file, encoding: .utf8) + "\n" + text + "\n").utf8).write(to: file)
        }
        let words = (1...20).map { _ in "word" }.joined(separator: " ")
        // 26 words: over the goal for the longest sentence (25), within the gate (30).
        try append("This line is a run of \(words).", to: "rules/accounts.too-old.md")
        try append("Please \(words) \(words).", to: "rules/accounts.year-end-missing.md")
        let report = GuidanceReview(kit: try Kit(root: copy)).lint()
        XCTAssertTrue(report.text.contains("· accounts.too-old.md misses a goal: "), report.text)
        XCTAssertTrue(report.text.contains("✗ accounts.year-end-missing.md: "), report.text)
        XCTAssertFalse(report.text.contains("· accounts.year-end-missing.md"), "a page that misses the gate is listed once, as a failure")
        XCTAssertFalse(report.passed)
    }

    /// An assumption is not policy: a rule resting on one may stop a submission by default only
    /// when its page names the published source of its value, and that source is on the sources page.
    func testNoAssumptionBlocksByDefaultWithoutACitedSource() throws {
        let library = GuidanceLibrary(folder: Repo.url("guidance"))
        let sources = try XCTUnwrap(library.page("topic.sources")).body
        for rule in RuleEngine.rules where rule.assumption != nil && rule.severity == .mustFix {
            let source = library.page(rule.id)?.source ?? ""
            XCTAssertFalse(source.isEmpty, "\(rule.id) rests on \(rule.assumption!) and is must-fix by default with no cited source")
            XCTAssertTrue(source.isEmpty || sources.contains(source), "\(rule.id) cites '\(source)', which the sources page does not name")
        }
        XCTAssertTrue(RuleEngine.rules.contains { $0.assumption != nil }, "the check has rules to look at")
    }

    func testGuidanceDiffSaysWhatChangedBetweenTwoCopies() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        XCTAssertEqual(try GuidanceDiff(old: Repo.root, new: copy).lines, [], "two identical copies")
        let guidance = copy.appendingPathComponent("guidance")
        func change(_ file: String, _ from: String, _ to: String) throws {
            let url = guidance.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(from), "\(file) has '\(from)'")
            try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: url)
        }
        try change("assumptions.yaml", "caseStudyRecencyMonths: 36", "caseStudyRecencyMonths: 24")
        try change("assumptions.yaml", "severities: {}", "severities:\n  case-study.too-old: must-fix")
        try change("messages/en.yaml", "schema.empty.top: \"The {field} is blank. Fill it in.\"", "schema.empty.top: \"Fill in the {field}.\"")
        try change("rules/case-study.too-old.md", "title: A case study that ended too long ago", "title: An old case study")
        try FileManager.default.removeItem(at: guidance.appendingPathComponent("topics/sources.md"))
        let text = try GuidanceDiff(old: Repo.root, new: copy).text
        XCTAssertTrue(text.contains("Setting caseStudyRecencyMonths: 36 → 24"), text)
        XCTAssertTrue(text.contains("Setting severities: case-study.too-old: not set → must-fix"), text)
        XCTAssertTrue(text.contains("Message schema.empty.top changed:"), text)
        XCTAssertTrue(text.contains("Page case-study.too-old.md changed (title \"A case study that ended too long ago\" → \"An old case study\")"), text)
        XCTAssertTrue(text.contains("Page sources.md removed"), text)
    }
}
