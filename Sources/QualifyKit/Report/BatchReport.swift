import Crypto
import Foundation

extension SHA256 {
    static func hex(_ bytes: [UInt8]) -> String {
        hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// Every file's report from one run, with the triage and rule frequency officials need to
/// pre-screen a batch, and where the result came from.
public struct BatchReport: Sendable {
    public enum Triage: String, Codable, Sendable, CaseIterable {
        case ready
        case needsFixes = "needs-fixes"
        /// Nothing must be fixed, but officials have something to judge or ask about.
        case needsReview = "needs-review"
        case notChecked = "not-checked"

        public var title: String {
            switch self {
            case .ready: return "Ready"
            case .needsFixes: return "Needs fixes"
            case .needsReview: return "Needs reviewer judgement"
            case .notChecked: return "Could not be checked"
            }
        }
    }

    public let reports: [Report]
    /// Files in the folders given that were left out (not .xml or .json), by name.
    public let skipped: [String]
    /// Made when a report first needs it: hashing the rules and assumptions is a noticeable
    /// part of checking one small file, and the terminal's report never shows it.
    public var provenance: Provenance { lazyProvenance.value }
    private let lazyProvenance: Once<Provenance>

    /// Each report's triage, worked out once: the summary asks for it several times a file.
    private let triages: [Triage]

    public init(reports: [Report], skipped: [String] = [], provenance: @autoclosure @escaping @Sendable () -> Provenance) {
        self.reports = reports
        triages = reports.map(Self.triage)
        self.skipped = skipped
        lazyProvenance = Once(provenance)
    }

    public static func triage(_ report: Report) -> Triage {
        switch report.outcome {
        case .notChecked: return .notChecked
        case .needsFixes: return .needsFixes
        case .ready: return report.has(.ask) ? .needsReview : .ready
        }
    }

    public func count(_ triage: Triage) -> Int { triages.reduce(0) { $0 + ($1 == triage ? 1 : 0) } }

    /// Every report, worst first (could not be checked, needs fixes, needs review, ready), then
    /// by how much there is to fix, then by name: the order an official works through a batch.
    public var worstFirst: [Report] {
        func rank(_ triage: Triage) -> Int { [.notChecked, .needsFixes, .needsReview, .ready].firstIndex(of: triage) ?? 4 }
        // Each report's place worked out once, not at every comparison of the sort.
        let keys = reports.indices.map { (rank: rank(triages[$0]), mustFix: reports[$0].count(.mustFix), ask: reports[$0].count(.ask)) }
        return reports.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a.rank != b.rank { return a.rank < b.rank }
            if a.mustFix != b.mustFix { return a.mustFix > b.mustFix }
            if a.ask != b.ask { return a.ask > b.ask }
            return reports[i].file < reports[j].file
        }.map { reports[$0] }
    }

    /// Which findings came up in how many files (not how many times), most common first: where
    /// the guidance is not working.
    public var frequency: [(id: String, files: Int)] {
        var counts: [String: Int] = [:]
        for report in reports {
            for id in Set(report.findings.map(\.id)) { counts[id, default: 0] += 1 }
        }
        return counts.map { ($0.key, $0.value) }.sorted { $0.files != $1.files ? $0.files > $1.files : $0.id < $1.id }
    }

    /// Exit status for `--fail-on`: 0, or 1 when any file has a finding at that level or worse,
    /// or 2 when any file could not be checked.
    public func exitStatus(failOn: Severity) -> Int32 {
        if reports.contains(where: { $0.outcome == .notChecked }) { return 2 }
        let failing = reports.contains { report in report.findings.contains { $0.severity <= failOn } }
        return failing ? 1 : 0
    }
}

/// What produced a result: the tool, the form version, and fingerprints of the rules and the
/// assumptions, so two results can be compared knowing whether the checks were the same.
public struct Provenance: Codable, Sendable, Equatable {
    public let tool: String
    public let toolVersion: String
    public let submissionSchemaVersion: String
    /// The version of the guidance whose words the findings use (guidance/VERSION).
    public let guidanceVersion: String
    public let rulesHash: String
    public let configurationHash: String

    public init(tool: String = "qualify", toolVersion: String, submissionSchemaVersion: String, guidanceVersion: String = "unversioned",
                rulesHash: String, configurationHash: String) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.submissionSchemaVersion = submissionSchemaVersion
        self.guidanceVersion = guidanceVersion
        self.rulesHash = rulesHash
        self.configurationHash = configurationHash
    }

    public init(kit: Kit, configuration: Configuration) {
        tool = "qualify"
        toolVersion = QualifyVersion.tool
        submissionSchemaVersion = kit.model.versions.first ?? ""
        guidanceVersion = kit.guidanceVersion
        let rules = RuleEngine.rules.map { "\($0.id) \($0.severity.rawValue) \($0.assumption ?? "-")" }.joined(separator: "\n")
        rulesHash = "sha256:" + SHA256.hex(Array(rules.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        configurationHash = "sha256:" + SHA256.hex([UInt8]((try? encoder.encode(configuration)) ?? Data()))
    }
}
