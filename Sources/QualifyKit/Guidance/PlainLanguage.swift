import Foundation

/// Counts for the writing standard in plain-language.md: sentences, words and words to avoid.
/// The same counting serves the message tests and, later, the guidance lint.
public enum PlainLanguage {
    /// Words and phrases a message must never use, with the reason shown when one does.
    public static let avoid: [(pattern: String, reason: String)] = [
        ("\\bplease\\b", "no 'please'"), ("\\bsorry\\b", "no 'sorry'"), ("\\boops\\b", "no 'oops'"),
        ("\\b(in)?valid\\b", "say what is wrong instead of 'valid' or 'invalid'"),
        ("\\b(forbidden|illegal|prohibited)\\b", "no legal-sounding words"),
        ("\\byou forgot\\b", "no blame"), ("\\belements?\\b", "no 'element'"), ("\\battributes?\\b", "no 'attribute'"),
        ("\\bschemas?\\b", "no 'schema'"), ("\\bregex\\b", "no 'regex'"), ("\\bnull\\b", "no 'null'"),
        ("\\bxpath\\b", "no XPath"), ("\\bjson pointer\\b", "no JSON Pointer"), ("\\bnamespaces?\\b", "no 'namespace'"),
        ("\\bfacets?\\b", "no 'facet'"), ("\\b(e\\.g\\.|i\\.e\\.|etc\\.)", "no Latin abbreviations"),
        ("\\b\\w+n't\\b", "no contractions: write 'cannot', 'do not'"),
        ("\\b(stack trace|exception)\\b", "no program internals"),
    ]

    public static func avoidHits(in text: String) -> [String] {
        avoid.compactMap { entry in
            text.range(of: entry.pattern, options: [.regularExpression, .caseInsensitive]) != nil ? entry.reason : nil
        }
    }

    /// Sentences end at . ? or ! followed by a space and a capital, digit or quote, or at the end.
    public static func sentences(in text: String) -> [String] {
        let marked = text.replacingOccurrences(of: "([.?!])\\s+(?=[A-Z0-9'\"‘“(])", with: "$1\u{1F}", options: .regularExpression)
        return marked.split(separator: "\u{1F}").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func words(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "@" || $0 == ".") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'’.-")) }
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    public struct MessageCheck: Sendable {
        public var words: Int
        public var sentences: Int
        public var longestSentence: Int
        public var avoided: [String]

        /// The gate in plain-language.md for one message.
        public var problems: [String] {
            var result: [String] = []
            if sentences > 2 { result.append("\(sentences) sentences (at most 2)") }
            if words > 30 { result.append("\(words) words (at most 30)") }
            if longestSentence > 20 { result.append("a sentence of \(longestSentence) words (at most 20)") }
            return result + avoided
        }
    }

    public static func check(message: String) -> MessageCheck {
        let parts = sentences(in: message)
        return MessageCheck(words: words(in: message).count, sentences: parts.count,
                            longestSentence: parts.map { words(in: $0).count }.max() ?? 0,
                            avoided: avoidHits(in: message))
    }
}
