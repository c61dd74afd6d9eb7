import Foundation
import Readability

/// The second half of `qualify guidance lint`: every message and every page measured against
/// the writing standard in plain-language.md, with the same figures as readability.py.
struct PlainLanguageReview {
    var lines: [String] = []
    var passed = true
    var pageScores: [String: PageReadability] = [:]

    init(kit: Kit, library: GuidanceLibrary) {
        reviewPages(library, configuration: kit.configuration)
        reviewMessages(kit)
    }

    private mutating func reviewPages(_ library: GuidanceLibrary, configuration: Configuration) {
        var all: [TextCounts] = []
        var failing: [String] = []
        var shortOfGoals: [String] = []
        for page in library.pages {
            // Measured as a person reads it: with the settings' values in place of their placeholders.
            let text = PageSettings.fill((try? String(contentsOf: page.file, encoding: .utf8)) ?? "",
                                         rule: page.kind == .rule ? page.id : nil, configuration: configuration)
            let counts = Readability.measureMarkdown(text)
            all.append(counts)
            if let ease = Readability.fleschReadingEase(counts), let grade = Readability.fleschKincaidGrade(counts) {
                pageScores[page.id] = PageReadability(readingEase: ease, grade: grade)
            }
            let failures = Gate.guidancePage.failures(counts)
            if !failures.isEmpty { failing.append("  ✗ \(page.file.lastPathComponent): \(failures.joined(separator: "; "))") }
            let misses = Gate.guidanceGoal.failures(counts)
            if failures.isEmpty && !misses.isEmpty {
                shortOfGoals.append("  · \(page.file.lastPathComponent) misses a goal: \(misses.joined(separator: "; "))")
            }
        }
        let pooled = TextCounts.pooled(all)
        lines.append("Pages: \(library.pages.count) measured; together " + Self.figures(pooled)
            + ". \(failing.count) miss the gate; \(shortOfGoals.count) meet the gate but not every goal.")
        // Goals do not fail the lint, but reviewers need to know which pages to work on next.
        lines += failing + shortOfGoals
        if !failing.isEmpty { passed = false }
    }

    private mutating func reviewMessages(_ kit: Kit) {
        let samples = MessageSamples.all(kit: kit)
        var failing: [String] = []
        var counts: [TextCounts] = []
        for (source, message) in samples {
            let measured = Readability.measureMessage(message)
            counts.append(measured)
            let problems = Gate.singleMessage.failures(measured) + PlainLanguage.avoidHits(in: message)
            if !problems.isEmpty { failing.append("  ✗ \(source): \(problems.joined(separator: "; ")) — \(message)") }
        }
        let pooled = TextCounts.pooled(counts)
        let pooledFailures = Gate.pooledMessages.failures(pooled)
        let goalMisses = Gate.pooledMessagesGoal.failures(pooled)
        lines.append("Messages: \(samples.count) measured with real labels; together " + Self.figures(pooled)
            + ". \(failing.count) miss the gate for one message.")
        lines += failing.prefix(50)
        for failure in pooledFailures { lines.append("  ✗ All messages together: \(failure)") }
        for miss in goalMisses { lines.append("  · All messages together miss a goal: \(miss)") }
        if !failing.isEmpty || !pooledFailures.isEmpty { passed = false }
    }

    static func figures(_ counts: TextCounts) -> String {
        let ease = Readability.fleschReadingEase(counts).map { String(format: "%.1f", $0) } ?? "-"
        let grade = Readability.fleschKincaidGrade(counts).map { String(format: "%.1f", $0) } ?? "-"
        let average = Readability.averageSentence(counts).map { String(format: "%.1f", $0) } ?? "-"
        return "reading ease \(ease), grade \(grade), \(average) words a sentence on average"
    }
}
