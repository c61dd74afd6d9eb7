import Foundation
import XCTest
@testable import QualifyKit

/// Every rule has a page, a title and a message, and at least one passing and one failing
/// example; every example behaves exactly as its page says.
final class RuleTests: XCTestCase {
    static let library = GuidanceLibrary(folder: Repo.url("guidance"))

    func testThereAreAtLeastFortyRulesEachWithAPageAndWords() {
        XCTAssertGreaterThanOrEqual(RuleEngine.rules.count, 40)
        XCTAssertEqual(Self.library.problems, [])
        XCTAssertEqual(Set(RuleEngine.rules.map(\.id)).count, RuleEngine.rules.count, "rule ids must be unique")
        for rule in RuleEngine.rules {
            XCTAssertNotNil(Self.library.page(rule.id), "\(rule.id) has no page in guidance/rules")
            XCTAssertNotNil(Shared.kit.catalogue.template("rule.\(rule.id).title"), "\(rule.id) has no title")
            let messages = Shared.kit.catalogue.messages.keys.filter { $0 == "rule.\(rule.id)" || ($0.hasPrefix("rule.\(rule.id).") && !$0.hasSuffix(".title")) }
            XCTAssertFalse(messages.isEmpty, "\(rule.id) has no message")
            let page = Self.library.page(rule.id)
            XCTAssertTrue(page?.examples.contains { $0.passes } ?? false, "\(rule.id) has no passing example")
            XCTAssertTrue(page?.examples.contains { !$0.passes } ?? false, "\(rule.id) has no failing example")
            XCTAssertEqual(page?.assumption, rule.assumption, "\(rule.id): the page and the rule name different assumptions")
        }
    }

    func testEveryExampleBehavesAsItsPageSays() {
        let runner = ExampleRunner(kit: Shared.kit)
        var count = 0
        for page in Self.library.pages(of: .rule) {
            for outcome in runner.run(page) {
                count += 1
                XCTAssertNil(outcome.failure, "\(page.file.lastPathComponent), example \(outcome.example.number) '\(outcome.example.title)': \(outcome.failure ?? "")")
                if !outcome.example.passes {
                    for finding in outcome.findings {
                        XCTAssertNotNil(finding.line, "\(page.id): a finding with no line")
                        XCTAssertFalse(finding.message.contains("{"), "\(page.id): \(finding.message)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(count, 116)
    }

    func testAnOfficialCanRegradeARule() throws {
        var checker = Shared.checker
        checker.configuration.severities["case-study.too-old"] = .advice
        let page = try XCTUnwrap(Self.library.page("case-study.too-old"))
        let failing = try XCTUnwrap(page.examples.first { !$0.passes })
        let outcome = ExampleRunner(kit: Shared.kit).run(failing, of: page)
        XCTAssertEqual(outcome.findings.first?.severity, .ask, "an assumption is for officials to ask about by default")
        XCTAssertEqual(checker.configuration.severity(of: RuleEngine.rules.first { $0.id == "case-study.too-old" }!), .advice)
    }

    func testAssumptionsFileLoadsWithItsDefaults() throws {
        let loaded = try Configuration.load(Repo.url(Kit.assumptionsFile))
        let defaults = Configuration()
        XCTAssertEqual(loaded.caseStudyRecencyMonths, defaults.caseStudyRecencyMonths)
        XCTAssertEqual(loaded.wordLimits, defaults.wordLimits)
        XCTAssertEqual(loaded.accountsMaximumAgeMonths, 24)
        XCTAssertEqual(loaded.keySubcontractorSharePercent, 10)
    }
}
