import Foundation
import QualifyDocument
import XCTest
@testable import QualifyKit

/// Every message a person can see meets the writing standard, with the form's real labels
/// filled in at every place in the form it can appear.
final class MessageTests: XCTestCase {
    static let samples = MessageSamples.all(kit: Shared.kit)

    func testEveryMessageMeetsThePlainLanguageGate() {
        XCTAssertGreaterThan(Self.samples.count, 1000)
        let failures = Self.samples.compactMap { source, message -> String? in
            let problems = PlainLanguage.check(message: message).problems
            return problems.isEmpty ? nil : "\(source): \(problems.joined(separator: "; ")) — \(message)"
        }
        XCTAssertEqual(failures.count, 0, "\n" + failures.prefix(40).joined(separator: "\n"))
    }

    func testNoMessageFallsBackOrLeavesAPlaceholder() {
        let fallback = Shared.kit.catalogue.template("fallback") ?? "?"
        for (source, message) in Self.samples {
            XCTAssertFalse(message.contains("{") && !message.contains("'{'"), "\(source): placeholder left in: \(message)")
            XCTAssertFalse(message.hasSuffix(String(fallback.suffix(20))), "\(source) has no message of its own")
            XCTAssertFalse(message.contains("''"), "\(source): an empty value in: \(message)")
        }
    }

    func testCatalogueFallsBackToEnglishNeverToAKey() {
        let catalogue = MessageCatalogue(language: "cy", messages: ["input.empty": "Mae'r ffeil yn wag."],
                                         english: Shared.kit.catalogue.messages)
        XCTAssertEqual(catalogue.render("input.empty", [:]), "Mae'r ffeil yn wag.")
        XCTAssertEqual(catalogue.render("schema.missing", ["parent": "Applicant", "field": "legal name"]),
                       "Applicant: enter the legal name.")
        XCTAssertFalse(catalogue.render("no.such.key", ["place": "Applicant"]).contains("no.such.key"))
    }

    func testMessagesNameTheFieldByItsLabel() {
        let report = Shared.checker.check(file: Repo.url("examples/invalid/03-charity-number-wrong-format.xml"))
        XCTAssertEqual(report.findings.first?.message, "Applicant, charity number: '12345' is not in the right form. "
                       + "Write it as 6 or 7 digits, like 1090095.")
    }

    /// A reference or a date is one answer, not a section: the message must not call it one.
    func testAMissingAnswerAtTheTopIsNotCalledASection() throws {
        var text = try String(contentsOf: Repo.url("examples/valid/01-small-charity-alone.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""submissionId": "PSDF-2026-0117","#, with: "")
        text = text.replacingOccurrences(of: #""financialBand": "BAND_1","#, with: "")
        let messages = Shared.checker.check(bytes: Array(text.utf8), file: "test.json").findings.map(\.message)
        XCTAssertTrue(messages.contains("Your submission does not give the submission reference. Add it."), "\(messages)")
        XCTAssertFalse(messages.contains { $0.contains("section") }, "\(messages)")
        let builder = FindingBuilder(catalogue: Shared.kit.catalogue, places: Places(model: Shared.kit.model))
        let section = builder.finding(for: Problem(.missing, at: DocumentPath([.key("geography")]), position: nil))
        XCTAssertEqual(section.message, "Your submission has no areas covered section. Add it.")
    }

    /// Headlines are messages like any other: edited in the catalogue, they change everywhere.
    func testHeadlinesComeFromTheCatalogue() {
        let report = Shared.checker.check(file: Repo.url("examples/invalid/03-charity-number-wrong-format.xml"))
        var english = Shared.kit.catalogue.messages
        english["headline.fix.one.more"] = "1 EDITED thing, {more} more."
        english["headline.page.needs-fixes"] = "EDITED advice."
        let edited = MessageCatalogue(messages: english)
        XCTAssertTrue(TextRenderer(colour: false, catalogue: edited).render(report).contains(": 1 EDITED thing, 1 more."))
        XCTAssertEqual(Headline.advice(report, catalogue: edited), "EDITED advice.")
        XCTAssertTrue(TextRenderer(colour: false, catalogue: Shared.kit.catalogue).render(report)
            .contains(": 1 thing to fix before you submit, and 1 more below."))
    }

    /// The quick reader of the catalogue gives exactly what YAML gives, and steps aside for
    /// anything it does not read itself.
    func testTheQuickCatalogueReaderAgreesWithYAML() throws {
        let text = try String(contentsOf: Repo.url("guidance/messages/en.yaml"), encoding: .utf8)
        let quick = try XCTUnwrap(PlainMessages.read(text), "en.yaml is written the plain way")
        XCTAssertEqual(quick, try MessageCatalogue.yaml(text, file: "en.yaml"))
        XCTAssertGreaterThan(quick.count, 250)
        XCTAssertEqual(PlainMessages.read("# note\na.b: \"Say \\\"yes\\\" or \\\\n.\"\r\n\nc: \"\"\n"),
                       ["a.b": "Say \"yes\" or \\n.", "c": ""])
        for other in ["a: 'single'", "a: \"two\n  lines\"", "a: \"tab \\t\"", "a: \"x\" # note", "a: plain",
                      "a: \"x\"\na: \"y\"", "  a: \"x\"", "a: \"un\"quoted\""] {
            XCTAssertNil(PlainMessages.read(other), other)
        }
        let yaml = try MessageCatalogue.yaml("a: \"two\n  lines\"\nb: 'single'", file: "x.yaml")
        XCTAssertEqual(yaml, ["a": "two lines", "b": "single"])
    }

    func testTheGuidanceVersionIsItsFirstLineTrimmed() {
        XCTAssertEqual(Kit.firstLine("  draft 3, December 2026 \t\r\nnotes"), "draft 3, December 2026")
        XCTAssertEqual(Kit.firstLine("\nsecond"), "")
        XCTAssertEqual(Kit.firstLine("   "), "")
    }
}
