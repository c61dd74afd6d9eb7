import Foundation

/// A set of targets a text should meet. A gate is a must; a goal is something to aim for.
/// Scores are compared after rounding to one decimal place, as they are reported.
public struct Gate: Sendable {
    /// What a target limits.
    public enum Measure: Sendable {
        case readingEase, grade, averageSentence, longestSentence, sentences, words
        case passiveSentences, passiveShare, avoidWords, checkWords

        /// The name used in failure messages.
        public var label: String {
            switch self {
            case .readingEase: return "Flesch Reading Ease"
            case .grade: return "Flesch-Kincaid grade"
            case .averageSentence: return "average sentence length (words)"
            case .longestSentence: return "longest sentence (words)"
            case .sentences: return "sentences"
            case .words: return "words"
            case .passiveSentences: return "sentences with passive voice"
            case .passiveShare: return "share of sentences with passive voice"
            case .avoidWords: return "words to avoid"
            case .checkWords: return "words to check in context"
            }
        }
    }

    /// One limit: the measure must not fall below a minimum, or rise above a maximum.
    public struct Target: Sendable {
        public let measure: Measure
        public let isMinimum: Bool
        public let limit: Double

        public static func minimum(_ measure: Measure, _ limit: Double) -> Target {
            Target(measure: measure, isMinimum: true, limit: limit)
        }

        public static func maximum(_ measure: Measure, _ limit: Double) -> Target {
            Target(measure: measure, isMinimum: false, limit: limit)
        }
    }

    /// The targets, in the order their failures are listed.
    public let targets: [Target]
    /// When true, a text without words is not judged at all (a page of headings only, say).
    public let skipsTextWithoutWords: Bool

    public init(targets: [Target], skipsTextWithoutWords: Bool = false) {
        self.targets = targets
        self.skipsTextWithoutWords = skipsTextWithoutWords
    }

    /// Must hold for one guidance page.
    public static let guidancePage = Gate(targets: [
        .minimum(.readingEase, 60), .maximum(.grade, 9), .maximum(.averageSentence, 18),
        .maximum(.longestSentence, 30), .maximum(.avoidWords, 0),
    ], skipsTextWithoutWords: true)

    /// What to aim for on one guidance page.
    public static let guidanceGoal = Gate(targets: [
        .minimum(.readingEase, 70), .maximum(.grade, 7), .maximum(.averageSentence, 15),
        .maximum(.longestSentence, 25), .maximum(.passiveShare, 0.10), .maximum(.checkWords, 0),
    ], skipsTextWithoutWords: true)

    /// Must hold for one message. Formula scores are not used here: on one or two sentences
    /// they swing by 40 points or more.
    public static let singleMessage = Gate(targets: [
        .maximum(.sentences, 2), .maximum(.words, 30), .maximum(.longestSentence, 20), .maximum(.avoidWords, 0),
    ])

    /// What to aim for in one message.
    public static let singleMessageGoal = Gate(targets: [
        .maximum(.words, 20), .maximum(.longestSentence, 15), .maximum(.passiveSentences, 0),
        .maximum(.checkWords, 0),
    ])

    /// Must hold for all the messages of a file, pooled.
    public static let pooledMessages = Gate(targets: [
        .minimum(.readingEase, 60), .maximum(.grade, 8), .maximum(.averageSentence, 14),
    ])

    /// What to aim for with all the messages of a file, pooled.
    public static let pooledMessagesGoal = Gate(targets: [
        .minimum(.readingEase, 80), .maximum(.grade, 5), .maximum(.averageSentence, 10),
        .maximum(.passiveShare, 0.10),
    ])

    /// The targets missed, in plain English, for example
    /// "Flesch Reading Ease 55.2 is below 60". Empty when every target is met. A target whose
    /// measure cannot be worked out (a score for a text without words) is not judged.
    public func failures(_ c: TextCounts) -> [String] {
        if skipsTextWithoutWords && c.words == 0 { return [] }
        var missed: [String] = []
        for t in targets {
            guard let value = Gate.value(t.measure, c) else { continue }
            if t.isMinimum ? value < t.limit : value > t.limit {
                let shown = Gate.format(value, t.measure, isLimit: false)
                let limit = Gate.format(t.limit, t.measure, isLimit: true)
                missed.append("\(t.measure.label) \(shown) is \(t.isMinimum ? "below" : "above") \(limit)")
            }
        }
        return missed
    }

    static func value(_ m: Measure, _ c: TextCounts) -> Double? {
        switch m {
        case .readingEase: return Readability.fleschReadingEase(c)
        case .grade: return Readability.fleschKincaidGrade(c)
        case .averageSentence: return Readability.averageSentence(c)
        case .longestSentence: return Double(c.longestSentence)
        case .sentences: return Double(c.sentences)
        case .words: return Double(c.words)
        case .passiveSentences: return Double(c.passiveSentences)
        case .passiveShare: return Readability.passiveShare(c)
        case .avoidWords: return Double(c.hitCount(.avoid))
        case .checkWords: return Double(c.hitCount(.check))
        }
    }

    /// Scores show one decimal, counts none, shares a whole percentage; limits that are whole
    /// numbers show none.
    static func format(_ v: Double, _ m: Measure, isLimit: Bool) -> String {
        switch m {
        case .passiveShare:
            return "\(Int((v * 100).rounded(.toNearestOrEven)))%"
        case .readingEase, .grade, .averageSentence:
            if isLimit && v == v.rounded() { return String(Int(v)) }
            return String(format: "%.1f", v)
        default:
            return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
        }
    }
}
