import Foundation
import XCTest
@testable import QualifyDocument

/// nst/JSONTestSuite: every y_ file accepted, every n_ file rejected, every i_ file handled
/// without a crash. The data stays in ../shared/conformance; it is never copied here.
final class JSONTestSuiteTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/JSONTestSuite/test_parsing")

    func testConformance() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path) else {
            throw XCTSkip("JSONTestSuite not found at \(Self.folder.path); it is shared data beside the repository")
        }
        var accepted = 0, yes = 0, rejected = 0, no = 0, handled = 0
        var failures: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let result = JSONReader.parse(bytes[...])
            let ok: Bool
            if case .success = result { ok = true } else { ok = false }
            switch name.first {
            case "y":
                yes += 1
                if ok { accepted += 1 } else { failures.append("\(name) was rejected: \(result)") }
            case "n":
                no += 1
                if !ok { rejected += 1 } else { failures.append("\(name) was accepted") }
            default:
                handled += 1
            }
        }
        print("JSONTestSuite: y \(accepted)/\(yes) accepted, n \(rejected)/\(no) rejected, i \(handled) without crash")
        XCTAssertEqual(failures, [])
        XCTAssertEqual(yes, 95)
        XCTAssertEqual(no, 188)
        XCTAssertEqual(handled, 35)
    }
}

final class JSONReaderTests: XCTestCase {
    func parse(_ text: String) -> Result<Node, JSONReader.Problem> { JSONReader.parse(Array(text.utf8)[...]) }

    func problem(_ text: String) -> JSONReader.Problem? {
        if case .failure(let problem) = parse(text) { return problem }
        return nil
    }

    func testKeepsPositionsNumbersAndRepeatedKeys() throws {
        let node = try parse("{\n  \"a\": 1.0,\n  \"é\": [true, 123456789012345678901234567890],\n  \"a\": \"x\"\n}").get()
        let members = try XCTUnwrap(node.members)
        XCTAssertEqual(members.map(\.key), ["a", "é", "a"])
        XCTAssertEqual(members[0].node.scalarText, "1.0")
        XCTAssertEqual(members[1].node.items?[1].scalarText, "123456789012345678901234567890")
        XCTAssertEqual(members.map { $0.node.position }, [
            SourcePosition(line: 2, column: 3), SourcePosition(line: 3, column: 3), SourcePosition(line: 4, column: 3),
        ])
        XCTAssertEqual(members[1].node.items?[1].position, SourcePosition(line: 3, column: 15))
    }

    func testRefusesWhatPeopleOftenWrite() {
        XCTAssertEqual(problem("{\"a\": 1,}")?.kind, .trailingComma)
        XCTAssertEqual(problem("[1,]")?.kind, .trailingComma)
        XCTAssertEqual(problem("{\"a\": 1 // note\n}")?.kind, .comment)
        XCTAssertEqual(problem("{'a': 1}")?.kind, .singleQuotes)
        XCTAssertEqual(problem("{a: 1}")?.kind, .keyNotQuoted)
        XCTAssertEqual(problem("{\"a\": yes}")?.kind, .bareWord("yes"))
        XCTAssertEqual(problem("{\"a\": 1\n \"b\": 2}")?.kind, .missingComma)
        XCTAssertEqual(problem("{\"a\": 01}")?.kind, .badNumber("01"))
        XCTAssertEqual(problem("\"\\ud800\"")?.kind, .loneSurrogate)
        XCTAssertEqual(problem("\"a\tb\"")?.kind, .controlCharacter)
        XCTAssertEqual(problem("{\"a\": 1} x")?.kind, .extraContent)
        XCTAssertEqual(problem("{\"a\": \n")?.line, 2)
    }

    func testHostileInputFailsFast() {
        let started = Date()
        XCTAssertEqual(problem(String(repeating: "[", count: 100_000))?.kind, .tooDeep(limit: JSONReader.defaultDepthLimit))
        XCTAssertEqual(problem("[" + String(repeating: "1,", count: 10) + "1e999999999999]")?.kind, nil)
        XCTAssertEqual(problem("\"" + String(repeating: "x", count: 5_000_000) + "\"")?.kind, nil)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(JSONReader.parse([0x22, 0xC3, 0x28, 0x22][...]).failureKind, .invalidUTF8)
    }
}

extension Result where Failure == JSONReader.Problem {
    var failureKind: JSONReader.Problem.Kind? {
        if case .failure(let problem) = self { return problem.kind }
        return nil
    }
}
