import Foundation
import Hummingbird
import MultipartKit

/// A form page sent back: every field by name, each with all its values (a group of
/// checkboxes sends one name many times), and the draft the page carried.
struct FormBody {
    var values: [String: [String]] = [:]
    var draft: [UInt8]?

    func first(_ name: String) -> String? { values[name]?.first }
    func all(_ name: String) -> [String]? { values[name] }

    /// The draft travels as base64 inside the form, so the request may be a third larger than
    /// the largest upload; anything bigger gets the plain "too large" page (413).
    static func read(_ request: inout Request, limit: Int) async throws -> FormBody {
        let allowance = limit / 3 * 4 + 256 * 1024
        if let length = request.headers[.contentLength].flatMap(Int.init), length > allowance { throw HTTPError(.contentTooLarge) }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: allowance) } catch { throw HTTPError(.contentTooLarge) }
        let type = request.headers[.contentType] ?? ""
        guard type.hasPrefix("multipart/form-data") else {
            throw PlainError(status: .unsupportedMediaType, title: "This page takes the form's own answers",
                             text: "Use the buttons on the form pages. To carry on with a saved file, upload it on the start page.")
        }
        guard let boundary = Intake.boundary(type), let parts = try? Self.parts(body, boundary: boundary) else {
            throw HTTPError(.badRequest)
        }
        var form = FormBody()
        for (name, bytes) in parts {
            if name == "draft" {
                form.draft = Array(Data(base64Encoded: Data(bytes), options: .ignoreUnknownCharacters) ?? Data())
            } else {
                // Browsers send a text area's line breaks as CR LF; the submission keeps LF.
                let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                form.values[name, default: []].append(text)
            }
        }
        if let draft = form.draft, draft.count > limit { throw HTTPError(.contentTooLarge) }
        return form
    }

    /// Every part in the order sent, keeping repeated names.
    static func parts(_ body: ByteBuffer, boundary: String) throws -> [(String, [UInt8])] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(String, [UInt8])] = []
        var current: [UInt8] = []
        var name: String?
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" { name = Intake.parameter("name", in: value) }
        }
        parser.onBody = { buffer in current += Array(buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name { parts.append((name, current)) }
            current = []
            name = nil
        }
        try parser.execute(body)
        return parts
    }
}
