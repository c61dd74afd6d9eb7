/// One use of a word or phrase from the words-to-avoid list.
public struct AvoidHit: Sendable, Equatable {
    /// How much a hit matters.
    public enum Severity: String, Sendable, Equatable {
        /// Almost never needed; a gate fails on it.
        case avoid
        /// Fine in some senses (a key that opens a lock); for a person to judge.
        case check
    }

    /// The list entry, for example "in order to" or "Latin abbreviations".
    public let label: String
    /// The text as it was found, for example "In order to".
    public let text: String
    /// What to write instead.
    public let suggestion: String
    public let severity: Severity
    /// The 1-based line where the block holding the hit starts (for a message, its line).
    public let line: Int

    public init(label: String, text: String, suggestion: String, severity: Severity, line: Int) {
        self.label = label
        self.text = text
        self.suggestion = suggestion
        self.severity = severity
        self.line = line
    }
}

/// The counts behind every measure. Counts add up, so a folder or a set of messages is scored on
/// its pooled counts, not on an average of scores.
public struct TextCounts: Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Words in the longest sentence.
    public var longestSentence = 0
    /// The longest sentence itself (the first one, when several are equally long).
    public var longestSentenceText = ""
    /// Sentences with at least one likely passive construction.
    public var passiveSentences = 0
    /// Every likely passive phrase, such as "is sent" or "was not given", in reading order.
    public var passivePhrases: [String] = []
    /// Words to avoid, in reading order; headings are searched too.
    public var avoidHits: [AvoidHit] = []

    public init() {}

    /// Pools `other` into these counts.
    public mutating func add(_ other: TextCounts) {
        words += other.words
        sentences += other.sentences
        syllables += other.syllables
        passiveSentences += other.passiveSentences
        passivePhrases += other.passivePhrases
        avoidHits += other.avoidHits
        if other.longestSentence > longestSentence {
            longestSentence = other.longestSentence
            longestSentenceText = other.longestSentenceText
        }
    }

    /// The pooled counts of several texts.
    public static func pooled<S: Sequence>(_ parts: S) -> TextCounts where S.Element == TextCounts {
        parts.reduce(into: TextCounts()) { $0.add($1) }
    }

    /// How many hits have the given severity.
    public func hitCount(_ severity: AvoidHit.Severity) -> Int {
        avoidHits.lazy.filter { $0.severity == severity }.count
    }
}

/// One message of a messages file, with its counts.
public struct MeasuredMessage: Sendable, Equatable {
    /// The 1-based line of the message in the file.
    public let line: Int
    /// The message as written, without surrounding space.
    public let text: String
    public let counts: TextCounts
}
