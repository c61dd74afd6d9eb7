import Foundation
import Readability

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

    public struct MessageCheck: Sendable {
        public var words: Int
        public var sentences: Int
        public var longestSentence: Int
        public var problems: [String]
    }

    /// The gate for one message (readability.py's figures) and the project's own words to avoid.
    public static func check(message: String) -> MessageCheck {
        let counts = Readability.measureMessage(message)
        return MessageCheck(words: counts.words, sentences: counts.sentences, longestSentence: counts.longestSentence,
                            problems: Gate.singleMessage.failures(counts) + avoidHits(in: message))
    }

    /// Words in running text, counted as readability.py counts them.
    public static func wordCount(in text: String) -> Int {
        Readability.measureMessage(text).words
    }
}
