/// Findings as plain text for a terminal, grouped by form section, most serious first.
public struct TextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
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

    public func summary(_ reports: [Report]) -> String {
        let ready = reports.filter { $0.outcome == .ready }.count
        let fixes = reports.filter { $0.outcome == .needsFixes }.count
        let unchecked = reports.filter { $0.outcome == .notChecked }.count
        var parts = ["\(reports.count) \(reports.count == 1 ? "file" : "files") checked", "\(ready) ready",
                     "\(fixes) \(fixes == 1 ? "needs" : "need") fixes"]
        if unchecked > 0 { parts.append("\(unchecked) could not be checked") }
        return parts.joined(separator: ", ") + ".\n"
    }

    func headline(_ report: Report) -> String {
        switch report.outcome {
        case .notChecked: return paint("could not be checked", .red)
        case .ready:
            let notes = report.findings.count
            return paint("ready", .green) + (notes == 0 ? ". Nothing blocks this submission." : ", with \(notes) \(notes == 1 ? "note" : "notes") below.")
        case .needsFixes:
            let fix = report.count(.mustFix)
            return paint("\(fix) \(fix == 1 ? "thing" : "things") to fix before you submit", .red)
                + (report.findings.count > fix ? ", and \(report.findings.count - fix) more below." : ".")
        }
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
