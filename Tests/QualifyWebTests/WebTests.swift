import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import QualifyDocument
import QualifyKit
import XCTest
@testable import QualifyWeb

/// Every route and every failure, through the router without sockets.
final class WebTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let kit: Kit = { try! Kit(root: root) }()

    func app(maxUpload: Int = 2 * 1_048_576) -> some ApplicationProtocol { Self.app(maxUpload: maxUpload) }

    static func app(maxUpload: Int = 2 * 1_048_576) -> some ApplicationProtocol {
        var settings = WebSettings()
        settings.maxUploadBytes = maxUpload
        return try! WebApp.application(kit: Self.kit, settings: settings)
    }

    static func multipart(_ fields: [(name: String, file: String?, body: [UInt8])]) -> (ByteBuffer, String) {
        let boundary = "qualify-test-boundary"
        var body: [UInt8] = []
        for field in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let file = field.file { head += "; filename=\"\(file)\"" }
            head += "\r\n\r\n"
            body += Array(head.utf8) + field.body + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (ByteBuffer(bytes: body), "multipart/form-data; boundary=\(boundary)")
    }

    func example(_ name: String) throws -> [UInt8] { try Self.example(name) }

    static func example(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent("examples/\(name)"))) }

    static func assertSecure(_ response: TestResponse, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'"), true, file: file, line: line)
        XCTAssertEqual(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'"), true, file: file, line: line)
        XCTAssertEqual(response.headers[HTTPField.Name("X-Content-Type-Options")!], "nosniff", file: file, line: line)
        XCTAssertEqual(response.headers[HTTPField.Name("Referrer-Policy")!], "no-referrer", file: file, line: line)
        XCTAssertFalse(String(buffer: response.body).contains("<script"), file: file, line: line)
    }

    func testPagesAndFiles() async throws {
        try await app().test(.router) { client in
            for (uri, status, text) in [("/", 200, "Check your qualification submission"), ("/health", 200, "\"status\":\"ok\""),
                                         ("/assets/style.css", 200, ".error-summary"), ("/guidance", 200, "Coverage map"),
                                         ("/guidance/case-study.too-old", 200, "A case study that ended too long ago"),
                                         ("/guidance/case-studies", 200, "Case studies"), ("/guidance/schema.missing", 200, "What it means"),
                                         ("/guidance/nope", 404, "Page not found"), ("/nowhere", 404, "Page not found")] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status.code, status, uri)
                    XCTAssertTrue(String(buffer: response.body).contains(text), uri)
                    WebTests.assertSecure(response)
                }
            }
            for name in ["starter.xml", "starter.json"] {
                try await client.execute(uri: "/" + name, method: .get) { response in
                    XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"\(name)\"")
                }
            }
        }
    }

    func testUploadShowsTheErrorSummaryAndEveryFinding() async throws {
        let (body, type) = Self.multipart([("file", "mine.xml", try example("invalid/14-misspelt-field-then-bad-email.xml")), ("text", nil, [])])
        try await app().test(.router) { client in
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: type], body: body) { response in
                let html = String(buffer: response.body)
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(html.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
                XCTAssertTrue(html.contains("Did you mean &#39;dateOfRegistration&#39;"), "the misspelt field")
                XCTAssertTrue(html.contains("like name@example.org.uk"), "the mistake libxml2 skips")
                XCTAssertTrue(html.contains("href=\"/guidance/schema.unknown-field\""))
                XCTAssertTrue(html.contains("Result for mine.xml"))
                XCTAssertTrue(html.contains("name=\"format\" value=\"checklist\""))
                WebTests.assertSecure(response)
            }
        }
    }

    func testPastedTextRawBodiesAndFailures() async throws {
        let valid = try example("valid/01-small-charity-alone.json")
        let (pasted, type) = Self.multipart([("file", "", []), ("text", nil, valid)])
        let (empty, emptyType) = Self.multipart([("file", "", []), ("text", nil, Array("   ".utf8))])
        try await app(maxUpload: 100_000).test(.router) { client in
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: type], body: pasted) { response in
                XCTAssertTrue(String(buffer: response.body).contains("Nothing here stops your submission"))
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "application/json", .accept: "application/json"],
                                     body: ByteBuffer(bytes: valid)) { response in
                XCTAssertTrue(String(buffer: response.body).contains("\"reportVersion\" : \"1.0\""))
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: emptyType], body: empty) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(String(buffer: response.body).contains("Something was missing"))
                WebTests.assertSecure(response)
            }
            let (big, bigType) = Self.multipart([("file", "big.xml", Array(repeating: UInt8(ascii: "a"), count: 400_000))])
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: bigType], body: big) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
                XCTAssertTrue(String(buffer: response.body).contains("The file is too large"))
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { response in
                XCTAssertEqual(response.status, .unsupportedMediaType)
                XCTAssertFalse(String(buffer: response.body).lowercased().contains("error:"), "no raw error text")
            }
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                                     body: ByteBuffer(string: "garbage")) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
        }
    }

    func testDownloadsAreMadeFromTheSubmissionSentBack() async throws {
        let xml = String(decoding: try example("invalid/03-charity-number-wrong-format.xml"), as: UTF8.self)
        let encoded = xml.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await app().test(.router) { client in
            for (format, type, name, text) in [("html", "text/html", "qualify-report.html", "There is a problem"),
                                                ("json", "application/json", "qualify-report.json", "\"schema.wrong-format\""),
                                                ("csv", "text/csv", "qualify-report.csv", "schema.wrong-format"),
                                                ("checklist", "text/html", "reviewer-checklist.html", "Reviewer checklist")] {
                let body = ByteBuffer(string: "submission=\(encoded)&name=mine.xml&format=\(format)")
                try await client.execute(uri: "/report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body) { response in
                    XCTAssertEqual(response.status, .ok, format)
                    XCTAssertTrue(response.headers[.contentType]?.hasPrefix(type) ?? false, format)
                    XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"\(name)\"")
                    XCTAssertTrue(String(buffer: response.body).contains(text), format)
                }
            }
            let bad = ByteBuffer(string: "submission=x&format=pdf")
            try await client.execute(uri: "/report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: bad) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
        }
    }

    /// Script put into every text field of a real submission shows as text, never as markup.
    func testScriptInEveryTextFieldIsShownAsText() async throws {
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "';alert(1);//", "<svg/onload=alert(1)>"]
        guard case .success(let root) = QualifyDocument.JSONReader.parse(try example("valid/02-consortium-with-prospective-partner.json")[...]) else {
            return XCTFail("example does not parse")
        }
        var index = 0
        func poison(_ node: QualifyDocument.Node) -> QualifyDocument.Node {
            var copy = node
            switch node.value {
            case .string:
                copy.value = .string(payloads[index % payloads.count])
                index += 1
            case .object(let members): copy.value = .object(members.map { QualifyDocument.Member(key: $0.key, node: poison($0.node)) })
            case .array(let items): copy.value = .array(items.map(poison))
            default: break
            }
            return copy
        }
        let hostile = QualifyDocument.JSONWriter.write(poison(root))
        let poisoned = index
        let (body, type) = Self.multipart([("file", "<script>alert(1)</script>.json", Array(hostile.utf8))])
        try await app().test(.router) { client in
            try await client.execute(uri: "/check", method: .post, headers: [.contentType: type], body: body) { response in
                let html = String(buffer: response.body)
                XCTAssertGreaterThan(poisoned, 50)
                XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "payloads appear, escaped")
                for payload in payloads { XCTAssertFalse(html.contains(payload), "raw: \(payload)") }
                XCTAssertFalse(html.contains("<img") || html.contains("<svg"))
            }
        }
    }

    /// A reviewer can tell which draft of the guidance a page shows.
    func testEveryPageNamesTheGuidanceVersion() async throws {
        let version = try String(contentsOf: Self.root.appendingPathComponent("guidance/VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await app().test(.router) { client in
            for uri in ["/", "/guidance/case-studies"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertTrue(String(buffer: response.body).contains("guidance \(version)"), uri)
                }
            }
        }
    }
}
