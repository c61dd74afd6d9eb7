import Foundation
import JSONSchema
import QualifyDocument
import XCTest

/// The official JSON-Schema-Test-Suite is the scoreboard: draft 2020-12 and draft-07 required
/// tests all pass, and nearly all optional (non-format) ones.
final class ConformanceTests: XCTestCase {
    func testConformance() throws {
        try SchemaSuite.requireSuite()
        let remotes = try SchemaSuite.remotes()
        let modern = SchemaOptions(defaultDraft: .draft202012, remotes: remotes)
        let legacy = SchemaOptions(defaultDraft: .draft7, remotes: remotes)

        let required = SchemaSuite.run(try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12")), options: modern)
        let optional = SchemaSuite.run(try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12/optional")), options: modern)
        let draft7 = SchemaSuite.run(try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft7")), options: legacy)

        print("JSON-Schema-Test-Suite draft2020-12 required: \(required.passed)/\(required.total) passed")
        print("JSON-Schema-Test-Suite draft2020-12 optional (not format): \(optional.passed)/\(optional.total) passed")
        print("JSON-Schema-Test-Suite draft7 required: \(draft7.passed)/\(draft7.total) passed")
        for failure in required.failures + optional.failures + draft7.failures {
            print("  FAIL \(failure)")
        }

        XCTAssertEqual(required.total, 1299, "the suite's draft2020-12 required total changed")
        XCTAssertEqual(optional.total, 162, "the suite's draft2020-12 optional total changed")
        XCTAssertEqual(draft7.total, 927, "the suite's draft7 required total changed")
        XCTAssertEqual(required.failures, [])
        XCTAssertEqual(draft7.failures, [])
        XCTAssertGreaterThanOrEqual(optional.passed, 160)
    }

    /// The fast path must give the same answer as full validation on every suite instance.
    func testFastPathAgreesWithValidate() throws {
        try SchemaSuite.requireSuite()
        var options = SchemaOptions(remotes: try SchemaSuite.remotes())
        var cases = try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12"))
        cases += try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12/optional"))
        cases += try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12/optional/format"))
        options.assertFormats = true
        var result = SchemaSuite.run(cases, options: options, agreement: true)
        options.defaultDraft = .draft7
        options.assertFormats = false
        let legacy = SchemaSuite.run(try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft7")), options: options, agreement: true)
        result.failures += legacy.failures
        XCTAssertEqual(result.failures, [])
        XCTAssertGreaterThan(result.total + legacy.total, 2_000)
    }

    /// Format assertion is optional in the spec; this reports how much of it is covered.
    func testFormatAssertionSuite() throws {
        try SchemaSuite.requireSuite()
        let options = SchemaOptions(assertFormats: true, remotes: try SchemaSuite.remotes())
        let result = SchemaSuite.run(try SchemaSuite.cases(in: SchemaSuite.files(in: "tests/draft2020-12/optional/format")), options: options)
        print("JSON-Schema-Test-Suite draft2020-12 optional/format (bonus): \(result.passed)/\(result.total) passed")
        for failure in result.failures { print("  FORMAT \(failure)") }
        XCTAssertGreaterThan(result.passed, result.total * 8 / 10)
    }
}
