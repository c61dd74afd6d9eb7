import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest

/// Drives the form as a browser would: reads the fields of a page, changes some, and sends
/// them back with one button's action.
enum FormBrowser {
    typealias Fields = [(name: String, value: String)]

    /// Every field a browser would send from the page: text boxes, text areas, chosen options,
    /// ticked boxes and hidden fields; buttons are added by `press`.
    static func fields(_ html: String) -> Fields {
        var out: Fields = []
        var rest = html[...]
        while let match = rest.firstMatch(of: /<(input|textarea|select)\b([^>]*)>/) {
            let tag = String(match.1), attributes = String(match.2)
            rest = rest[match.range.upperBound...]
            guard let name = attribute("name", attributes) else { continue }
            switch tag {
            case "input":
                let type = attribute("type", attributes) ?? "text"
                if type == "radio" || type == "checkbox", !attributes.contains(" checked") { continue }
                if type == "file" { continue }
                out.append((name, attribute("value", attributes) ?? ""))
            case "textarea":
                guard let end = rest.range(of: "</textarea>") else { continue }
                var body = String(rest[..<end.lowerBound])
                if body.hasPrefix("\n") { body.removeFirst() }
                out.append((name, unescape(body)))
            default:
                guard let end = rest.range(of: "</select>") else { continue }
                let options = rest[..<end.lowerBound]
                let chosen = options.firstMatch(of: /<option value="([^"]*)" selected/).map { unescape(String($0.1)) }
                out.append((name, chosen ?? ""))
            }
        }
        return out
    }

    static func attribute(_ name: String, _ attributes: String) -> String? {
        guard let range = attributes.range(of: " \(name)=\"") else { return nil }
        let after = attributes[range.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { return nil }
        return unescape(String(after[..<end]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#13;", with: "\r").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func setting(_ fields: Fields, _ name: String, to value: String) -> Fields {
        var fields = fields.filter { $0.name != name }
        fields.append((name, value))
        return fields
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: [UInt8]
        var html: String { String(decoding: body, as: UTF8.self) }
        /// The form's action, where its buttons send it.
        var action: String { html.firstMatch(of: /<form method="post" action="([^"]*)"/).map { String($0.1) } ?? "" }
    }

    static func send(_ uri: String, _ fields: Fields, client: some TestClientProtocol) async throws -> Page {
        let (body, type) = WebTests.multipart(fields.map { ($0.name, nil, Array($0.value.utf8)) })
        return try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: body) {
            Page(status: $0.status, headers: $0.headers, body: Array($0.body.readableBytesView))
        }
    }

    /// Presses the button with this action on the page, sending the page's fields.
    static func press(_ action: String, on page: Page, changing changes: Fields = [], client: some TestClientProtocol) async throws -> Page {
        var fields = fields(page.html)
        for change in changes { fields = setting(fields, change.name, to: change.value) }
        return try await send(page.action, fields + [("action", action)], client: client)
    }

    static func upload(_ file: [UInt8], name: String, client: some TestClientProtocol) async throws -> Page {
        let (body, type) = WebTests.multipart([("file", name, file)])
        return try await client.execute(uri: "/form/upload", method: .post, headers: [.contentType: type], body: body) {
            Page(status: $0.status, headers: $0.headers, body: Array($0.body.readableBytesView))
        }
    }

    static func blank(client: some TestClientProtocol) async throws -> Page {
        try await client.execute(uri: "/form", method: .get) { Page(status: $0.status, headers: $0.headers, body: Array($0.body.readableBytesView)) }
    }

    /// The sections the task list offers, by key, in order.
    static func openable(_ html: String) -> [String] {
        html.matches(of: /value="open:([A-Za-z0-9]+)" class="task-link"/).map { String($0.1) }
    }

    /// A task's status words, from the row with this label.
    static func status(of label: String, in html: String) -> String? {
        guard let row = html.components(separatedBy: "<li class=\"task\">").first(where: { $0.contains("<span class=\"task-name\">\(label)</span>") }),
              let match = row.firstMatch(of: /class="task-status [a-z-]+">([^<]*)</) else { return nil }
        return String(match.1)
    }
}
