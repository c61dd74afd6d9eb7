import Foundation
import QualifyDocument

/// Runs a rule page's examples through the whole checker, exactly as a person's file would be,
/// and compares what the rule flags with what the page says it flags.
public struct ExampleRunner: Sendable {
    public struct Outcome: Sendable {
        public let page: String
        public let example: RuleExample
        /// Findings of this page's rule, in the order the checker gave them.
        public let findings: [Finding]
        /// Why the example does not behave as written; nil when it does.
        public let failure: String?

        public var behavesAsWritten: Bool { failure == nil }
    }

    let kit: Kit

    public init(kit: Kit) {
        self.kit = kit
    }

    public func run(_ page: GuidancePage) -> [Outcome] {
        page.examples.map { run($0, of: page) }
    }

    /// The example's submission and settings, or why they cannot be made.
    func prepare(_ example: RuleExample) -> Result<(text: String, configuration: Configuration), GuidancePage.FormatError> {
        let baseline = kit.root.appendingPathComponent("examples/valid/\(example.baseline).json")
        guard let data = FileManager.default.contents(atPath: baseline.path),
              case .success(let root) = JSONReader.parse([UInt8](data)[...]) else {
            return .failure(.init(description: "its baseline examples/valid/\(example.baseline).json cannot be read"))
        }
        do {
            let configuration = try example.configuration.map {
                try ConfigurationReader(file: "config").read($0, over: kit.configuration)
            } ?? kit.configuration
            return .success((JSONWriter.write(example.apply(to: root)), configuration))
        } catch {
            return .failure(.init(description: "its config cannot be read: \(error)"))
        }
    }

    public func run(_ example: RuleExample, of page: GuidancePage) -> Outcome {
        func broken(_ reason: String) -> Outcome { Outcome(page: page.id, example: example, findings: [], failure: reason) }
        let text: String, configuration: Configuration
        switch prepare(example) {
        case .success(let prepared): (text, configuration) = prepared
        case .failure(let error): return broken(error.description)
        }
        var checker = Checker(kit: kit)
        checker.configuration = configuration
        let report = checker.check(bytes: Array(text.utf8), file: "\(page.id) example \(example.number)")
        let mine = report.findings.filter { $0.id == page.id }
        let flagged = Set(mine.map(\.path)), expected = Set(example.flags.map(\.description))
        if flagged == expected { return Outcome(page: page.id, example: example, findings: mine, failure: nil) }
        let held = report.findings.filter { $0.id == "rule.not-checked" && ($0.waiting ?? []).contains(page.id) }
        var reason = "it flags \(flagged.isEmpty ? "nothing" : flagged.sorted().joined(separator: ", "))"
            + " but the page says \(expected.isEmpty ? "nothing" : expected.sorted().joined(separator: ", "))"
        if let first = held.first { reason += "; the rule waited on \(first.path)" }
        return Outcome(page: page.id, example: example, findings: mine, failure: reason)
    }
}
