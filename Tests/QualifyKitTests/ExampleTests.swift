import Foundation
import XCTest
@testable import QualifyKit

/// The examples are the contract: valid ones give no findings, and each invalid one gives
/// exactly the findings recorded beside it, at the recorded lines.
final class ExampleTests: XCTestCase {
    struct Expected: Decodable, Hashable, CustomStringConvertible {
        var id: String
        var path: String
        var line: Int
        var description: String { "\(id) at \(path.isEmpty ? "(whole file)" : path), line \(line)" }
    }

    func testValidExamplesHaveNoFindings() {
        let files = Repo.files(in: "examples/valid", ending: ".xml")
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            let report = Shared.checker.check(file: file)
            XCTAssertEqual(report.outcome, .ready, file.lastPathComponent)
            XCTAssertEqual(report.findings, [], "\(file.lastPathComponent): \(report.findings.map(\.message))")
        }
    }

    func testInvalidExamplesGiveExactlyTheRecordedFindings() throws {
        let files = Repo.files(in: "examples/invalid", ending: ".xml")
        XCTAssertGreaterThanOrEqual(files.count, 12)
        for file in files {
            let expectedURL = file.deletingPathExtension().appendingPathExtension("expected.json")
            let data = try XCTUnwrap(try? Data(contentsOf: expectedURL), "\(file.lastPathComponent) has no expected findings")
            let expected = Set(try JSONDecoder().decode([Expected].self, from: data))
            let report = Shared.checker.check(file: file)
            let actual = Set(report.findings.map { Expected(id: $0.id, path: $0.path, line: $0.line ?? 0) })
            XCTAssertEqual(report.outcome, .needsFixes, file.lastPathComponent)
            XCTAssertEqual(actual.subtracting(expected), [], "\(file.lastPathComponent): reported but not expected")
            XCTAssertEqual(expected.subtracting(actual), [], "\(file.lastPathComponent): expected but not reported")
            for finding in report.findings {
                XCTAssertNotNil(finding.column, "\(file.lastPathComponent): \(finding.id) has no column")
            }
        }
    }

    /// libxml2's own command-line checker is the referee for what the XSD accepts.
    func testXmllintAcceptsValidAndRejectsInvalidExamples() throws {
        guard runProgram("xmllint", ["--version"]) != nil else {
            throw XCTSkip("xmllint is not installed (apt-get install libxml2-utils); .ci/run installs it")
        }
        let schema = Repo.url(Kit.schemaFile).path
        for file in Repo.files(in: "examples/valid", ending: ".xml") {
            XCTAssertEqual(runProgram("xmllint", ["--noout", "--nonet", "--schema", schema, file.path])?.status, 0, file.lastPathComponent)
        }
        for file in Repo.files(in: "examples/invalid", ending: ".xml") {
            XCTAssertNotEqual(runProgram("xmllint", ["--noout", "--nonet", "--schema", schema, file.path])?.status, 0, file.lastPathComponent)
        }
    }
}
