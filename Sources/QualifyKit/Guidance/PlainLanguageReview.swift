import Foundation

/// The second half of `qualify guidance lint`: every message and every page measured against
/// the writing standard in plain-language.md.
struct PlainLanguageReview {
    var lines: [String] = []
    var passed = true
    var pageScores: [String: PageReadability] = [:]

    init(kit: Kit, library: GuidanceLibrary) {
        let samples = MessageSamples.all(kit: kit)
        var failing: [String] = []
        for (source, message) in samples {
            let problems = PlainLanguage.check(message: message).problems
            if !problems.isEmpty { failing.append("  ✗ \(source): \(problems.joined(separator: "; ")) — \(message)") }
        }
        lines.append("Messages: \(samples.count) measured with real labels; \(failing.count) miss the gate for one message.")
        lines += failing.prefix(50)
        if !failing.isEmpty { passed = false }
    }
}
