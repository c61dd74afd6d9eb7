import XCTest
import QualifyDocument
import QualifyXML
@testable import QualifyKit

/// XML files are checked first against the schema without its patterns and maximum lengths
/// (the mapping checks those); only a clean yes from both is kept. Whatever a file holds, the
/// reading must be the published schema's.
final class QuickSchemaTests: XCTestCase {
    /// What a reading tells: its problems (compared as values) and its document, positions and all.
    private func described(_ result: Result<FormReading, InputProblem>) -> (problems: [Problem], text: String) {
        switch result {
        case .failure(let problem): return ([], "failure \(problem)")
        case .success(let reading):
            return (reading.problems, reading.document.map { JSONWriter.write($0.root) + " \($0.root)" } ?? "no document")
        }
    }

    func testTheQuickSchemaLeavesOutOnlyPatternsAndMaximumLengths() throws {
        let bytes = try [UInt8](Data(contentsOf: Repo.url(Kit.schemaFile)))
        let quick = try XCTUnwrap(XSDSchema.withoutFacets(XSDSchema.quickFacets, bytes))
        let text = String(decoding: bytes, as: UTF8.self), left = String(decoding: quick.bytes, as: UTF8.self)
        XCTAssertGreaterThan(quick.removed["pattern"] ?? 0, 6)
        XCTAssertGreaterThan(quick.removed["maxLength"] ?? 0, 0)
        XCTAssertFalse(left.contains("<xs:pattern") || left.contains("<xs:maxLength"))
        // Everything else is kept, character for character.
        let kept = text.replacingOccurrences(of: #"<xs:(pattern|maxLength) value="[^"]*"/>"#, with: "", options: .regularExpression)
        XCTAssertEqual(left, kept)
        XCTAssertEqual(quick.removed["pattern"], Shared.kit.model.types.values.reduce(0) { count, type in
            if case .simple(let simple) = type { return count + simple.patterns.count } else { return count }
        }, "every pattern left out is one the form model knows, so the mapping checks it")
    }

    /// A pattern ECMA-262 might read more loosely is left to libxml2, and then nothing is left out.
    func testPatternsECMAMightReadMoreLooselyAreNotCheckedByTheMapping() {
        for pattern in [#"[a-z-[aeiou]]"#, #"\i\c*"#, #"\p{Lu}+"#, #"[A-Z\P{N}]"#, #"a\sb"#, #"[a\s]"#, #"\D+"#, #"\W"#,
                        #"[^\S]"#, #"[^\d]+"#, #"[^\w]"#, #"a$"#, #"^a"#, #"\bword"#, #"\u0041"#, #"\x41"#] {
            XCTAssertTrue(QuickFacets.mayBeLooser(pattern), pattern)
        }
        for pattern in [#"[A-Z]{4}-[0-9]{4}-[A-Z]{4}"#, #"\+?[0-9 ()\-]{7,20}"#, #"[^@\s]+@[^@\s]+\.[^@\s]+"#, #"https?://\S+"#,
                        #"[^\D]"#, #"\d{3}\w"#, #"[$^]"#, #"a\.b\-c"#] {
            XCTAssertFalse(QuickFacets.mayBeLooser(pattern), pattern)
        }
        XCTAssertTrue(Shared.kit.model.quickFacets.of(Shared.kit.model).complete, "every pattern of the form is checked by the mapping")
    }

    /// XSD counts a maximum length in characters, not bytes.
    func testAMaximumLengthCountsCharacters() {
        let three = QuickFacets.Check(patterns: [], maxLength: 3), two = QuickFacets.Check(patterns: [], maxLength: 2)
        XCTAssertTrue(three.allows("ééé"))
        XCTAssertFalse(two.allows("ééé"))
        XCTAssertTrue(three.allows("abc"))
        XCTAssertFalse(three.allows("abcd"))
        XCTAssertTrue(two.allows("a😀"))
    }

    /// Each answer in turn given text that breaks a pattern or is too long, including white
    /// space JavaScript counts as space and XML does not: the quick schema no longer checks
    /// these, so the mapping must send every such file to the published schema.
    func testEveryAnswerThatBreaksAPatternOrALengthReadsAsThePublishedSchemaReadsIt() throws {
        let kit = Shared.kit
        let quick = XMLFormReader(quickSchema: .always), published = XMLFormReader(quickSchema: .never)
        let breakers = ["x", "AB-12", "http://a\u{A0}b", "a\u{2003}@b.c", "a@b", "123456789012345678901234567890", "GB 123",
                        String(repeating: "word ", count: 2_001), "SC12345", "ab_c-D9", "+44 (0)20 7946 0000 ext 12"]
        var variants = 0, fellBack = 0, kept = 0
        for file in Repo.files(in: "examples/valid", ending: ".xml") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: ">([^<>]*[^<>\\s][^<>]*)</")
            for (number, match) in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).enumerated() {
                let range = Range(match.range(at: 1), in: text)!
                let sample = text.replacingCharacters(in: range, with: breakers[(number + variants) % breakers.count])
                let body = Array(sample.utf8)[...]
                let expected = described(published.read(body, kit: kit)), found = described(quick.read(body, kit: kit))
                XCTAssertEqual(found.problems, expected.problems, "\(file.lastPathComponent), element \(number)")
                XCTAssertEqual(found.text, expected.text, "\(file.lastPathComponent), element \(number)")
                if expected.problems.isEmpty { kept += 1 } else { fellBack += 1 }
                variants += 1
            }
        }
        XCTAssertGreaterThan(variants, 300)
        XCTAssertGreaterThan(fellBack, 100, "broken answers must reach the published schema")
        XCTAssertGreaterThan(kept, 20, "answers that still fit keep the quick yes")
    }

    func testEveryBlankedOrEmptiedAnswerReadsAsThePublishedSchemaReadsIt() throws {
        let kit = Shared.kit
        XCTAssertNotNil(kit.quickSchema, "the published schema has patterns")
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
