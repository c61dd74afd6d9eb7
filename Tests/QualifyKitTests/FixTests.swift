import Foundation
import XCTest
@testable import QualifyKit

final class FixTests: XCTestCase {
    /// Each mechanical mistake is fixed in both forms, and the fixed copy has no form problem left.
    func testSafeFixesClearTheirFindingsInXMLAndJSON() throws {
        for name in ["04-date-with-slashes", "05-money-with-comma", "06-misspelt-field", "13-yes-in-yes-no-field"] {
            for ext in ["xml", "json"] {
                let url = Repo.url("examples/invalid/\(name).\(ext)")
                let result = Fixer(checker: Shared.checker).fix([UInt8](try Data(contentsOf: url)), file: url.path)
                XCTAssertEqual(result.fixes.count, 1, "\(name).\(ext)")
                let after = Shared.checker.check(bytes: Array(result.fixed.utf8), file: "\(name).\(ext)")
                XCTAssertEqual(after.findings.filter { $0.severity.blocks }.map(\.message), [], "\(name).\(ext)")
                let changed = zip(result.original.split(separator: "\n", omittingEmptySubsequences: false),
                                  result.fixed.split(separator: "\n", omittingEmptySubsequences: false)).filter { $0 != $1 }
                XCTAssertEqual(changed.count, 1, "\(name).\(ext): only the line with the mistake changes")
            }
        }
    }

    func testTidyOnlyFixesWhatHasOneRightAnswer() {
        XCTAssertEqual(Tidy.date("31/03/2024"), "2024-03-31")
        XCTAssertEqual(Tidy.date("1.3.2024"), "2024-03-01")
        XCTAssertNil(Tidy.date("31/02/2024"), "not a real day")
        XCTAssertNil(Tidy.date("March 2024"))
        XCTAssertEqual(Tidy.number("£12,000"), "12000")
        XCTAssertEqual(Tidy.number("1,250.50"), "1250.50")
        XCTAssertNil(Tidy.number("12,00"), "a comma that is not a thousands comma")
        XCTAssertNil(Tidy.number("about 12000"))
        XCTAssertEqual(Tidy.yesNo(" Yes "), "true")
        XCTAssertNil(Tidy.yesNo("maybe"))
        XCTAssertEqual(Tidy.spaces(" 1090095 "), "1090095")
    }

    func testResubmissionSaysWhatWasFixedNewAndRemaining() throws {
        let url = Repo.url("examples/invalid/14-misspelt-field-then-bad-email.xml")
        let old = Shared.checker.check(file: url)
        let fixed = Fixer(checker: Shared.checker).fix([UInt8](try Data(contentsOf: url)), file: url.path).fixed
        let new = Shared.checker.check(bytes: Array(fixed.utf8), file: "resubmitted.xml")
        let change = Resubmission(old: old, new: new)
        XCTAssertEqual(change.fixed.map(\.id), ["schema.unknown-field"])
        XCTAssertEqual(change.new.map(\.id), [])
        XCTAssertTrue(change.remaining.map(\.id).contains("schema.wrong-format"))
    }

    func testACompanyNumberThatLostItsLeadingZeroIsPaddedBack() throws {
        let text = try String(contentsOf: Repo.url("examples/valid/02-consortium-with-prospective-partner.xml"), encoding: .utf8)
        let number = try XCTUnwrap(text.firstMatch(of: /<companyNumber>0+([1-9][0-9]*)<\/companyNumber>/))
        let broken = text.replacingOccurrences(of: String(number.0), with: "<companyNumber>\(number.1)</companyNumber>")
        let result = Fixer(checker: Shared.checker).fix(Array(broken.utf8), file: "s.xml")
        XCTAssertTrue(result.fixed.contains(String(number.0)), result.fixes.map(\.description).joined())
        XCTAssertFalse(Shared.check(result.fixed).findings.contains { $0.id == "schema.wrong-format" })
    }
}
