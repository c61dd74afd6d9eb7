import Foundation

/// The machine-readable report, following schemas/report-1.0.schema.json.
public enum JSONReport {
    public static let version = "1.0"

    struct Document: Encodable {
        let reportVersion = JSONReport.version
        let provenance: Provenance
        let summary: Summary
        let files: [File]
        let ruleFrequency: [Frequency]
        let skipped: Int
        let skippedFiles: [String]
        let summaryOnly: Bool
    }

    struct Summary: Encodable {
        let files, ready, needsFixes, needsReview, notChecked: Int
    }

    struct File: Encodable {
        let file: String
        let format: String?
        let outcome: String
        let triage: String
        let counts: [String: Int]
        let findings: [Item]
    }

    struct Item: Encodable {
        let id, severity, message, section, path, guidance: String
        let place, value: String?
        let line, column: Int?
        let waitingRules: [String]?
    }

    struct Frequency: Encodable {
        let id: String
        let files: Int
    }

    /// `summaryOnly`: each file with its triage and counts, without its findings (for a large batch).
    public static func render(_ batch: BatchReport, summaryOnly: Bool = false) -> String {
        let document = Document(
            provenance: batch.provenance,
            summary: Summary(files: batch.reports.count, ready: batch.count(.ready), needsFixes: batch.count(.needsFixes),
                             needsReview: batch.count(.needsReview), notChecked: batch.count(.notChecked)),
            files: (summaryOnly ? batch.worstFirst : batch.reports).map { report in
                File(file: report.file, format: report.format?.rawValue, outcome: report.outcome.rawValue,
                     triage: BatchReport.triage(report).rawValue,
                     counts: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, report.count($0)) }),
                     findings: summaryOnly ? [] : report.findings.map { finding in
                         Item(id: finding.id, severity: finding.severity.rawValue, message: finding.message,
                              section: finding.section, path: finding.path, guidance: finding.guidancePage,
                              place: finding.place, value: finding.value, line: finding.line, column: finding.column,
                              waitingRules: finding.waiting)
                     })
            },
            ruleFrequency: batch.frequency.map { Frequency(id: $0.id, files: $0.files) },
            skipped: batch.skipped.count, skippedFiles: batch.skipped, summaryOnly: summaryOnly)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}
