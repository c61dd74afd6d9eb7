/// `qualify diff`: what a resubmission fixed, what is new, and what remains. Findings are the
/// same when their id and path are, so moved lines and a changed value that is still wrong
/// (17/02/2026 rewritten as 2026-02-17) count as still there, never as fixed and new at once.
public struct Resubmission: Sendable {
    public let fixed: [Finding]
    public let new: [Finding]
    public let remaining: [Finding]

    public init(old: Report, new newReport: Report) {
        func key(_ finding: Finding) -> String { finding.id + " " + finding.path }
        // Matched one for one, so two findings of one kind at one place stay two.
        var unmatched: [String: Int] = [:]
        for finding in old.findings { unmatched[key(finding), default: 0] += 1 }
        var new: [Finding] = [], remaining: [Finding] = []
        for finding in newReport.findings {
            if let count = unmatched[key(finding)], count > 0 {
                unmatched[key(finding)] = count - 1
                remaining.append(finding)
            } else {
                new.append(finding)
            }
        }
        var fixed: [Finding] = []
        for finding in old.findings.reversed() where (unmatched[key(finding)] ?? 0) > 0 {
            unmatched[key(finding)]! -= 1
            fixed.insert(finding, at: 0)
        }
        self.fixed = fixed
        self.new = new
        self.remaining = remaining
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
