/// Findings as plain text for a terminal, grouped by form section, most serious first.
public struct TextRenderer: Sendable {
    public var colour: Bool
    public var catalogue: MessageCatalogue

    public init(colour: Bool, catalogue: MessageCatalogue) {
        self.colour = colour
        self.catalogue = catalogue
    }

    public func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append(paint(report.file, .bold) + ": " + headline(report))
        var section: String?
        for finding in report.findings {
            if finding.section != section {
                section = finding.section
                lines.append("")
                lines.append("  " + paint(finding.section, .bold))
            }
            lines.append("    " + marker(finding.severity) + " " + finding.message)
            lines.append("      " + paint(details(finding), .dim))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line for each file, worst first, then the files left out.
    func fileLines(_ batch: BatchReport) -> [String] {
        var lines = [paint("Files, worst first", .bold)]
        for report in batch.worstFirst {
            lines.append("  " + report.file + ": " + briefly(report))
        }
        if !batch.skipped.isEmpty {
            lines.append("")
            lines.append(paint("Left out (not .xml or .json)", .bold))
            lines += batch.skipped.map { "  " + $0 }
        }
        return lines
    }

    /// The triage table and how often each finding came up, for a batch; with `files`, one line
    /// for each file between the two (`--summary-only`).
    public func summary(_ batch: BatchReport, files: Bool = false) -> String {
        let left = batch.skipped.count
        var lines = [paint("Summary", .bold) + ": \(batch.reports.count) \(batch.reports.count == 1 ? "file" : "files") checked"
            + (left > 0 ? ", \(left) other \(left == 1 ? "file" : "files") left out (not .xml or .json)." : ".")]
        for triage in BatchReport.Triage.allCases {
            lines.append("  " + triage.title.padding(toLength: 28, withPad: " ", startingAt: 0) + String(batch.count(triage)))
        }
        if files {
            lines.append("")
            lines += fileLines(batch)
        }
        let frequency = batch.frequency
        if !frequency.isEmpty {
            lines.append("")
            lines.append(paint("Findings by how many files they came up in", .bold))
            for entry in frequency.prefix(30) {
                lines.append("  " + String(entry.files).padding(toLength: 7, withPad: " ", startingAt: 0) + entry.id)
            }
            if frequency.count > 30 { lines.append("  and \(frequency.count - 30) more; the JSON report lists them all.") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func headline(_ report: Report) -> String {
        paint(Headline.brief(report, catalogue: catalogue), report.outcome == .ready ? .green : .red)
    }

    /// A file's result in a few words, for one line of a summary.
    func briefly(_ report: Report) -> String {
        let triage = BatchReport.triage(report)
        if triage == .notChecked { return headline(report) + (report.findings.first.map { " (\($0.message))" } ?? "") }
        let counts = [(Severity.mustFix, "must fix"), (.ask, "for officials to ask about"), (.advice, "advice")]
            .map { (report.count($0.0), $0.1) }.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let title = paint(triage.title.lowercased(), triage == .ready ? .green : triage == .needsFixes ? .red : .yellow)
        return counts.isEmpty ? title : title + " (" + counts.joined(separator: ", ") + ")"
    }

    func details(_ finding: Finding) -> String {
        var parts: [String] = []
        if let line = finding.line { parts.append(finding.column.map { "line \(line), column \($0)" } ?? "line \(line)") }
        parts.append(finding.id)
        if !finding.path.isEmpty { parts.append(finding.path) }
        return parts.joined(separator: " · ")
    }

    func marker(_ severity: Severity) -> String {
        switch severity {
        case .mustFix: return paint("✗ Must fix:", .red)
        case .ask: return paint("? Officials will ask:", .yellow)
        case .advice: return paint("• Advice:", .blue)
        case .info: return paint("i For information:", .dim)
        }
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
