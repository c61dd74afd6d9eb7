public import QualifyDocument

/// The result of checking one file.
public struct Report: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// Nothing blocks the submission.
        case ready
        /// Something must be fixed before it is sent.
        case needsFixes = "needs-fixes"
        /// The file could not be checked at all.
        case notChecked = "not-checked"
    }

    public var file: String
    public var format: Document.Format?
    public var findings: [Finding]
    public var checked: Bool

    public init(file: String, format: Document.Format?, findings: [Finding], checked: Bool) {
        self.file = file
        self.format = format
        self.findings = findings
        self.checked = checked
    }

    public var outcome: Outcome {
        if !checked { return .notChecked }
        return findings.contains { $0.severity.blocks } ? .needsFixes : .ready
    }

    /// By place, reading only each finding's severity: a batch summary asks this of every file.
    public func count(_ severity: Severity) -> Int {
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
    }

    func has(_ severity: Severity) -> Bool {
        findings.indices.contains { findings[$0].severity == severity }
    }

    /// Sections in form order, the whole file first; inside a section, most serious first.
    static func sorted(_ findings: [Finding], model: FormModel) -> [Finding] {
        // Most files have one finding or none, and the sections' order is made once per model.
        guard findings.count > 1 else { return findings }
        let order = model.sectionOrder
        return findings.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            let (sa, sb) = (order[a.section] ?? Int.max, order[b.section] ?? Int.max)
            if sa != sb { return sa < sb }
            if a.severity != b.severity { return a.severity < b.severity }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
