/// The line that sums up one file's result, worded in the message catalogue so that it is
/// reviewed, measured and translated with every other message, and reads the same everywhere.
public enum Headline {
    /// For a terminal, after the file's name: "3 things to fix before you submit, and 2 more below."
    public static func brief(_ report: Report, catalogue: MessageCatalogue) -> String {
        switch report.outcome {
        case .notChecked:
            return catalogue.render("headline.not-checked", [:], sentenceCase: false)
        case .ready:
            let notes = report.findings.count
            let key = notes == 0 ? "headline.ready" : notes == 1 ? "headline.ready.one-note" : "headline.ready.notes"
            return catalogue.render(key, ["count": String(notes)], sentenceCase: false)
        case .needsFixes:
            let fix = report.count(.mustFix), more = report.findings.count - fix
            let key = "headline.fix" + (fix == 1 ? ".one" : "") + (more > 0 ? ".more" : "")
            return catalogue.render(key, ["count": String(fix), "more": String(more)], sentenceCase: false)
        }
    }

    /// For a page, above the findings: what to do next.
    public static func advice(_ report: Report, catalogue: MessageCatalogue) -> String {
        catalogue.render("headline.page." + BatchReport.triage(report).rawValue, [:])
    }
}
