import Foundation
import XCTest
@testable import QualifyKit

/// Defects found by using the tool as its people would (numbered as reported); the CLI and web
/// ones are in CLITests and QualifyWebTests.
final class KitDefectTests: XCTestCase {
    func valid(_ name: String = "01-small-charity-alone.json") throws -> String {
        try String(contentsOf: Repo.url("examples/valid/\(name)"), encoding: .utf8)
    }

    func testDefect04_blankOptionalFieldSaysFillInOrDelete() throws {
        let text = try valid("01-small-charity-alone.xml")
            .replacingOccurrences(of: "<postalCode>HU2 8HL</postalCode>", with: "<postalCode>HU2 8HL</postalCode>")
        let starter = Starter(model: Shared.kit.model).xml()
            .replacingOccurrences(of: "<deliveryModel></deliveryModel>", with: "<deliveryModel>SOLE</deliveryModel>")
        let report = Shared.check(starter)
        let optional = report.findings.filter { $0.id == "schema.empty" && $0.path.hasSuffix("/vatNumber") }
        XCTAssertFalse(optional.isEmpty, "the starter's VAT number is blank")
        for finding in optional { XCTAssertTrue(finding.message.contains("or delete it"), finding.message) }
        let required = report.findings.first { $0.id == "schema.empty" && $0.path == "/applicant/legalName" }
        XCTAssertEqual(required?.message.contains("delete"), false, required?.message ?? "no finding for the legal name")
        XCTAssertFalse(report.findings.contains { $0.path.hasPrefix("/consortium/") && $0.id.hasPrefix("schema.") },
                       "a SOLE bid is told to remove the consortium section, not to fill it in")
        _ = text
    }

    func testDefect05_aMisspeltOptionalFieldHoldsBackTheRuleThatReadsIt() throws {
        let text = try valid().replacingOccurrences(of: "\"postalCode\"", with: "\"postcode\"")
        let report = Shared.check(text, name: "s.json")
        XCTAssertTrue(report.findings.contains { $0.id == "schema.unknown-field" }, "\(report.findings.map(\.id))")
        XCTAssertFalse(report.findings.contains { $0.id == "address.postcode" }, report.findings.map(\.message).joined(separator: "\n"))
    }

    func testDefect13_lintPointsToTheRealFix() throws {
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        let messages = copy.appendingPathComponent("guidance/messages/en.yaml")
        let text = try String(contentsOf: messages, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\nschema.empty: ", with: "\nschema.emtpy: ")
            .replacingOccurrences(of: "\nschema.too-many: ", with: "\n# schema.too-many: ").utf8).write(to: messages)
        let rule = copy.appendingPathComponent("guidance/rules/accounts.too-old.md")
        try Data(try String(contentsOf: rule, encoding: .utf8).replacingOccurrences(of: "---\n", with: "--\n", options: [], range: nil)
            .utf8).write(to: rule)
        let topic = copy.appendingPathComponent("guidance/rules/case-study.too-old.md")
        try Data(try String(contentsOf: topic, encoding: .utf8).replacingOccurrences(of: "\ntopic: ", with: "\ntopci: ").utf8).write(to: topic)
        let many = copy.appendingPathComponent("guidance/rules/case-study.too-many.md")
        try Data(try String(contentsOf: many, encoding: .utf8).replacingOccurrences(of: "\nassumption: A1", with: "\nassumption: A22").utf8)
            .write(to: many)
        let lint = GuidanceReview(kit: try Kit(root: copy)).lint().text
        XCTAssertFalse(lint.contains("guidance/findings/schema.emtpy.md"), lint)
        XCTAssertTrue(lint.contains("schema.emtpy") && lint.contains("schema.empty"), lint)
        XCTAssertFalse(lint.contains("schema.too-many.md (id schema.too-many) belongs to no"), lint)
        XCTAssertTrue(lint.contains("schema.too-many") && lint.contains("no message"), lint)
        XCTAssertFalse(lint.contains("The rule accounts.too-old has no page"), lint)
        XCTAssertTrue(lint.contains("accounts.too-old.md"), lint)
        XCTAssertTrue(lint.contains("topci"), lint)
        XCTAssertTrue(lint.contains("A22"), lint)
    }

    func testDefect14_charactersXMLCannotHoldAreFlaggedWhenChecking() throws {
        let text = try valid().replacingOccurrences(of: "\"Eastgate Women's Centre\"", with: "\"East\\u0001gate Women's Centre\"")
        XCTAssertNotEqual(text, try valid())
        let report = Shared.check(text, name: "s.json")
        let finding = report.findings.first { $0.path == "/applicant/legalName" }
        XCTAssertEqual(finding?.id, "schema.control-character", "\(report.findings.map(\.id))")
        XCTAssertEqual(report.outcome, .needsFixes)
        if case .failure(let failure) = Converter(kit: Shared.kit).convert(Array(text.utf8), file: "s.json", to: .xml) {
            XCTAssertFalse(failure.findings.contains { $0.message.contains("quote marks") }, failure.findings.map(\.message).joined())
        } else {
            XCTFail("a control character cannot go into XML")
        }
    }

    func testDefect15_messagesReadAsSentences() throws {
        let places = Places(model: Shared.kit.model)
        let catalogue = Shared.kit.catalogue
        var rendered: [String] = []
        for path in MessageSamples.paths(Shared.kit.model) {
            let described = places.describe(path)
            rendered.append(catalogue.render("schema.empty", ["parent": places.parentPlace(of: path), "field": described.field]))
        }
        let all = rendered.joined(separator: "\n")
        XCTAssertFalse(all.contains("the scottish"), all)
        XCTAssertFalse(all.contains("the results is"), all)
        XCTAssertFalse(all.contains("the how "), all)
        let page = try XCTUnwrap(GuidanceLibrary(folder: Repo.url("guidance")).page("rule.not-checked"))
        XCTAssertFalse(page.body.contains("grey line"), "the page describes what reports really show")
        let booklet = GuidanceReview(kit: Shared.kit).booklet()
        XCTAssertFalse(booklet.contains(" 1 gaps"), "counts agree with their nouns")
    }

    /// A message edited by someone who does not touch Swift must not show a gap: the lint names
    /// the message and the placeholder nothing fills.
    func testLintNamesAPlaceholderNothingFills() throws {
        XCTAssertEqual(PlaceholderReview.problems(kit: Shared.kit, library: GuidanceLibrary(folder: Repo.url("guidance"))), [])
        let copy = try Repo.copyOfKit()
        defer { try? FileManager.default.removeItem(at: copy) }
        let messages = copy.appendingPathComponent("guidance/messages/en.yaml")
        let text = try String(contentsOf: messages, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "rule.case-study.too-old: \"", with: "rule.case-study.too-old: \"{nmae}: ")
            .replacingOccurrences(of: "schema.empty.top: \"", with: "schema.empty.top: \"{feild} ")
        XCTAssertNotEqual(edited, text)
        try Data(edited.utf8).write(to: messages)
        let lint = GuidanceReview(kit: try Kit(root: copy)).lint()
        XCTAssertFalse(lint.passed)
        XCTAssertTrue(lint.text.contains("rule.case-study.too-old uses {nmae}"), lint.text)
        XCTAssertTrue(lint.text.contains("schema.empty.top uses {feild}"), lint.text)
    }
}
