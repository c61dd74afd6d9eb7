import XCTest
import Yams
@testable import QualifyKit

/// Officials edit the assumptions file by hand, so each mistake must be named with its line.
final class ConfigurationTests: XCTestCase {
    let reader = ConfigurationReader(file: "mine.yaml")

    func testEverySettingIsRead() throws {
        let config = try reader.read("""
            caseStudiesPerCategoryMinimum: 2
            caseStudiesPerCategoryMaximum: 4
            caseStudyRecencyMonths: 48
            wordLimits:
              narrative: 800
            unqualifiedSubcontractorsNeedNotQualify: false
            refereesMustBeIndependent: no
            sizeBasis: PA2023
            euroPerPound: 1.2
            accountsMaximumAgeMonths: 18
            keySubcontractorSharePercent: 12.5
            severities:
              case-study.too-old: ask
            """)
        XCTAssertEqual(config.caseStudiesPerCategoryMinimum, 2)
        XCTAssertEqual(config.caseStudiesPerCategoryMaximum, 4)
        XCTAssertEqual(config.caseStudyRecencyMonths, 48)
        XCTAssertEqual(config.wordLimits["narrative"], 800)
        XCTAssertEqual(config.wordLimits["outcomes"], Configuration().wordLimits["outcomes"], "limits not given keep their defaults")
        XCTAssertFalse(config.unqualifiedSubcontractorsNeedNotQualify)
        XCTAssertFalse(config.refereesMustBeIndependent)
        XCTAssertEqual(config.sizeBasis, "PA2023")
        XCTAssertEqual(config.euroPerPound, Decimal(string: "1.2"))
        XCTAssertEqual(config.accountsMaximumAgeMonths, 18)
        XCTAssertEqual(config.keySubcontractorSharePercent, Decimal(string: "12.5"))
        XCTAssertEqual(config.severities, ["case-study.too-old": .ask])
    }

    func testEmptyFileAndCommentsGiveTheDefaults() throws {
        let config = try reader.read("# nothing changed\n")
        XCTAssertEqual(config.caseStudyRecencyMonths, Configuration().caseStudyRecencyMonths)
        XCTAssertEqual(try reader.read("").wordLimits, Configuration().wordLimits)
        XCTAssertEqual(try reader.read("severities: {}\nsizeBasis:\n").severities, [:])
    }

    func testSettingsLaidOverAnotherConfigurationKeepItsOtherValues() throws {
        var base = Configuration()
        base.caseStudyRecencyMonths = 60
        base.wordLimits["outcomes"] = 40
        base.severities = ["case-study.too-old": .info]
        let config = try reader.read("wordLimits:\n  narrative: 20\nseverities:\n  accounts.too-old: ask", over: base)
        XCTAssertEqual(config.caseStudyRecencyMonths, 60)
        XCTAssertEqual(config.wordLimits["outcomes"], 40)
        XCTAssertEqual(config.wordLimits["narrative"], 20)
        XCTAssertEqual(config.severities, ["accounts.too-old": .ask], "a severities list replaces the one beneath it")
    }

    func testAGuidanceExampleWithAMistypedSettingIsReportedNotIgnored() throws {
        let kit = Shared.kit
        let page = try XCTUnwrap(GuidanceLibrary(folder: Repo.url("guidance")).page("text.word-limit"))
        let example = try XCTUnwrap(page.examples.first { $0.configuration != nil })
        XCTAssertNil(ExampleRunner(kit: kit).run(example, of: page).failure)
        let mistyped = try RuleExample(Yams.compose(yaml: "title: t\nbaseline: \(example.baseline)\nconfig:\n  wordLimit: 3\npasses: true")!,
                                       number: 9, page: page.id)
        let failure = try XCTUnwrap(ExampleRunner(kit: kit).run(mistyped, of: page).failure)
        XCTAssertTrue(failure.contains("`wordLimit` is not a setting"), failure)
    }

    func testMistakesAreNamedWithTheirLine() {
        let cases: [(String, String)] = [
            ("caseStudyRecencyMonths: 36\ncaseStudyRecencyMonth: 12", "mine.yaml line 2: `caseStudyRecencyMonth` is not a setting"),
            ("caseStudyRecencyMonths: three years", "mine.yaml line 1: caseStudyRecencyMonths must be a whole number"),
            ("refereesMustBeIndependent: maybe", "refereesMustBeIndependent must be true or false"),
            ("euroPerPound: 1,17", "euroPerPound must be a number"),
            ("wordLimits:\n  narrative: lots", "line 2: wordLimits: narrative must be a whole number"),
            ("severities:\n  case-study.too-old: urgent", "the severity of case-study.too-old must be one of"),
            ("- just a list", "must be a list of settings"),
            ("key: [unclosed", "is not readable YAML"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try reader.read(text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should say \(expected)")
            }
        }
    }
}
