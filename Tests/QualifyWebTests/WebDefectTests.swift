import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import QualifyWeb

/// Web defects found by using the page as its people would (numbered as reported).
final class WebDefectTests: XCTestCase {
    /// The download forms on a result page, each with its fields, as a browser would send them.
    static func downloadForms(_ html: String) -> [[(name: String, value: String)]] {
        html.components(separatedBy: "<form method=\"post\" action=\"/report\"").dropFirst().map { form in
            let inputs = form.components(separatedBy: "</form>")[0].components(separatedBy: "<input ").dropFirst()
            return inputs.compactMap { input -> (String, String)? in
                guard let name = input.firstMatch(of: /name="([^"]*)"/)?.1, let value = input.firstMatch(of: /value="([^"]*)"/)?.1 else { return nil }
                return (String(name), String(value).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
    }

    static func result(of file: [UInt8], named name: String, client: some TestClientProtocol) async throws -> String {
        let (body, type) = WebTests.multipart([("file", name, file)])
        return try await client.execute(uri: "/check", method: .post, headers: [.contentType: type], body: body) { String(buffer: $0.body) }
    }

    static func download(_ form: [(name: String, value: String)], client: some TestClientProtocol) async throws -> (HTTPResponse.Status, String) {
        let (body, type) = WebTests.multipart(form.map { ($0.name, nil, Array($0.value.utf8)) })
        return try await client.execute(uri: "/report", method: .post, headers: [.contentType: type], body: body) {
            ($0.status, String(buffer: $0.body))
        }
    }

    func testDefect09_everyFileThePageAcceptsDownloads() async throws {
        // Near the upload limit, full of characters a form must encode.
        let filler = String(repeating: "<!-- & \" ' < > é £ -->\n", count: 70_000)
        let xml = String(decoding: try WebTests.example("valid/01-small-charity-alone.xml"), as: UTF8.self)
            .replacingOccurrences(of: "<qualificationSubmission ", with: filler + "<qualificationSubmission ")
        let limit = 2 * 1_048_576
        XCTAssertLessThan(xml.utf8.count, limit)
        XCTAssertGreaterThan(xml.utf8.count, limit * 3 / 4)
        try await WebTests.app(maxUpload: limit).test(.router) { client in
            let page = try await Self.result(of: Array(xml.utf8), named: "big.xml", client: client)
            XCTAssertTrue(page.contains("Result for big.xml"), String(page.prefix(400)))
            let forms = Self.downloadForms(page)
            XCTAssertEqual(forms.count, 4)
            for form in forms {
                let (status, _) = try await Self.download(form, client: client)
                XCTAssertEqual(status, .ok, form.last.map { "\($0)" } ?? "")
            }
        }
    }

    func testDefect12_webErrorsSayWhatWasWrongWithTheRequest() async throws {
        try await WebTests.app().test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded"] {
                try await client.execute(uri: "/check", method: .post, headers: [.contentType: type], body: ByteBuffer(string: "a=b")) { response in
                    XCTAssertEqual(response.status, .unsupportedMediaType)
                    XCTAssertFalse(String(buffer: response.body).contains("on our side"), type)
                    XCTAssertTrue(String(buffer: response.body).contains("XML or JSON"), type)
                }
            }
            try await client.execute(uri: "/report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "format=html")) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertFalse(String(buffer: response.body).contains("on our side"))
            }
            try await client.execute(uri: "/report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "submission=x&format=pdf")) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(String(buffer: response.body).contains("pdf"), String(buffer: response.body))
                XCTAssertFalse(String(buffer: response.body).contains("Something was missing"))
            }
        }
        try await WebTests.app().test(.live) { client in
            let long = "/guidance/" + String(repeating: "a", count: 200_000)
            try await client.execute(uri: long, method: .get) { response in
                XCTAssertTrue([400, 414].contains(response.status.code), "\(response.status)")
                XCTAssertFalse(String(buffer: response.body).isEmpty, "a plain page, not an empty body")
                XCTAssertEqual(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'"), true)
            }
        }
    }

    func testDefect15_downloadsOfAnUnreadableUploadGiveTheFindingOnScreen() async throws {
        let utf16 = Array("<?xml version=\"1.0\"?><submission/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try await WebTests.app().test(.router) { client in
            for (name, bytes) in [("wide.xml", [0xFF, 0xFE] + utf16), ("picture.xml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 1])] {
                let page = try await Self.result(of: bytes, named: name, client: client)
                let forms = Self.downloadForms(page)
                guard let json = forms.first(where: { $0.contains { $0.name == "format" && $0.value == "json" } }) else {
                    return XCTFail("no JSON download for \(name)")
                }
                let (_, report) = try await Self.download(json, client: client)
                let shown = try XCTUnwrap(page.firstMatch(of: /guidance\/(input\.[a-z0-9.\-]+)/)?.1, page)
                XCTAssertTrue(report.contains("\"id\" : \"\(shown)\""), "\(name): page shows \(shown); download says \(report)")
            }
        }
    }
}
