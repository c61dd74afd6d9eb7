import XCTest
import Foundation
import QualifyDocument
import QualifyXML
@testable import QualifyKit

/// The hand-written fast paths must agree with the plain library behaviour they replace.
final class SpeedPathTests: XCTestCase {
    func testWordCountAgreesWithCharacterWhitespace() {
        let samples = ["", "   ", "one", " one two  three ", "tab\tand\nnew\r\nlines", "non\u{00A0}breaking",
                       "em\u{2003}space", "café au lait", "日本語 テキスト", "a\u{2028}b", "end\u{3000}", "\u{0085}x y",
                       "mixed \u{1F600} emoji  here", "zero\u{200B}width"]
        for text in samples {
            XCTAssertEqual(Words.count(text), text.split { $0.isWhitespace }.count, "words in \(text.debugDescription)")
            XCTAssertEqual(Words.collapsed(text), text.split { $0.isWhitespace }.joined(separator: " "), "spaces in \(text.debugDescription)")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "é", "\u{00A0}", "-", "x y",
                      "\u{2019}", "\u{201C}", "e\u{301}", "\u{301}", "\u{200D}", "\u{0600}", "\u{0903}", "\u{3000}", "\u{85}",
                      "\u{1F600}", "\u{1F3FB}", "日本", "\u{2028}", "\u{FE0F}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Words.collapsed(text), text.split { $0.isWhitespace }.joined(separator: " "), "spaces in \(text.debugDescription)")
            XCTAssertEqual(Words.count(text), text.split { $0.isWhitespace }.count, "words in \(text.debugDescription)")
        }
    }

    /// ASCII text is counted eight bytes at a time: every byte value below 0x80, at every place
    /// in a word of eight, and text that turns to other characters after a long ASCII start.
    func testWordCountOfLongASCIITextAgrees() {
        var generator = SystemRandomNumberGenerator()
        let common: [UInt8] = Array(" \t\n\r".utf8) + Array("abcXYZ.,-'".utf8)
        for round in 0..<20_000 {
            let length = Int.random(in: 0...90, using: &generator)
            var bytes = (0..<length).map { _ in
                Bool.random(using: &generator) ? common.randomElement(using: &generator)! : UInt8.random(in: 0...0x7F, using: &generator)
            }
            if round % 10 == 0 { bytes += Array("\u{00A0}é tail".utf8) }
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(Words.count(text), text.split { $0.isWhitespace }.count, "words in \(text.debugDescription)")
        }
    }

