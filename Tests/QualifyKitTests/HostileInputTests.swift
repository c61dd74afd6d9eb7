import Foundation
import XCTest
@testable import QualifyKit
#if canImport(Glibc)
import Glibc
#endif

/// The hostile-input suite: each attack is refused or reported quickly with a plain message,
/// without a crash, a file read outside the input, a network connection, or unbounded memory.
final class HostileInputTests: XCTestCase {
    /// A loopback listener that only counts whether anyone connected.
    final class Listener {
        let socket: Int32
        let port: Int

        init?() {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard fd >= 0, bound == 0, listen(fd, 8) == 0 else { return nil }
            var actual = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            socket = fd
            port = Int(UInt16(bigEndian: actual.sin_port))
        }

        /// Whether a connection is waiting to be accepted.
        var wasContacted: Bool {
            let client = accept(socket, nil, nil)
            if client >= 0 { close(client); return true }
            return false
        }

        deinit { close(socket) }
    }

    func secretFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-secret-\(UUID()).txt")
        try "TOP-SECRET-CONTENT".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func assertRefused(_ text: String, _ label: String, within seconds: Double = 2, file: StaticString = #filePath, line: UInt = #line) -> Report {
        let started = Date()
        let report = Shared.check(text, name: label)
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds, "\(label) took too long", file: file, line: line)
        XCTAssertNotEqual(report.outcome, .ready, label, file: file, line: line)
        for finding in report.findings {
            XCTAssertFalse(finding.message.contains("TOP-SECRET") || (finding.value ?? "").contains("TOP-SECRET"), "\(label) read a file", file: file, line: line)
            XCTAssertFalse(finding.message.lowercased().contains("libxml") || finding.message.contains("xmlParse"), "\(label): raw parser text", file: file, line: line)
        }
        return report
    }

    func testExternalEntitiesOfEveryKindNeverReadFilesOrTheNetwork() throws {
        guard let listener = Listener() else { throw XCTSkip("cannot listen on loopback here") }
        let secret = try secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let url = "http://127.0.0.1:\(listener.port)/evil"
        let root = "<qualificationSubmission xmlns=\"urn:qualify:psdf:qualification:1\" schemaVersion=\"1.0\">"
        let attacks = [
            ("file entity", "<!DOCTYPE q [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\(root)<submissionId>&x;</submissionId></qualificationSubmission>"),
            ("network entity", "<!DOCTYPE q [<!ENTITY x SYSTEM \"\(url)\">]>\(root)<submissionId>&x;</submissionId></qualificationSubmission>"),
            ("parameter entity", "<!DOCTYPE q [<!ENTITY % p SYSTEM \"\(url)\"> %p;]>\(root)</qualificationSubmission>"),
            ("external DTD", "<!DOCTYPE q SYSTEM \"\(url)\">\(root)</qualificationSubmission>"),
            ("XInclude of a file", "\(root)<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://\(secret.path)\" parse=\"text\"/></qualificationSubmission>"),
            ("XInclude over the network", "\(root)<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(url)\"/></qualificationSubmission>"),
            ("schemaLocation trick", "<qualificationSubmission xmlns=\"urn:qualify:psdf:qualification:1\" schemaVersion=\"1.0\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:qualify:psdf:qualification:1 \(url)\" "
                + "xsi:noNamespaceSchemaLocation=\"\(url)\"></qualificationSubmission>"),
            ("DOCTYPE after a comment", "<!-- hello -->\n<!DOCTYPE q [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\(root)&x;</qualificationSubmission>"),
        ]
        for (label, text) in attacks { _ = assertRefused(text, label) }
        XCTAssertFalse(listener.wasContacted, "nothing may connect to the network")
    }

    func testExpansionBombsAndQuadraticBlowUp() {
        let laughs = "<!DOCTYPE l [<!ENTITY l0 \"lol\">" + (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
            + "]><l>&l9;</l>"
        XCTAssertEqual(assertRefused(laughs, "billion laughs").findings.first?.id, "input.xml.doctype")
        let quadratic = "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "a", count: 50_000) + "\">]><q>" + String(repeating: "&a;", count: 50_000) + "</q>"
        XCTAssertEqual(assertRefused(quadratic, "quadratic blow-up").findings.first?.id, "input.xml.doctype")
    }

    func testDeepNestingInBothFormsFailsFast() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        XCTAssertEqual(assertRefused(xml, "deep XML").findings.first?.id, "input.xml.too-deep")
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertEqual(assertRefused(json, "deep JSON").findings.first?.id, "input.json.too-deep")
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        XCTAssertEqual(assertRefused(objects, "deep JSON objects").findings.first?.id, "input.json.too-deep")
    }

    func testEncodingsAndNulBytes() {
        let units = Array("<qualificationSubmission/>".utf16)
        let little: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let open: [UInt8] = Array("<a>".utf8), close: [UInt8] = Array("</a>".utf8)
        let cases: [(String, [UInt8], String)] = [
            ("UTF-16 with a byte order mark", [0xFF, 0xFE] + little, "input.utf16"),
            ("UTF-16 big-endian with a mark", [0xFE, 0xFF] + big, "input.utf16"),
            ("UTF-16 without a mark", little, "input.utf16"),
            ("invalid UTF-8", open + [0xC3, 0x28] + close, "input.not-utf8"),
            ("overlong UTF-8", open + [0xC0, 0xAF] + close, "input.not-utf8"),
            ("NUL bytes", open + [0, 0, 0] + close, "input.binary"),
            ("JSON with NUL", Array("{\"a\":\"".utf8) + [0] + Array("\"}".utf8), "input.binary"),
        ]
        for (label, bytes, id) in cases {
            XCTAssertEqual(Shared.checker.check(bytes: bytes, file: label).findings.first?.id, id, label)
        }
    }

    func testHugeFilesAreRefusedBeforeReading() throws {
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-big-\(UUID()).xml")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: big) }
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 * 1_048_576)
        try handle.close()
        let started = Date()
        let report = Shared.checker.check(file: big)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "a 100 MB file is refused by its size, not read")
        XCTAssertEqual(report.findings.first?.id, "input.too-large")
        XCTAssertEqual(report.findings.first?.message, "The file is 100 MB, which is more than the 10 MB limit. A submission is usually well under 1 MB.")
        let json = "{\"a\": \"" + String(repeating: "x", count: 50 * 1_048_576) + "\"}"
        XCTAssertEqual(Shared.checker.check(bytes: Array(json.utf8), file: "big.json").findings.first?.id, "input.too-large")
    }

    func testDevicesPipesAndBrokenLinksInABatchFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.xml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.json").path, withDestinationPath: "/nowhere/x.json")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o600), 0)
        try Data(contentsOf: Repo.url("examples/valid/01-small-charity-alone.xml")).write(to: folder.appendingPathComponent("good.xml"))
        let started = Date()
        let expansion = BatchInput.expand([folder.path])
        let reports = Batch(checker: Shared.checker).run(expansion.items)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "nothing waits on a pipe or reads a device")
        let outcomes = Dictionary(uniqueKeysWithValues: reports.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0.outcome) })
        XCTAssertEqual(outcomes, ["good.xml": .ready, "gone.json": .notChecked, "pipe.json": .notChecked, "zero.xml": .notChecked])
    }
}
