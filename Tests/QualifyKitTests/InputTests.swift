import Foundation
import XCTest
@testable import QualifyKit

/// Bad and hostile input gets one plain finding, fast, and never a crash, a file read or a
/// network connection.
final class InputTests: XCTestCase {
    func only(_ report: Report, file: StaticString = #filePath, line: UInt = #line) -> Finding? {
        XCTAssertEqual(report.findings.count, 1, "\(report.findings.map(\.message))", file: file, line: line)
        return report.findings.first
    }

    func testFilesThatAreNotSubmissionsGetAPlainReason() {
        let cases: [([UInt8], String)] = [
            ([], "input.empty"),
            (Array(" \n\t ".utf8), "input.empty"),
            ([0x50, 0x4B, 0x03, 0x04, 0, 0, 1], "input.binary"),
            (Array("%PDF-1.7\n".utf8), "input.binary"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "input.binary"),
            ([0x3C, 0x61, 0x00, 0x62], "input.binary"),
            ([0xFF, 0xFE] + Array("<a/>".utf8).flatMap { [$0, 0] }, "input.utf16"),
            (Array("<qualificationSubmission/>".utf8).flatMap { [$0, 0] }, "input.utf16"),
            (Array("<a>\n<b>caf".utf8) + [0xE9] + Array("</b></a>".utf8), "input.not-utf8"),
            (Array("Dear sir, here is our bid.".utf8), "input.not-xml-or-json"),
        ]
        for (bytes, id) in cases {
            let report = Shared.checker.check(bytes: bytes, file: "x")
            XCTAssertEqual(report.outcome, .notChecked, id)
            XCTAssertEqual(only(report)?.id, id, "\(bytes.prefix(8))")
        }
    }

    func testWrongEncodingPointsAtTheLine() {
        let bytes = Array("<a>\n<b>caf".utf8) + [0xE9] + Array("</b></a>".utf8)
        XCTAssertEqual(Shared.checker.check(bytes: bytes, file: "x").findings.first?.line, 2)
    }

    func testByteOrderMarkIsAccepted() {
        let text = try! String(contentsOf: Repo.url("examples/valid/01-small-charity-alone.xml"), encoding: .utf8)
        XCTAssertEqual(Shared.checker.check(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "x").outcome, .ready)
    }

    func testTooLargeIsRefusedBeforeReading() {
        let checker = Checker(kit: Shared.kit, maxBytes: 1000)
        let report = checker.check(bytes: Array(repeating: UInt8(ascii: " "), count: 2000), file: "x")
        XCTAssertEqual(only(report)?.id, "input.too-large")
        XCTAssertTrue(report.findings[0].message.contains("MB"))
    }

    func testBrokenXMLSaysWhereAndWhat() {
        let report = Shared.check("<?xml version=\"1.0\"?>\n<qualificationSubmission>\n<legalName>x</legalNmae>\n</qualificationSubmission>")
        let finding = only(report)
        XCTAssertEqual(finding?.id, "input.xml.tag-mismatch")
        XCTAssertEqual(finding?.line, 3)
        XCTAssertEqual(finding?.message, "Line 3: '</legalNmae>' does not close '<legalName>'. Make the closing tag match the opening tag.")
    }

    func testHostileXMLIsRefusedQuicklyWithoutReadingFiles() {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-secret-\(UUID()).txt")
        try? "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let attacks = [
            "<!DOCTYPE a [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><a>&x;</a>",
            "<!DOCTYPE a [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]><a/>",
            "<!DOCTYPE a SYSTEM \"http://192.0.2.1/evil.dtd\"><a/>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [" + (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
                + "<!ENTITY l0 \"lol\">]><a>&l9;</a>",
            "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file://\(secret.path)\" parse=\"text\"/></a>",
            String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000),
        ]
        for attack in attacks {
            let started = Date()
            let report = Shared.check(attack)
            XCTAssertLessThan(Date().timeIntervalSince(started), 2, attack.prefix(60).description)
            XCTAssertNotEqual(report.outcome, .ready, attack.prefix(60).description)
            for finding in report.findings {
                XCTAssertFalse(finding.message.contains("TOP-SECRET"), "a file outside the input was read")
                XCTAssertFalse((finding.value ?? "").contains("TOP-SECRET"), "a file outside the input was read")
            }
        }
    }

    func testUnreadablePathsGetTheirOwnFinding() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(Shared.checker.check(file: folder).findings.first?.id, "input.unreadable")
        XCTAssertEqual(Shared.checker.check(file: folder.appendingPathComponent("nope.xml")).findings.first?.id, "input.unreadable")
        let link = folder.appendingPathComponent("broken.xml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/no/such/file")
        XCTAssertEqual(Shared.checker.check(file: link).outcome, .notChecked)
    }

    func testOneMistakeNeverHidesAnother() {
        // libxml2 stops checking the applicant after the misspelt field; the walker goes on.
        let report = Shared.checker.check(file: Repo.url("examples/invalid/14-misspelt-field-then-bad-email.xml"))
        XCTAssertEqual(Set(report.findings.map(\.id).filter { $0.hasPrefix("schema.") }), ["schema.unknown-field", "schema.wrong-format"])
    }
}