    /// Files are read straight into their array at the size the file system gives; a file that
    /// turns out longer (as /proc files, which say they are empty, do) is read to its end.
    func testFilesAreReadWholeWhateverTheirSizeSays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4_095, 4_096, 4_097, 100_000] {
            let file = folder.appendingPathComponent("\(size).json")
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: file)
            XCTAssertEqual(try FileInput.read(file, limit: 1 << 20).get(), bytes, "\(size) bytes")
        }
        let status = URL(fileURLWithPath: "/proc/self/status")
        if FileManager.default.fileExists(atPath: status.path) {
            let read = try FileInput.read(status, limit: 1 << 20).get()
            XCTAssertGreaterThan(read.count, 100, "a /proc file says it is empty")
            XCTAssertTrue(String(decoding: read, as: UTF8.self).hasPrefix("Name:"))
        }
        let big = folder.appendingPathComponent("big.json")
        try Data(repeating: 0x20, count: 5_000).write(to: big)
        guard case .failure(.screen(.tooLarge)) = FileInput.read(big, limit: 4_000) else { return XCTFail("a file over the limit was read") }
    }

    /// Places are put into words once per model and kept: what is kept must be what would be
    /// made anew, place by place, and nothing is kept past the limit.
    func testPlacesKeptAreThePlacesMade() throws {
        let kept = try Shared.kit.reloaded().model
        var paths: [DocumentPath] = [.root]
        for pointer in ["/applicant", "/applicant/identifiers/charityNumber", "/caseStudies/0/referee/email",
                        "/caseStudies/3/outcomes", "/subcontractors/1/reliedOnForSelection", "/nosuchfield/2", "/caseStudies/x"] {
            paths.append(try XCTUnwrap(DocumentPath(pointer: pointer)))
        }
        for path in paths { _ = Places(model: kept).describe(path) }
        for path in paths {
            let once = Places(model: kept).describe(path), anew = Places(model: kept).describeAnew(path)
            XCTAssertEqual([once.section, once.place, once.field], [anew.section, anew.place, anew.field], path.description)
        }
        let many = try Shared.kit.reloaded().model
        for index in 0..<(PlaceWords.limit + 10) {
            _ = Places(model: many).describe(DocumentPath([.key("caseStudies"), .index(index), .key("outcomes")]))
        }
        let last = Places(model: many).describe(DocumentPath([.key("caseStudies"), .index(PlaceWords.limit + 5), .key("outcomes")]))
        XCTAssertTrue(last.place.contains("\(PlaceWords.limit + 6)"), last.place)
    }

    /// Trimming looks at the first and last byte before anything else.
    func testTrimmingAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "\t", "\n", "\r", "a", "é", "\u{00A0}", "日", "x y", "\u{2003}"]
        let spaces = CharacterSet(charactersIn: " \t\n\r")
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(text.trimmedSpace, text.trimmingCharacters(in: spaces), text.debugDescription)
        }
    }

    /// Lengths are counted only when the byte count cannot settle them: characters of one to
    /// four bytes, on both sides of both limits.
    func testLengthLimitsCountCharactersNotBytes() {
        var type = SimpleType(name: "T", base: .string)
        type.minLength = 3
        type.maxLength = 10
        for piece in ["a", "é", "日", "\u{1F600}"] {
            for count in 1...12 {
                let text = String(repeating: piece, count: count)
                let kind = ValueCheck.problem(in: Node(.string(text)), type: type, path: .root, format: .json)?.kind
                let expected: Problem.Kind? = count > 10 ? .tooLong : count < 3 ? .tooShort : nil
                XCTAssertEqual(kind, expected, "\(count) of \(piece)")
            }
        }
    }

    /// Folder listings join names as text and find extensions themselves: the extension must be
    /// the one URL gives, whatever the name.
    func testExtensionsAreTheOnesURLGives() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "json", "JSON", "xml", ".", "..", " ", "é", "tar", "gz", "-", "_", "~", "日本", "x y", "%20"]
        var names = ["a.json", "a.JSON", "a.b.xml", "a.", "noext", "a.json ", "a..json", "é.json", "a.tar.gz", "a. json", "a.js on"]
        for _ in 0..<5_000 {
            names.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for name in names where !name.hasPrefix(".") {
            XCTAssertEqual(BatchInput.pathExtension(name), URL(fileURLWithPath: "/folder").appendingPathComponent(name).pathExtension, name.debugDescription)
        }
    }

    func testPointerReadingKeepsEscapesAndIndexes() throws {
        let path = try XCTUnwrap(DocumentPath(pointer: "/a~1b/0/c~0d/007/-1/12"))
        XCTAssertEqual(path.tokens, [.key("a/b"), .index(0), .key("c~d"), .key("007"), .key("-1"), .index(12)])
        XCTAssertEqual(path.description, "/a~1b/0/c~0d/007/-1/12")
        XCTAssertEqual(DocumentPath(pointer: "/~01")?.tokens, [.key("~1")])
        XCTAssertEqual(DocumentPath(pointer: "/")?.tokens, [.key("")])
        XCTAssertNil(DocumentPath(pointer: "a"))
        XCTAssertEqual(DocumentPath(pointer: "/99999999999999999999")?.tokens, [.key("99999999999999999999")])
    }

    func testOrganisationsAreFoundOnceAndStillLoggedForEachRule() throws {
        let kit = Shared.kit
        let file = Repo.url("examples/valid/02-consortium-with-prospective-partner.xml")
        let document = try XCTUnwrap(Shared.checker.inspect(file: file).document)
        let s = Submission(root: document.root, model: kit.model)
        let first = s.organisations.map { $0.path.path(in: document.root) }
        let firstReads = s.reads.paths
        XCTAssertFalse(first.isEmpty)
        s.reads.clear()
        XCTAssertEqual(s.organisations.map { $0.path.path(in: document.root) }, first)
        XCTAssertEqual(s.reads.paths, firstReads, "the second rule must log the reads it relies on")
    }

    /// Rules step down to their fields and the engine places a finding by the hit's own field,
    /// so each hit must carry the value and position a walk from the root would find.
    func testHitsArePlacedWhereAWalkFromTheRootPlacesThem() throws {
        let kit = Shared.kit
        var documents: [(String, Node, Configuration)] = []
        for folder in ["examples/valid", "examples/invalid"] {
            for file in Repo.files(in: folder, ending: ".json") + Repo.files(in: folder, ending: ".xml") {
                guard let document = Shared.checker.inspect(file: file).document else { continue }
                documents.append((file.lastPathComponent, document.root, kit.configuration))
            }
        }
        let runner = ExampleRunner(kit: kit)
        for page in RuleTests.library.pages(of: .rule) {
            for example in page.examples {
                guard case .success(let prepared) = runner.prepare(example),
                      case .success(let root) = JSONReader.parse(Array(prepared.text.utf8)[...]) else { continue }
                documents.append(("\(page.id) example \(example.number)", root, prepared.configuration))
            }
        }
        var hits = 0
        for (name, root, configuration) in documents {
            let s = Submission(root: root, model: kit.model)
            for rule in RuleEngine.rules {
                for hit in (try? rule.check(s, configuration)) ?? [] {
                    hits += 1
                    XCTAssertEqual(hit.field.position, RuleEngine.position(of: hit.field.path(in: root), in: root), "\(rule.id) in \(name)")
                    XCTAssertEqual(hit.field.node?.scalarText, root.node(at: hit.field.path(in: root))?.scalarText, "\(rule.id) in \(name)")
                }
            }
        }
        XCTAssertGreaterThan(hits, 100, "the examples should make many rules fire")
    }

    func testCutShortDistanceAgreesWithTheFullOne() {
        func full(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
            var table = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
            for i in a.indices { for j in b.indices {
                table[i + 1][j + 1] = min(table[i][j + 1] + 1, table[i + 1][j] + 1, table[i][j] + (a[i] == b[j] ? 0 : 1))
            } }
            return table[a.count][b.count]
        }
        var random = SystemRandomNumberGenerator()
        let letters = Array("abcde".unicodeScalars)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...8, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let b = (0..<Int.random(in: 0...8, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let limit = Int.random(in: 0...4, using: &random)
            let expected = full(a, b)
            XCTAssertEqual(Suggest.distance(a, b, limit: limit), expected <= limit ? expected : nil, "\(a) \(b) \(limit)")
        }
    }

    func testSuggestionsStillFoundAndTiesStillRefused() {
        XCTAssertEqual(Suggest.closest(to: "legalNmae", among: ["legalName", "tradingName", "ref"]), "legalName")
        XCTAssertNil(Suggest.closest(to: "cat", among: ["bat", "hat"]), "two equally close names suggest neither")
        XCTAssertNil(Suggest.closest(to: "somethingElse", among: ["legalName"]))
        XCTAssertNil(Suggest.closest(to: String(repeating: "x", count: 100_000), among: ["legalName"]))
    }

    /// The walker runs only when the schema finds something, so it must never find anything
    /// in a document the schema accepts (or the skipped walk would hide a problem).
    func testWalkerFindsNothingWhereTheSchemaFindsNothing() throws {
        let kit = Shared.kit
        var checked = 0
        for folder in ["examples/valid", "examples/invalid"] {
            for file in Repo.files(in: folder, ending: ".xml") {
                let bytes = try [UInt8](Data(contentsOf: file))
                guard case .success(let parsed) = XMLReader.parse(bytes[...], validatingAgainst: try kit.schema.get()),
                      let document = XMLMapping(model: kit.model).map(parsed.tree).document,
                      parsed.issues.isEmpty else { continue }
                XCTAssertEqual(FormWalker.check(document, against: kit.model).map(\.path), [], file.lastPathComponent)
                checked += 1
            }
            for file in Repo.files(in: folder, ending: ".json") {
                let bytes = try [UInt8](Data(contentsOf: file))
                guard case .success(let reading) = JSONReader.read(bytes[...]), let schema = kit.jsonSchema,
                      schema.isValid(reading.root), !reading.repeatsAKey else { continue }
                let root = reading.root
                XCTAssertEqual(FormWalker.check(Document(root: root, format: .json), against: kit.model).map(\.path), [],
                               file.lastPathComponent)
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 8, "every valid example is among those checked")
    }

    func testPostcodeScanAgreesWithRoyalMailPattern() throws {
        let pattern = try NSRegularExpression(
            pattern: "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$",
            options: [.caseInsensitive])
        func expected(_ text: String) -> Bool {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return pattern.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) != nil
        }
        for known in ["SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "GIR 0AA",
                      "gir0aa", " LS1 4AP ", "QQ1 1AA", "SW1A 1AAA", "SW1A  1AA", "12345", "", "AB1 1CI", "E1W 1AA"] {
            XCTAssertEqual(Postcode.isUK(known), expected(known), known)
        }
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEGHIJKMPQRSTUVWXYZ0123456789 ")
        var matched = 0
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 4...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let want = expected(text)
            if want { matched += 1 }
            XCTAssertEqual(Postcode.isUK(text), want, text)
        }
        for outward in ["A1", "A12", "AB1", "AB12", "A1B", "AB1C", "GIR"] {
            for letters in ["AA", "AB", "CI", "ZZ", "UW"] {
                for space in ["", " "] {
                    let text = outward + space + "1" + letters
                    XCTAssertEqual(Postcode.isUK(text), expected(text), text)
                }
            }
        }
        XCTAssertGreaterThan(matched, 0, "the random sample reaches real postcodes too")
    }

    /// Labels, e-mail domains and telephone digits in ASCII are read by bytes; the answers must
    /// be the ones reading by characters gives.
    func testASCIIShortcutsAgreeWithReadingByCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "B", "Z", "x1", "VAT", "CIO", "2", " ", "  ", "'", "@", ".", "-", "+44", "(0)", "\r\n", "\t",
                      "Scottish", "Welsh", "Irish", "number", "Case", "study", "www.", "gmail.com", "ÉX"]
        let labels = ["VAT number", "Northern Ireland charity number", "Case study 2", "'odd'", "Scottish charity number",
                      "outcomes", "A", "AB", "A1 thing", "", " ", "x", "Companies House number"]
        var samples = labels
        for _ in 0..<20_000 {
            samples.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(Places.asciiInSentence(text), Places.inSentenceByCharacters(text), text.debugDescription)
            XCTAssertEqual(Domain.ofEmail(text), Domain.ofEmailByCharacters(text), text.debugDescription)
            XCTAssertEqual(String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self), Phone.digitsByCharacters(text),
                           text.debugDescription)
        }
    }

    /// Plain numbers are made into decimals directly; they must be the numbers Foundation reads,
    /// written and worked with the same way.
    func testPlainNumbersReadAsFoundationReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var samples = ["0", "-0", "1", "4350.00", "145621869.17", "0.5", "-12.340", "007", "999999999999999999",
                       "1234567890123456789", "1.", ".5", "-", "", "1e5", " 1", "1.2.3", "12a", "--1", "0.000000000000000001"]
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0...UInt64.max, using: &generator)).prefix(Int.random(in: 1...20, using: &generator))
            let part = Bool.random(using: &generator) ? "" : "." + String(Int.random(in: 0...999_999, using: &generator)).prefix(Int.random(in: 0...4, using: &generator))
            samples.append((Bool.random(using: &generator) ? "-" : "") + whole + part)
        }
        let rate = Decimal(string: "1.17")!
        for text in samples {
            let made = Submission.decimal(text), read = Decimal(string: text)
            XCTAssertEqual(made, read, text)
            guard let made, let read else { continue }
            XCTAssertEqual("\(made)", "\(read)", text)
            XCTAssertEqual(NSDecimalNumber(decimal: made).stringValue, NSDecimalNumber(decimal: read).stringValue, text)
            XCTAssertEqual("\(made * rate) \(made / rate) \(made + rate)", "\(read * rate) \(read / rate) \(read + rate)", text)
        }
    }

    func testScalarCountsAgreeWithTheScalarView() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "é", "e\u{301}", "日本", "😀", "\r\n", "\u{7F}", "\u{80}", "\u{FFFD}", "\u{10FFFF}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Lexical.scalarCount(text), text.unicodeScalars.count, text.debugDescription)
        }
    }

    func testRegistrationNumbersCompareAsTheyDidByCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "B", "0", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "-", "/", "sc", "\u{1F}"]
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(IdentityRules.comparable(text), IdentityRules.comparableByCharacters(text.uppercased()), text.debugDescription)
        }
    }

    func testPostcodesAreReadAsTheirFullPatternReadsThem() throws {
        let pattern = try NSRegularExpression(pattern: "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$",
                                             options: .caseInsensitive)
        var generator = SystemRandomNumberGenerator()
        let pieces = ["SW1A", " ", "1AA", "gir", "0aa", "EC", "1A", "W", "1", "9", "A", "z", "\t", "\u{A0}", "M", "60", "1NW", "QQ", "é"]
        var samples = ["SW1A 1AA", " sw1a1aa\t", "\u{A0}M1 1AE", "GIR 0AA", "gir0aa", "", "  ", "EC1A 1BB", "W1A 0AX", "B33 8TH"]
        for _ in 0..<20_000 {
            samples.append((0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in samples {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let expected = trimmed.utf8.allSatisfy { $0 < 0x80 }
                && pattern.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) != nil
            XCTAssertEqual(Postcode.isUK(text), expected, text.debugDescription)
        }
    }
}
