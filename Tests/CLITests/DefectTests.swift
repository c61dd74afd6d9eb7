import Foundation
import XCTest

/// Defects found by using the tool as its people would (one test per defect, numbered as reported).
final class DefectTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-defects-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func qualify(_ arguments: [String], input: String? = nil) throws -> (status: Int32, out: String) {
        try CLI().qualify(arguments, input: input)
    }

    /// A copy of a valid example with `edit` applied, in the test's own folder.
    func submission(_ name: String, from example: String = "examples/valid/01-small-charity-alone.xml",
                    _ edit: (String) -> String = { $0 }) throws -> URL {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(example), encoding: .utf8)
        let url = folder.appendingPathComponent(name)
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testDefect01_outputNeverOverwritesAnInputOrAnExistingFile() throws {
        let sub = try submission("s.xml")
        let before = try Data(contentsOf: sub)
        for spelling in [sub.path, folder.appendingPathComponent("./s.xml").path] {
            for force in [[], ["--force"]] {
                let result = try qualify(["check", sub.path, "-o", spelling] + force)
                XCTAssertEqual(result.status, 2, result.out)
                XCTAssertTrue(result.out.contains("is a file being checked"), result.out)
                XCTAssertEqual(try Data(contentsOf: sub), before, "the submission is untouched")
            }
        }
        let existing = folder.appendingPathComponent("s.json")
        try Data("keep me".utf8).write(to: existing)
        let converted = try qualify(["convert", sub.path, "--to", "json", "-o", existing.path])
        XCTAssertEqual(converted.status, 2, converted.out)
        XCTAssertTrue(converted.out.contains("already exists") && converted.out.contains("--force"), converted.out)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "keep me")
        let onItself = try qualify(["convert", sub.path, "--to", "json", "-o", sub.path, "--force"])
        XCTAssertEqual(onItself.status, 2, onItself.out)
        XCTAssertEqual(try Data(contentsOf: sub), before)
        let report = try qualify(["check", sub.path, "-o", existing.path])
        XCTAssertEqual(report.status, 2, report.out)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "keep me")
        let forced = try qualify(["check", sub.path, "-o", existing.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.out)
        XCTAssertTrue(try String(contentsOf: existing, encoding: .utf8).contains("ready"))
    }

    func testDefect02_summaryOnlyNamesEveryFileWorstFirst() throws {
        _ = try submission("a-ready.xml")
        _ = try submission("b-fix.xml") { $0.replacingOccurrences(of: "<postalCode>HU2 8HL</postalCode>", with: "<postalCode>nowhere</postalCode>") }
        try Data().write(to: folder.appendingPathComponent("c-empty.xml"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("d-notes.txt"))
        let full = try qualify(["check", folder.appendingPathComponent("b-fix.xml").path])
        let message = try XCTUnwrap(full.out.split(separator: "\n").first { $0.contains("Must fix:") }?
            .components(separatedBy: "Must fix: ").last, full.out)
        let text = try qualify(["check", folder.path, "--summary-only"])
        XCTAssertEqual(text.status, 2, text.out)
        let lines = text.out.split(separator: "\n").map(String.init)
        let order = ["c-empty.xml", "b-fix.xml", "a-ready.xml"].map { name in lines.firstIndex { $0.contains(name) } }
        XCTAssertFalse(order.contains(nil), text.out)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "worst first:\n\(text.out)")
        XCTAssertTrue(text.out.contains("d-notes.txt"), "files left out are named:\n\(text.out)")
        XCTAssertFalse(text.out.contains(message), "no finding messages in a summary:\n\(text.out)")
        for format in ["json", "csv", "html", "markdown", "junit"] {
            let result = try qualify(["check", folder.path, "--summary-only", "--format", format])
            for name in ["a-ready.xml", "b-fix.xml", "c-empty.xml"] { XCTAssertTrue(result.out.contains(name), "\(format): \(result.out)") }
            XCTAssertFalse(result.out.contains(message), "\(format) lists no findings:\n\(result.out)")
        }
        let json = try qualify(["check", folder.path, "--summary-only", "--format", "json"])
        XCTAssertTrue(json.out.contains("\"skippedFiles\" : [") && json.out.contains("d-notes.txt"), json.out)
        let sarif = try qualify(["check", folder.path, "--summary-only", "--format", "sarif"])
        XCTAssertEqual(sarif.status, 2, sarif.out)
        XCTAssertTrue(sarif.out.contains("--summary-only"), sarif.out)
    }

    func testDefect03_fixOffersOnlyFixesThatWorkAndDiffMatchesTheSameField() throws {
        let old = try submission("old.xml") {
            $0.replacingOccurrences(of: "2026-02-17T11:42:05+00:00", with: "17/02/2026")
        }
        let fix = try qualify(["fix", old.path])
        XCTAssertFalse(fix.out.contains("wrote the date '17/02/2026'"), "a date alone cannot fill a date-and-time field:\n\(fix.out)")
        let new = try submission("new.xml") { $0.replacingOccurrences(of: "2026-02-17T11:42:05+00:00", with: "2026-02-17") }
        let diff = try qualify(["diff", old.path, new.path])
        XCTAssertTrue(diff.out.contains("0 fixed, 0 new,"), diff.out)
        let date = try submission("date.xml") {
            $0.replacingOccurrences(of: "<dateOfRegistration>", with: "<dateOfRegistration>X").replacingOccurrences(of: "X2", with: "2")
        }
        _ = date
    }

    func testDefect04_blankOptionalFieldsSayDeleteAndARemovedSectionIsNotFilledIn() throws {
        let starter = folder.appendingPathComponent("s.xml")
        XCTAssertEqual(try qualify(["init", "-o", starter.path]).status, 0)
        let sole = try String(contentsOf: starter, encoding: .utf8)
            .replacingOccurrences(of: "<deliveryModel></deliveryModel>", with: "<deliveryModel>SOLE</deliveryModel>")
        try sole.write(to: starter, atomically: true, encoding: .utf8)
        let result = try qualify(["check", starter.path])
        XCTAssertTrue(result.out.contains("VAT number is blank. Fill it in, or delete it"), result.out)
        XCTAssertFalse(result.out.contains("VAT number is blank. Fill it in."), result.out)
        XCTAssertTrue(result.out.contains("delivery.sole-with-partners"), result.out)
        XCTAssertFalse(result.out.contains("/consortium/"),
                       "nothing inside a section the person is told to remove:\n\(result.out)")
    }

    func testDefect05_aMisspeltOptionalFieldDoesNotSetOffARule() throws {
        let sub = try submission("s.xml") { $0.replacingOccurrences(of: "<postalCode>HU2 8HL</postalCode>", with: "<postcode>HU2 8HL</postcode>") }
        let result = try qualify(["check", sub.path])
        XCTAssertTrue(result.out.contains("schema.unknown-field"), result.out)
        XCTAssertFalse(result.out.contains("address.postcode"), result.out)
    }

    func testDefect06_mistakesInTheAssumptionsFileAreNamedWithTheirLine() throws {
        let cases = ["sizeBasis: EU_2003": "sizeBasis", "severities:\n  case-study.too-olde: ask": "case-study.too-olde",
                     "wordLimits:\n  narrativ: 5": "narrativ", "euroPerPound: 0": "euroPerPound",
                     "caseStudiesPerCategoryMinimum: 4\ncaseStudiesPerCategoryMaximum: 3": "caseStudiesPerCategoryMaximum"]
        for (text, name) in cases {
            let config = folder.appendingPathComponent("a.yaml")
            try text.write(to: config, atomically: true, encoding: .utf8)
            let result = try qualify(["check", "examples/valid/01-small-charity-alone.xml", "--config", config.path])
            XCTAssertEqual(result.status, 2, "\(text): \(result.out)")
            XCTAssertTrue(result.out.contains(name) && result.out.contains("line"), "\(text): \(result.out)")
        }
        let missing = try qualify(["check", "examples/valid/01-small-charity-alone.xml", "--config", "missing.yaml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.out.contains("There is no file at missing.yaml"), missing.out)
        XCTAssertFalse(missing.out.contains("its own files"), missing.out)
    }

    func testDefect07_explainShowsTheSettingsInForce() throws {
        let config = folder.appendingPathComponent("a.yaml")
        try "caseStudyRecencyMonths: 24\nseverities:\n  case-study.too-old: ask\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try qualify(["explain", "case-study.too-old", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.out)
        XCTAssertTrue(result.out.contains("24 months"), result.out)
        XCTAssertFalse(result.out.contains("36 months"), result.out)
        XCTAssertFalse(result.out.contains("'Must fix'"), result.out)
    }

    func testDefect08_junitMarksChecksThatDidNotRunAsSkipped() throws {
        try Data().write(to: folder.appendingPathComponent("empty.xml"))
        let empty = try qualify(["check", folder.appendingPathComponent("empty.xml").path, "--format", "junit"])
        XCTAssertFalse(empty.out.contains("<testcase") && !empty.out.contains("<skipped"), empty.out)
        XCTAssertTrue(empty.out.contains("skipped=\"58\"") || empty.out.contains("skipped=\""), empty.out)
        let waiting = try qualify(["check", "examples/invalid/14-misspelt-field-then-bad-email.xml", "--format", "junit"])
        XCTAssertTrue(waiting.out.contains("case-study.referee-not-independent") && waiting.out.contains("<skipped"), waiting.out)
    }

    func testDefect10_serveRefusesABadPortAndATakenOne() throws {
        let high = try CLI().qualify(["serve", "--port", "99999"], timeout: 20)
        XCTAssertEqual(high.status, 2, high.out)
        XCTAssertFalse(high.out.contains("serving on"), high.out)
        XCTAssertTrue(high.out.contains("65535"), high.out)
        let taken = try Listener()
        defer { taken.close() }
        let busy = try CLI().qualify(["serve", "--port", String(taken.port)], timeout: 20)
        XCTAssertEqual(busy.status, 2, busy.out)
        XCTAssertFalse(busy.out.contains("serving on"), busy.out)
        XCTAssertTrue(busy.out.contains("already in use"), busy.out)
        XCTAssertFalse(busy.out.contains("bind("), busy.out)
    }

    func testDefect11_everyCommandThatWritesNamesAPathItCannotWrite() throws {
        let path = "/nonexistent-\(UUID())/out.txt"
        let valid = "examples/valid/01-small-charity-alone.xml"
        let broken = "examples/invalid/04-date-with-slashes.xml"
        for arguments in [["check", valid, "-o", path], ["checklist", valid, "-o", path], ["init", "-o", path],
                          ["fix", broken, "--write", path], ["convert", valid, "--to", "json", "-o", path],
                          ["guidance", "build", "--out", "/proc/\(UUID())"]] {
            let result = try qualify(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.out)")
            XCTAssertTrue(result.out.contains("cannot write") && !result.out.contains("NSCocoaErrorDomain"), "\(arguments): \(result.out)")
        }
    }

    func testDefect15_smallerSlips() throws {
        let failOn = try qualify(["check", "--help"])
        let line = failOn.out.components(separatedBy: "--fail-on").dropFirst().joined()
        XCTAssertFalse(line.contains(", info") || line.contains("info)"), "--help offers only what --fail-on takes:\n\(failOn.out)")
        let unknown = try qualify(["explain", "no-such-id"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertFalse(unknown.out.contains("`qualify rules` lists every rule"), unknown.out)
        XCTAssertTrue(unknown.out.contains("qualify explain --list"), unknown.out)
        let listed = try qualify(["explain", "--list"])
        XCTAssertTrue(listed.out.contains("schema.missing") && listed.out.contains("case-studies"), listed.out)
        let topic = try qualify(["explain", "case-studies"])
        XCTAssertFalse(topic.out.contains("](../"), "links a terminal can follow:\n\(topic.out)")
        let other = try submission("b.xml") { $0.replacingOccurrences(of: "<submissionId>", with: "<submissionId>X") }
        let diff = try qualify(["diff", "examples/valid/01-small-charity-alone.xml", other.path])
        XCTAssertTrue(diff.out.contains("different submission"), diff.out)
        try Data(repeating: 0, count: 64).write(to: folder.appendingPathComponent("zeros.xml"))
        let zeros = try qualify(["check", folder.appendingPathComponent("zeros.xml").path])
        XCTAssertFalse(zeros.out.contains("UTF-16"), zeros.out)
        let json = try qualify(["init", "--format", "json", "-o", folder.appendingPathComponent("s.json").path])
        XCTAssertTrue(json.out.contains("guidance/reference/fields.md"), "the JSON starter says where its fields are explained:\n\(json.out)")
    }

    /// An official who names an existing -o file is told so at once, not after the whole batch
    /// has been checked. Standard input is held open: a check that started would wait on it.
    func testDefect16_anExistingOutputFileIsRefusedBeforeAnythingIsChecked() throws {
        let existing = folder.appendingPathComponent("report.json")
        try Data("keep me".utf8).write(to: existing)
        // Stopped after a minute if it is still waiting: it then ends by a signal, not with 2.
        let result = try CLI().qualify(["check", "-", "--format", "json", "-o", existing.path], timeout: 60, holdsInputOpen: true)
        XCTAssertEqual(result.status, 2, "it waited to read the submission before refusing to write: \(result.out)")
        XCTAssertTrue(result.out.contains("already exists"), result.out)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "keep me")
    }
}
