import Foundation
import XCTest
@testable import QualifyKit
import QualifyDocument

/// The examples are the contract: valid ones give no findings, and each invalid one gives
/// exactly the findings recorded beside it, at the recorded lines.
final class ExampleTests: XCTestCase {
    struct Expected: Decodable, Hashable, CustomStringConvertible {
        var id: String
        var path: String
        var line: Int
        var description: String { "\(id) at \(path.isEmpty ? "(whole file)" : path), line \(line)" }
    }

    static func submissions(in folder: String) -> [URL] {
        Repo.files(in: folder, ending: ".xml") + Repo.files(in: folder, ending: ".json")
    }

    func testValidExamplesHaveNoFindings() {
        let files = Self.submissions(in: "examples/valid")
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let report = Shared.checker.check(file: file)
            XCTAssertEqual(report.outcome, .ready, "\(file.lastPathComponent): \(report.findings.map(\.message))")
            // Notes for officials are allowed, and recorded beside the example like any other finding.
            let recorded = file.deletingPathExtension().appendingPathExtension("expected")
            let twin = file.deletingPathExtension().appendingPathExtension("xml")
            let source = FileManager.default.fileExists(atPath: recorded.path) ? recorded
                : twin.deletingPathExtension().appendingPathExtension("expected")
            let expected = (try? JSONDecoder().decode([Expected].self, from: Data(contentsOf: source))) ?? []
            XCTAssertEqual(Set(report.findings.map { "\($0.id) \($0.path)" }), Set(expected.map { "\($0.id) \($0.path)" }),
                           file.lastPathComponent)
        }
    }

    func testInvalidExamplesGiveExactlyTheRecordedFindings() throws {
        let files = Self.submissions(in: "examples/invalid")
        XCTAssertGreaterThanOrEqual(files.count, 24)
        for file in files {
            // A JSON twin shares its XML twin's expected findings, at its own lines.
            let expectedURL = file.deletingPathExtension().appendingPathExtension("expected")
            let twin = file.deletingPathExtension().appendingPathExtension("xml")
            let isTwin = file.pathExtension == "json" && FileManager.default.fileExists(atPath: twin.path)
            let data = try XCTUnwrap(try? Data(contentsOf: expectedURL), "\(file.lastPathComponent) has no expected findings")
            var expected = Set(try JSONDecoder().decode([Expected].self, from: data))
            let report = Shared.checker.check(file: file)
            var actual = Set(report.findings.map { Expected(id: $0.id, path: $0.path, line: $0.line ?? 0) })
            if isTwin {
                expected = Set(expected.map { Expected(id: $0.id, path: $0.path, line: 0) })
                actual = Set(actual.map { Expected(id: $0.id, path: $0.path, line: 0) })
                try assertLinesPointAtTheirFields(report, in: file)
            }
            XCTAssertNotEqual(report.outcome, .ready, file.lastPathComponent)
            XCTAssertEqual(actual.subtracting(expected), [], "\(file.lastPathComponent): reported but not expected")
            XCTAssertEqual(expected.subtracting(actual), [], "\(file.lastPathComponent): expected but not reported")
            for finding in report.findings {
                XCTAssertNotNil(finding.column, "\(file.lastPathComponent): \(finding.id) has no column")
            }
        }
    }

    /// Without recorded lines, a twin's lines must still show the field: the line names the key.
    func assertLinesPointAtTheirFields(_ report: Report, in file: URL) throws {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for finding in report.findings {
            guard let line = finding.line, lines.indices.contains(line - 1) else { return XCTFail("\(finding.id) has no line") }
            // A missing field is shown at the nearest section that is there, so any key on the path will do.
            let keys = finding.path.split(separator: "/").map(String.init).filter { token in !token.allSatisfy { $0.isNumber } }
            guard !keys.isEmpty, line > 1 else { continue }
            XCTAssertTrue(keys.contains { lines[line - 1].contains("\"\($0)\"") },
                          "\(file.lastPathComponent): line \(line) shows none of \(keys)")
        }
    }

    /// The same findings, word for word, for the XML and JSON forms of every example.
    func testXMLAndJSONFormsGiveTheSameFindings() throws {
        var pairs = 0
        for folder in ["examples/valid", "examples/invalid"] {
            for json in Repo.files(in: folder, ending: ".json")  {
                let xml = json.deletingPathExtension().appendingPathExtension("xml")
                guard FileManager.default.fileExists(atPath: xml.path) else { continue }
                pairs += 1
                func comparable(_ report: Report) -> [Finding] {
                    report.findings.map { var copy = $0; copy.line = nil; copy.column = nil; return copy }
                }
                XCTAssertEqual(comparable(Shared.checker.check(file: json)), comparable(Shared.checker.check(file: xml)),
                               json.lastPathComponent)
            }
        }
        XCTAssertGreaterThanOrEqual(pairs, 18)
    }

    /// The committed JSON twins are what `qualify convert` makes today, and convert back.
    func testJSONTwinsAreConversionsOfTheirXML() throws {
        let converter = Converter(kit: Shared.kit)
        for folder in ["examples/valid", "examples/invalid"] {
            for xml in Repo.files(in: folder, ending: ".xml") {
                let json = xml.deletingPathExtension().appendingPathExtension("json")
                guard let committed = try? String(contentsOf: json, encoding: .utf8) else { continue }
                let made = try converter.convert([UInt8](Data(contentsOf: xml)), file: xml.path, to: .json).get()
                XCTAssertEqual(made, committed, "\(json.lastPathComponent) is stale: run qualify convert \(xml.lastPathComponent) --to json")
                XCTAssertNoThrow(try converter.convert(Array(made.utf8), file: json.path, to: .xml).get(), json.lastPathComponent)
            }
        }
    }

    /// python-jsonschema, an independent referee, agrees with our JSON Schema about the JSON examples.
    func testJSONSchemaAcceptsValidAndRejectsInvalidJSONExamples() throws {
        guard let probe = runProgram("python3", ["-c", "import jsonschema"]), probe.status == 0 else {
            throw XCTSkip("python3 with jsonschema is not installed; .ci/run installs it")
        }
        let script = """
            import json, sys, jsonschema
            validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
            for name in sys.argv[2:]:
                try:
                    ok = validator.is_valid(json.load(open(name)))
                except ValueError:
                    ok = False
                print(("accepted " if ok else "rejected ") + name)
            """
        let valid = Self.submissions(in: "examples/valid").filter { $0.pathExtension == "json" }
        let invalid = Self.submissions(in: "examples/invalid").filter { $0.pathExtension == "json" }
        let result = try XCTUnwrap(runProgram("python3", ["-c", script, Repo.url(JSONSchemaExport.fileName).path]
            + (valid + invalid).map(\.path)))
        for file in valid { XCTAssertTrue(result.out.contains("accepted \(file.path)"), file.lastPathComponent) }
        for file in invalid {
            // A repeated key is legal JSON that JSON Schema cannot see; Qualify reports it itself.
            if file.lastPathComponent.contains("repeated") { continue }
            XCTAssertTrue(result.out.contains("rejected \(file.path)"), file.lastPathComponent)
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

/// The JSON Schema engine and the form walker agree: on every JSON example, everything the
/// engine finds, the walker has already said, in the same words.
final class EngineAgreementTests: XCTestCase {
    func testEngineFindsNothingTheWalkerMissed() throws {
        let places = Places(model: Shared.kit.model)
        var compared = 0
        for folder in ["examples/valid", "examples/invalid"] {
            for file in Repo.files(in: folder, ending: ".json") {
                guard case .success(let root) = QualifyDocument.JSONReader.parse([UInt8](try Data(contentsOf: file))[...]) else { continue }
                let document = QualifyDocument.Document(root: root, format: .json)
                let walked = FormWalker.check(document, against: Shared.kit.model)
                let schema = try XCTUnwrap(Shared.kit.jsonSchema)
                let merged = JSONSchemaIssueMapping.merge(schema.validate(root), into: walked, document: document, places: places)
                XCTAssertEqual(merged.count, walked.count, "\(file.lastPathComponent): the engine found \(merged.dropFirst(walked.count).map { "\($0.kind.id) \($0.path)" })")
                let whole = JSONSubmission.problems(in: document, model: Shared.kit.model).problems
                XCTAssertEqual(schema.isValid(root), (walked + whole).allSatisfy { $0.kind == .repeated },
                               "\(file.lastPathComponent): engine and walker disagree on whether it is valid")
                compared += 1
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 20)
    }
}
