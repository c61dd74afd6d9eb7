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

    struct ReportForm: Decodable {
        var submission: String
        var name: String?
        var format: String
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
