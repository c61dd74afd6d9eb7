import Foundation

/// Reads the guidance, runs every example once, and serves both the booklet and the lint.
public struct GuidanceReview: Sendable {
    public let kit: Kit
    public let library: GuidanceLibrary
    public let outcomes: [ExampleRunner.Outcome]
    public let coverage: Coverage

    public init(kit: Kit) {
        self.kit = kit
        library = GuidanceLibrary(folder: kit.root.appendingPathComponent("guidance"))
        let runner = ExampleRunner(kit: kit)
        outcomes = library.pages(of: .rule).flatMap(runner.run)
        coverage = Coverage(library: library, kit: kit, outcomes: outcomes)
    }

    public func booklet(stylesheet: String? = nil) -> String {
        Booklet(kit: kit, library: library, outcomes: outcomes, coverage: coverage, readability: pageScores()).html(stylesheet: stylesheet)
    }

    public struct LintReport: Sendable {
        public let text: String
        public let passed: Bool
    }

    public func lint() -> LintReport {
        var lines: [String] = []
        var failed = false
        lines.append("Coverage: \(RuleEngine.rules.count) rules, \(Coverage.findingIDs(kit.catalogue).count) kinds of finding, "
            + "\(library.pages.count) pages, \(outcomes.count) examples run.")
        for problem in coverage.problems + PlaceholderReview.problems(kit: kit, library: library) {
            lines.append("  ✗ \(problem)")
            failed = true
        }
        let plain = PlainLanguageReview(kit: kit, library: library)
        lines += plain.lines
        lines.append(ShownMessages.line(ShownMessages.collect(kit: kit, outcomes: outcomes)))
        failed = failed || !plain.passed
        lines.append(failed ? "The guidance needs work: see the lines marked ✗." : "The guidance passes every check.")
        return LintReport(text: lines.joined(separator: "\n") + "\n", passed: !failed)
    }

    func pageScores() -> [String: PageReadability] {
        PlainLanguageReview(kit: kit, library: library).pageScores
    }
}
