/// JUnit XML for build servers: one test suite per file, one test case per rule (and one for the
/// form itself). A check that did not run (the file could not be read, or the rule waits on a
/// field with a problem of its own) is skipped, never counted as passed.
public enum JUnitReport {
    enum Outcome {
        case passed
        case failed([Finding])
        /// A whole file that needs fixes, told by its counts (for `--summary-only`).
        case failedFile(String)
        case skipped(String)
    }

    /// `summaryOnly`: one test case per file, failing when it needs fixes.
    public static func render(_ batch: BatchReport, summaryOnly: Bool = false) -> String {
        let suites = batch.reports.map { report in
            (report, summaryOnly ? [("submission", fileOutcome(report))] : cases(report))
        }
        func count(_ entries: [(String, Outcome)], _ test: (Outcome) -> Bool) -> Int { entries.filter { test($0.1) }.count }
        let isFailure: (Outcome) -> Bool = {
            switch $0 {
            case .failed, .failedFile: return true
            default: return false
            }
        }
        let isSkip: (Outcome) -> Bool = { if case .skipped = $0 { return true } else { return false } }
        let all = suites.flatMap(\.1)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"qualify\" tests=\"\(all.count)\" failures=\"\(count(all, isFailure))\" skipped=\"\(count(all, isSkip))\">\n"
        for (report, entries) in suites {
            out += "  <testsuite name=\"\(escape(report.file))\" tests=\"\(entries.count)\" failures=\"\(count(entries, isFailure))\" "
                + "skipped=\"\(count(entries, isSkip))\">\n"
            for (name, outcome) in entries {
                out += "    <testcase classname=\"\(escape(report.file))\" name=\"\(escape(name))\""
                switch outcome {
                case .passed:
                    out += "/>\n"
                case .skipped(let why):
                    out += ">\n      <skipped message=\"\(escape(why))\"/>\n    </testcase>\n"
                case .failedFile(let headline):
                    out += ">\n      <failure message=\"\(escape(headline))\" type=\"needs-fixes\"/>\n    </testcase>\n"
                case .failed(let findings):
                    let first = findings[0]
                    out += ">\n      <failure message=\"\(escape(first.message))\" type=\"\(first.severity.rawValue)\">"
                    out += escape(findings.map { "\($0.line.map { "line \($0): " } ?? "")\($0.message)" }.joined(separator: "\n"))
                    out += "</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The form check first (everything that is not a rule), then every rule in order.
    static func cases(_ report: Report) -> [(String, Outcome)] {
        let counted = report.findings.filter { $0.severity <= .advice }
        let form = counted.filter { !RuleEngine.ruleIDs.contains($0.id) }
        let waiting = Set(report.findings.flatMap { $0.waiting ?? [] })
        let rules: [(String, Outcome)] = RuleEngine.rules.map(\.id).map { id in
            if !report.checked { return (id, .skipped("Not checked: the file could not be read.")) }
            if waiting.contains(id) { return (id, .skipped("Not checked yet: it waits on a field that must be fixed first.")) }
            let hits = counted.filter { $0.id == id }
            return (id, hits.isEmpty ? .passed : .failed(hits))
        }
        return [("form", form.isEmpty ? .passed : .failed(form))] + rules
    }

    static func fileOutcome(_ report: Report) -> Outcome {
        if !report.checked { return .failedFile("Could not be checked.") }
        let counts = Severity.allCases.filter { $0 != .info }.map { ($0, report.count($0)) }.filter { $0.1 > 0 }
        if counts.isEmpty { return .passed }
        return .failedFile(counts.map { "\($0.0.title): \($0.1)" }.joined(separator: "; "))
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
