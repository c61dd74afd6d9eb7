/// CSV (RFC 4180, one row per finding) and Markdown renderings of a batch.
public enum CSVReport {
    static let header = ["file", "line", "column", "severity", "id", "section", "place", "path", "value", "message"]

    public static func render(_ batch: BatchReport) -> String {
        var rows = [header]
        for report in batch.reports {
            for finding in report.findings {
                rows.append([report.file, finding.line.map(String.init) ?? "", finding.column.map(String.init) ?? "",
                             finding.severity.rawValue, finding.id, finding.section, finding.place ?? "", finding.path,
                             finding.value ?? "", finding.message])
            }
        }
        return table(rows)
    }

    /// One row for each file, worst first, with its counts: `--summary-only`.
    public static func summary(_ batch: BatchReport) -> String {
        var rows = [["file", "result"] + Severity.allCases.map(\.rawValue)]
        for report in batch.worstFirst {
            rows.append([report.file, BatchReport.triage(report).rawValue] + Severity.allCases.map { String(report.count($0)) })
        }
        rows += batch.skipped.map { [$0, "left-out", "", "", "", ""] }
        return table(rows)
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes where RFC 4180 needs it, and defuses text a spreadsheet would run as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@\t\r".contains(first) || (first == "-" && value.dropFirst().first.map { !$0.isNumber } ?? false) {
            value = "'" + value
        }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}

public enum MarkdownReport {
    public static func render(_ batch: BatchReport, summaryOnly: Bool = false) -> String {
        var out = "# Qualify report\n\n" + summary(batch)
        if summaryOnly { return out + "\n" + fileTable(batch) }
        for report in batch.reports {
            out += "\n## \(escape(report.file))\n\n\(BatchReport.triage(report).title).\n"
            guard !report.findings.isEmpty else { continue }
            out += "\n| Severity | Where | What to do | Line | Id |\n|---|---|---|---|---|\n"
            for finding in report.findings {
                out += "| \(finding.severity.title) | \(escape(finding.place ?? finding.section)) | \(escape(finding.message)) | "
                    + "\(finding.line.map(String.init) ?? "") | `\(finding.id)` |\n"
            }
        }
        return out
    }

    static func summary(_ batch: BatchReport) -> String {
        var out = "| Result | Files |\n|---|---|\n"
        for triage in BatchReport.Triage.allCases { out += "| \(triage.title) | \(batch.count(triage)) |\n" }
        let frequency = batch.frequency.filter { !$0.id.hasPrefix("rule.not-checked") }
        if !frequency.isEmpty {
            out += "\nFindings by how many files they came up in:\n\n| Id | Files |\n|---|---|\n"
            for entry in frequency { out += "| `\(entry.id)` | \(entry.files) |\n" }
        }
        return out
    }

    /// One row for each file, worst first.
    static func fileTable(_ batch: BatchReport) -> String {
        var out = "| File | Result | Must fix | Officials will ask |\n|---|---|---|---|\n"
        for report in batch.worstFirst {
            out += "| \(escape(report.file)) | \(BatchReport.triage(report).title) | \(report.count(.mustFix)) | \(report.count(.ask)) |\n"
        }
        if !batch.skipped.isEmpty { out += "\nLeft out (not .xml or .json): " + batch.skipped.map(escape).joined(separator: ", ") + "\n" }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ").replacing("<", with: "&lt;")
    }
}
