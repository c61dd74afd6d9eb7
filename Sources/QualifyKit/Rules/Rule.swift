import QualifyDocument

/// A cross-field rule: a check the schema cannot express. Its words live in the message
/// catalogue (`rule.ID`, `rule.ID.title`) and its explanation and examples in
/// guidance/rules/ID.md, so that people can edit them without touching code.
public struct Rule: Sendable {
    public let id: String
    /// The severity before any official re-grades it in the configuration.
    public let severity: Severity
    /// The assumption (A1–A8 in the guidance) the rule rests on, when it rests on one.
    public let assumption: String?
    let check: @Sendable (Submission, Configuration) throws -> [RuleHit]

    init(_ id: String, _ severity: Severity, assumption: String? = nil,
         check: @escaping @Sendable (Submission, Configuration) throws -> [RuleHit]) {
        self.id = id
        self.severity = severity
        self.assumption = assumption
        self.check = check
    }
}

/// One place where a rule fires, with the facts its message needs.
struct RuleHit {
    /// Where it fires: the field carries the path, position and value the finding shows.
    var field: Field
    var facts: [String: String]
    /// Picks a variant of the message (`rule.ID.variant`) when one wording does not fit all.
    var variant: String?
    /// The message tells the person to remove the section at `path`, so nothing inside it is
    /// reported: they should not be asked to fill in what they are told to delete.
    var removesSection = false

    init(_ field: Field, _ facts: [String: String] = [:], variant: String? = nil, removesSection: Bool = false) {
        self.field = field
        self.facts = facts
        self.variant = variant
        self.removesSection = removesSection
    }
}

/// Thrown when a rule lacks the data it needs; the rule then says it was not checked.
struct RuleNeeds: Error {
    let path: DocumentPath
}

func need<T>(_ value: T?, _ path: DocumentPath) throws -> T {
    guard let value else { throw RuleNeeds(path: path) }
    return value
}

extension DocumentPath {
    init(_ pointer: StaticString) {
        self = DocumentPath(pointer: "\(pointer)") ?? .root
    }

    static func / (lhs: DocumentPath, rhs: String) -> DocumentPath { lhs.appending(rhs) }
    static func / (lhs: DocumentPath, rhs: Int) -> DocumentPath { lhs.appending(index: rhs) }
}
