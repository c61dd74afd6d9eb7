/// `qualify diff`: what a resubmission fixed, what is new, and what remains. Findings are the
/// same when their id and path are, so moved lines do not count as changes.
public struct Resubmission: Sendable {
    public let fixed: [Finding]
    public let new: [Finding]
    public let remaining: [Finding]

    public init(old: Report, new newReport: Report) {
        func key(_ finding: Finding) -> String { finding.id + " " + finding.path + " " + (finding.id == "rule.not-checked" ? "" : finding.message) }
        let before = Set(old.findings.map(key)), after = Set(newReport.findings.map(key))
        fixed = old.findings.filter { !after.contains(key($0)) }
        new = newReport.findings.filter { !before.contains(key($0)) }
        remaining = newReport.findings.filter { before.contains(key($0)) }
    }

    public func text(old: String, new newName: String) -> String {
        var out = "Comparing \(old) with \(newName): \(fixed.count) fixed, \(new.count) new, \(remaining.count) still there.\n"
        for (title, list) in [("Fixed", fixed), ("New", new), ("Still there", remaining)] where !list.isEmpty {
            out += "\n\(title)\n"
            for finding in list {
                out += "  \(finding.severity.title): \(finding.message)\n"
                out += "    \(finding.line.map { "line \($0) · " } ?? "")\(finding.id)\(finding.path.isEmpty ? "" : " · \(finding.path)")\n"
            }
        }
        return out
    }
}
