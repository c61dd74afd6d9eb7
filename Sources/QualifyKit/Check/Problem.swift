public import QualifyDocument

/// Something wrong with the shape or values of a submission, before it becomes a `Finding`
/// with words. Parsers, the XSD check and the form walker all produce these, so that one
/// catalogue of messages explains them all.
public struct Problem: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case missing, empty
        case unknownField = "unknown-field"
        case wrongPlace = "wrong-place"
        case repeated
        case tooMany = "too-many"
        case tooFew = "too-few"
        case notInList = "not-in-list"
        case wrongFormat = "wrong-format"
        case notADate = "not-a-date"
        case notANumber = "not-a-number"
        case notAWholeNumber = "not-a-whole-number"
        case notYesNo = "not-yes-no"
        /// JSON only: a number or yes/no where the form wants text.
        case needsQuotes = "needs-quotes"
        /// JSON only: text with a character XML cannot hold, such as \u0001.
        case controlCharacter = "control-character"
        case tooLong = "too-long"
        case tooShort = "too-short"
        case tooSmall = "too-small"
        case tooLarge = "too-large"
        case tooManyDecimals = "too-many-decimals"
        case notText = "not-text"
        case notASection = "not-a-section"
        case notAList = "not-a-list"
        case unexpectedText = "unexpected-text"
        /// A complaint from the XSD check that no finer kind explains.
        case structure
        case wrongForm = "wrong-form"
        case wrongVersion = "wrong-version"
        case missingVersion = "missing-version"

        public var id: String {
            switch self {
            case .wrongForm, .wrongVersion, .missingVersion: return "document.\(rawValue)"
            default: return "schema.\(rawValue)"
            }
        }
    }

    public var kind: Kind
    public var path: DocumentPath
    public var position: SourcePosition?
    /// What the person wrote, when there is a value to show.
    public var value: String?
    /// Facts for the message: limits, counts, suggestions.
    public var facts: [String: String]

    /// Set for JSON strings, so a message can say "without quote marks".
    public var isQuotedScalar = false

    public init(_ kind: Kind, at path: DocumentPath, position: SourcePosition?, value: String? = nil,
                facts: [String: String] = [:]) {
        self.kind = kind
        self.path = path
        self.position = position
        self.value = value
        self.facts = facts
    }

    public static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(path)
        hasher.combine(value)
    }
}
