public import QualifyDocument
public import QualifyXML

/// Why a file could not be checked at all. These are findings too, so a batch reports them
/// beside every other file's result.
public enum InputProblem: Error, Sendable, Equatable {
    case unreadable(reason: UnreadableReason)
    case screen(TextScreen.Problem)
    case notXMLOrJSON
    case xml(XMLReadProblem)
    case json(line: Int, column: Int, key: String, values: [String: String])
    /// The kit's own XML schema does not compile (see `Kit.XMLSchemaLoading.whenFirstNeeded`).
    case kitSchema(reason: String)

    public enum UnreadableReason: String, Sendable {
        case notFound = "not-found"
        case folder
        case permission
        case notAFile = "not-a-file"
        case other
    }

    var key: String {
        switch self {
        case .unreadable(let reason): return "input.unreadable.\(reason.rawValue)"
        case .screen(let problem):
            switch problem {
            case .empty: return "input.empty"
            case .tooLarge: return "input.too-large"
            case .binary(let kind): return "input.binary.\(kind == .unknown ? "unknown" : kind.rawValue.replacingOccurrences(" ", "-"))"
            case .utf16: return "input.utf16"
            case .notUTF8: return "input.not-utf8"
            }
        case .notXMLOrJSON: return "input.not-xml-or-json"
        case .xml(let problem):
            switch problem.kind {
            case .doctype: return "input.xml.doctype"
            case .tagMismatch: return "input.xml.tag-mismatch"
            case .unexpectedEnd: return "input.xml.unexpected-end"
            case .lonelyAmpersand: return "input.xml.ampersand"
            case .undeclaredEntity: return "input.xml.entity"
            case .tooDeep: return "input.xml.too-deep"
            case .extraContent: return "input.xml.extra-content"
            case .noRootElement: return "input.xml.no-content"
            case .badCharacter: return "input.xml.bad-character"
            case .brokenTag: return "input.xml.broken-tag"
            case .other: return "input.xml.broken"
            }
        case .json(_, _, let key, _): return key
        case .kitSchema: return "input.kit-schema"
        }
    }

    /// The stable id: the catalogue key without the variant that only chooses words.
    var id: String {
        let parts = key.split(separator: ".")
        return parts.prefix(parts.first == "input" && parts.count > 2 && ["xml", "json"].contains(parts[1]) ? 3 : 2)
            .joined(separator: ".")
    }

    func finding(file: String, catalogue: MessageCatalogue) -> Finding {
        var values: [String: String] = ["file": file]
        var line: Int?
        var column: Int?
        switch self {
        case .screen(.tooLarge(let size, let limit)):
            values["size"] = Self.megabytes(size)
            values["limit"] = Self.megabytes(limit)
        case .screen(.notUTF8(let at)):
            line = at
        case .xml(let problem):
            line = problem.line
            column = problem.column
            if case .tagMismatch(let opened, let closed) = problem.kind {
                values["opened"] = opened
                values["closed"] = closed
            }
            if case .undeclaredEntity(let name) = problem.kind { values["name"] = name }
        case .json(let at, let col, _, let extra):
            line = at
            column = col
            values.merge(extra) { $1 }
        case .kitSchema(let reason):
            values["reason"] = reason
        default:
            break
        }
        if let line { values["line"] = "\(line)" }
        return Finding(id: id, severity: .mustFix, message: catalogue.render(key, values), section: "Whole file",
                       place: nil, path: "", line: line, column: column, value: nil)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
