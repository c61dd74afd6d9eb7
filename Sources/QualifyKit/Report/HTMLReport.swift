import Foundation

/// One self-contained, accessible, printable page, following the GOV.UK error summary pattern:
/// "There is a problem" first, linking to each thing that must be fixed.
public enum HTMLReport {
    public static func render(_ batch: BatchReport, summaryOnly: Bool = false) -> String {
        var body = "<h1>Qualify report</h1>\n"
        let blocking = summaryOnly ? [] : batch.reports.enumerated().flatMap { fileIndex, report in
            report.findings.enumerated().filter { $0.element.severity.blocks }.map { (fileIndex, $0.offset, report, $0.element) }
        }
        if !blocking.isEmpty {
            body += "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">"
                + "<h2 id=\"error-summary-title\">There is a problem</h2><ul>"
            for (fileIndex, findingIndex, report, finding) in blocking {
                let prefix = batch.reports.count > 1 ? "\(HTMLPage.escape(report.file)): " : ""
                body += "<li><a href=\"#\(anchor(fileIndex, findingIndex))\">\(prefix)\(HTMLPage.escape(finding.message))</a></li>"
            }
            body += "</ul></div>\n"
        }
        body += "<table><caption>Summary</caption><thead><tr><th scope=\"col\">Result</th><th scope=\"col\">Files</th></tr></thead><tbody>"
        for triage in BatchReport.Triage.allCases {
            body += "<tr><td>\(triage.title)</td><td>\(batch.count(triage))</td></tr>"
        }
        body += "</tbody></table>\n"
        if summaryOnly { body += fileTable(batch) }
        for (fileIndex, report) in batch.reports.enumerated() where !summaryOnly {
            body += "<section aria-labelledby=\"file-\(fileIndex)\"><h2 id=\"file-\(fileIndex)\">\(HTMLPage.escape(report.file))</h2>"
            body += "<p class=\"lead\">\(BatchReport.triage(report).title).</p>"
            var section: String?
            for (findingIndex, finding) in report.findings.enumerated() {
                if finding.section != section {
                    section = finding.section
                    body += "<h3>\(HTMLPage.escape(finding.section))</h3>"
                }
                body += "<div class=\"finding \(finding.severity.rawValue)\" id=\"\(anchor(fileIndex, findingIndex))\">"
                    + "<p class=\"severity\">\(finding.severity.title)</p><p>\(HTMLPage.escape(finding.message))</p>"
                    + "<p class=\"meta\">\(HTMLPage.escape(details(finding)))</p></div>"
            }
            body += "</section>\n"
        }
        body += "<p class=\"meta\">Made by qualify \(batch.provenance.toolVersion), form version \(batch.provenance.submissionSchemaVersion), "
            + "guidance \(HTMLPage.escape(batch.provenance.guidanceVersion)), "
            + "rules \(batch.provenance.rulesHash.prefix(19)), assumptions \(batch.provenance.configurationHash.prefix(19)).</p>"
        return HTMLPage.page(title: "Qualify report", body: body)
    }

    /// One row for each file, worst first: `--summary-only`.
    static func fileTable(_ batch: BatchReport) -> String {
        var out = "<table><caption>Files, worst first</caption><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Result</th>"
            + "<th scope=\"col\">Must fix</th><th scope=\"col\">Officials will ask</th></tr></thead><tbody>"
        for report in batch.worstFirst {
            out += "<tr><td>\(HTMLPage.escape(report.file))</td><td>\(BatchReport.triage(report).title)</td>"
                + "<td>\(report.count(.mustFix))</td><td>\(report.count(.ask))</td></tr>"
        }
        out += "</tbody></table>\n"
        if !batch.skipped.isEmpty {
            out += "<p>Left out (not .xml or .json): \(batch.skipped.map(HTMLPage.escape).joined(separator: ", "))</p>\n"
        }
        return out
    }

    static func anchor(_ file: Int, _ finding: Int) -> String { "finding-\(file)-\(finding)" }

    static func details(_ finding: Finding) -> String {
        var parts: [String] = []
        if let line = finding.line { parts.append(finding.column.map { "Line \(line), column \($0)" } ?? "Line \(line)") }
        parts.append(finding.id)
        if !finding.path.isEmpty { parts.append(finding.path) }
        return parts.joined(separator: " · ")
    }
}

/// The page shell shared by the report and the booklet: no scripts, no outside files.
public enum HTMLPage {
    public static func escape(_ text: String) -> String { Markup.escape(text) }

    public static let style = """
        body { font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.45; color: #0b0c0c; max-width: 48em; margin: 0 auto; padding: 1em; }
        h1 { font-size: 2.2em; } h2 { font-size: 1.7em; border-top: 4px solid #0b0c0c; padding-top: .5em; margin-top: 2em; }
        h3 { font-size: 1.3em; margin-top: 1.6em; } a { color: #1d70b8; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
        code, pre { font-family: "Courier New", monospace; font-size: .9em; background: #f3f2f1; }
        pre { padding: .8em; overflow-x: auto; white-space: pre-wrap; }
        .lead { font-size: 1.2em; } .meta { color: #505a5f; } .bad { color: #d4351c; font-weight: bold; }
        .error-summary { border: 5px solid #d4351c; padding: 1em; margin-bottom: 1.5em; } .error-summary h2 { border: 0; margin-top: 0; padding: 0; }
        .error-summary a { color: #d4351c; font-weight: bold; }
        .finding { border-left: 5px solid #b1b4b6; padding-left: .8em; margin: 1em 0; } .finding.must-fix { border-color: #d4351c; }
        .finding.ask { border-color: #f47738; } .severity { font-weight: bold; margin-bottom: 0; }
        article { border-bottom: 1px solid #b1b4b6; padding-bottom: 1em; } q { display: block; margin: .3em 0 .3em 1em; border-left: 4px solid #b1b4b6; padding-left: .6em; }
        table { border-collapse: collapse; width: 100%; font-size: .8em; } caption { text-align: left; font-weight: bold; font-size: 1.2em; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: .3em; text-align: left; vertical-align: top; }
        @media print { body { font-size: 12pt; max-width: none; } h2 { page-break-after: avoid; } article, .finding { page-break-inside: avoid; } a { color: #0b0c0c; } }
        """

    /// A page with its style inside it, or linked when `stylesheet` is given (for a server whose
    /// content security policy refuses inline styles).
    public static func page(title: String, body: String, stylesheet: String? = nil) -> String {
        let styling = stylesheet.map { "<link rel=\"stylesheet\" href=\"\(escape($0))\">" } ?? "<style>\n\(style)\n</style>"
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        \(styling)
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
