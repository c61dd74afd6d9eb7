import XCTest
import QualifyDocument
import QualifyXML
@testable import QualifyKit

/// XML files are checked first against the schema without its not-blank patterns; only a clean
/// yes from it is kept. Whatever a file holds, the reading must be the published schema's.
final class QuickSchemaTests: XCTestCase {
    /// What a reading tells: its problems (compared as values) and its document, positions and all.
    private func described(_ result: Result<FormReading, InputProblem>) -> (problems: [Problem], text: String) {
        switch result {
        case .failure(let problem): return ([], "failure \(problem)")
        case .success(let reading):
            return (reading.problems, reading.document.map { JSONWriter.write($0.root) + " \($0.root)" } ?? "no document")
        }
    }

    func testTheQuickSchemaLeavesOutOnlyTheNotBlankPatterns() throws {
        let bytes = try [UInt8](Data(contentsOf: Repo.url(Kit.schemaFile)))
        let quick = try XCTUnwrap(XSDSchema.withoutNotBlankPatterns(bytes))
        let removed = String(decoding: bytes, as: UTF8.self).components(separatedBy: #"<xs:pattern value="\s*\S[\s\S]*"/>"#).count - 1
        XCTAssertGreaterThan(removed, 0)
        XCTAssertEqual(quick.count, bytes.count - removed * #"<xs:pattern value="\s*\S[\s\S]*"/>"#.utf8.count)
        XCTAssertFalse(String(decoding: quick, as: UTF8.self).contains(#"\s*\S[\s\S]*"#))
    }

    func testEveryBlankedOrEmptiedAnswerReadsAsThePublishedSchemaReadsIt() throws {
        let kit = Shared.kit
        XCTAssertNotNil(kit.quickSchema, "the published schema has not-blank patterns")
        let quick = XMLFormReader(quickSchema: .always), published = XMLFormReader(quickSchema: .never)
        var files = Repo.files(in: "examples/valid", ending: ".xml") + Repo.files(in: "examples/invalid", ending: ".xml")
        var variants = 0, fellBack = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var samples = [text]
            // Each element's text in turn, blanked and emptied, and an unknown element added.
            let pattern = try NSRegularExpression(pattern: ">([^<>]*[^<>\\s][^<>]*)</")
            // Every element in the first file; a spread of them in the rest, to keep the test quick.
            let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
            for (number, match) in matches.enumerated() where file == files.first || number % 7 == files.count % 7 {
                let range = Range(match.range(at: 1), in: text)!
                samples.append(text.replacingCharacters(in: range, with: number % 2 == 0 ? "  \n " : ""))
            }
            if let close = text.range(of: "</", options: .backwards) {
                samples.append(text.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: "<unknownField> </unknownField>"))
            }
            for sample in samples {
                let body = Array(sample.utf8)[...]
                let expected = described(published.read(body, kit: kit)), found = described(quick.read(body, kit: kit))
                XCTAssertEqual(found.problems, expected.problems, "\(file.lastPathComponent), variant \(variants)")
                XCTAssertEqual(found.text, expected.text, "\(file.lastPathComponent), variant \(variants)")
                if !expected.problems.isEmpty { fellBack += 1 }
                variants += 1
            }
        }
        XCTAssertGreaterThan(variants, 200)
        XCTAssertGreaterThan(fellBack, 100, "blanked answers must reach the published schema")
        XCTAssertLessThan(fellBack, variants)
    }
}
