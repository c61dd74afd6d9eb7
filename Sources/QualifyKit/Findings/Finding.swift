/// How much a finding matters to the person who wrote the submission, named by its consequence.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case mustFix = "must-fix"
    case ask
    case advice
    case info

    public var title: String {
        switch self {
        case .mustFix: return "Must fix before you submit"
        case .ask: return "Officials will ask about this"
        case .advice: return "Advice"
        case .info: return "For information"
        }
    }

    /// Only these stop a submission going forward.
    public var blocks: Bool { self == .mustFix }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One thing a person should know about their submission, whatever found it.
public struct Finding: Codable, Sendable, Equatable {
    /// Stable id, such as `schema.missing`; it names the guidance page, never appears in the message.
    public var id: String
    public var severity: Severity
    /// Plain words: what is wrong, where, and what to do.
    public var message: String
    /// The form section it belongs to, for grouping ("Case studies").
    public var section: String
    /// The field by its labels and place in the form ("Case study 2, outcomes").
    public var place: String?
    /// For officials and machines: a JSON Pointer into the submission, the same for XML and JSON.
    public var path: String
    public var line: Int?
    public var column: Int?
    /// What the person wrote, when there is a value.
    public var value: String?
    /// For `rule.not-checked`: the rules that wait on this field.
    public var waiting: [String]?

    public init(id: String, severity: Severity, message: String, section: String, place: String?,
                path: String, line: Int?, column: Int?, value: String?, waiting: [String]? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.section = section
        self.place = place
        self.path = path
        self.line = line
        self.column = column
        self.value = value
        self.waiting = waiting
    }

    /// Where the guidance for this finding lives, relative to the kit's folder.
    public var guidancePage: String {
        RuleEngine.ruleIDs.contains(id) ? "guidance/rules/\(id).md" : "guidance/findings/\(id).md"
    }
}
