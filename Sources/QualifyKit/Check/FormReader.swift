public import QualifyDocument

/// What reading a file in one form gives the checker: the neutral document (nil when the file
/// is not a submission the rules can read) and every problem found on the way.
struct FormReading {
    var document: Document?
    var problems: [Problem]
}

/// Reads one form of submission, XML or JSON, to the same neutral document, checking it against
/// that form's published schema on the way. The checker knows nothing else of either form.
protocol FormReader: Sendable {
    func read(_ body: ArraySlice<UInt8>, kit: Kit) -> Result<FormReading, InputProblem>
}

extension Document.Format {
    /// The form a file is written in, told by its first character that is not a space: the
    /// checker, the converter and the web form all decide this way.
    public static func of(_ bytes: some Collection<UInt8>) -> Document.Format? {
        switch bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default: return nil
        }
    }

    var reader: any FormReader {
        switch self {
        case .xml: return XMLFormReader()
        case .json: return JSONFormReader()
        }
    }
}
