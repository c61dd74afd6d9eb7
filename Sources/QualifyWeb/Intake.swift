import Foundation
import Hummingbird
import MultipartKit

/// What a person sent to be checked: a file they chose, or text they pasted.
struct Intake {
    var bytes: [UInt8]
    var name: String

    /// The parts of a multipart form by field name: their bytes and the file name, if any.
    struct Part {
        var bytes: [UInt8] = []
        var fileName: String?
    }

    static func parts(_ body: ByteBuffer, boundary: String) throws -> [String: Part] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [String: Part] = [:]
        var current = Part()
        var name: String?
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value)
            current.fileName = Self.parameter("filename", in: value).flatMap(Self.baseName)
        }
        parser.onBody = { buffer in current.bytes += Array(buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name { parts[name] = current }
            current = Part()
            name = nil
        }
        try parser.execute(body)
        return parts
    }

    /// A download request: the submission sent back with the result page's form.
    struct ReportForm {
        var submission: [UInt8]
        var name: String?
        var format: String
    }

    struct EncodedReportForm: Decodable {
        var submission: String?
        var name: String?
        var format: String?
    }

    /// The result page sends the submission back as base64 in a multipart form, so it arrives
    /// byte for byte (a UTF-16 or binary upload too) and grows by a third at most; a program may
    /// still send `submission` as a URL-encoded form.
    static func readReportForm(_ request: inout Request, limit: Int) async throws -> ReportForm {
        let allowance = limit / 3 * 4 + 128 * 1024
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: allowance) } catch { throw HTTPError(.contentTooLarge) }
        let type = request.headers[.contentType] ?? ""
        var fields: [String: [UInt8]] = [:]
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = boundary(type), let form = try? parts(body, boundary: boundary) else { throw HTTPError(.badRequest) }
            fields = form.mapValues(\.bytes)
            if let encoded = fields["submission64"] {
                fields["submission"] = Array(Data(base64Encoded: Data(encoded), options: .ignoreUnknownCharacters) ?? Data())
            }
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            let form = try? URLEncodedFormDecoder().decode(EncodedReportForm.self, from: String(buffer: body))
            fields["submission"] = form?.submission.map { Array($0.utf8) }
            fields["name"] = form?.name.map { Array($0.utf8) }
            fields["format"] = form?.format.map { Array($0.utf8) }
        } else {
            throw HTTPError(.unsupportedMediaType)
        }
        guard let submission = fields["submission"], !submission.isEmpty, let format = fields["format"] else {
            throw PlainError(status: .badRequest, title: "The download has no submission",
                             text: "Downloads are made from the result page. Check your submission again, then choose a download there.")
        }
        return ReportForm(submission: submission, name: fields["name"].map { String(decoding: $0, as: UTF8.self) },
                          format: String(decoding: format, as: UTF8.self))
    }

    /// Reads the form, or a raw XML or JSON body sent by a program.
    static func read(_ request: inout Request, limit: Int) async throws -> Intake {
        // Too large is said plainly (413), whether the size was announced or only found on reading.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit + 64 * 1024 {
            throw HTTPError(.contentTooLarge)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit + 64 * 1024)
        } catch {
            throw HTTPError(.contentTooLarge)
        }
        let type = request.headers[.contentType] ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(type) else { throw HTTPError(.badRequest) }
            let form: [String: Part]
            do { form = try parts(body, boundary: boundary) } catch { throw HTTPError(.badRequest) }
            if let file = form["file"], !file.bytes.isEmpty {
                return Intake(bytes: file.bytes, name: file.fileName ?? "your file")
            }
            if let text = form["text"], !String(decoding: text.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return Intake(bytes: text.bytes, name: "the text you pasted")
            }
            throw HTTPError(.badRequest)
        }
        if type.hasPrefix("application/xml") || type.hasPrefix("text/xml") || type.hasPrefix("application/json") {
            return Intake(bytes: Array(body.readableBytesView), name: "the submission")
        }
        throw HTTPError(.unsupportedMediaType)
    }

    static func boundary(_ contentType: String) -> String? {
        contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("boundary=") }.map { String($0.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// A parameter of a Content-Disposition header, such as name="file".
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where piece.hasPrefix(key + "=") {
            return String(piece.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The file name a browser sends, without any folders.
    static func baseName(_ name: String) -> String? {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return base.isEmpty ? nil : String(base.prefix(120))
    }
}
