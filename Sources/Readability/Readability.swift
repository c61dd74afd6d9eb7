// Plain-language measures (Flesch Reading Ease, Flesch-Kincaid grade, sentence lengths, passives,
// words to avoid) for Markdown pages and message catalogues.

/// Measures how easy a text is to read.
///
/// How text is counted:
/// - Markdown is reduced to running text. Front matter, fenced and indented code, HTML comments and
///   tags, images, URLs, email addresses, link targets, reference definitions, footnote markers,
///   rules and tables are left out; link text and emphasised text are kept, and a template
///   placeholder ('{name}', '%s', '{{ x }}') counts as one short word.
/// - Headings are left out of the formulas (as Flesch's method says) but searched for words to avoid.
/// - Every block and every list item ends a sentence. Inside a block a sentence ends at '.', '!' or
///   '?' followed by a space and a capital, digit or opening quote, unless the full stop closes a
///   common abbreviation ('e.g.', 'Mr.') or a single letter.
/// - A word is a run of ASCII letters or digits; hyphenated words, contractions and '1,000' are one
///   word. Figures count as one syllable; other words get a vowel-group estimate.
/// - Passive voice is a heuristic: a form of 'be' or 'get', up to two adverbs or 'not', then a past
///   participle (-ed, -en, or a listed irregular form). It misses some and flags some adjectives.
public enum Readability {
    /// Counts for one Markdown page.
    public static func measureMarkdown(_ text: String) -> TextCounts {
        var counts = TextCounts()
        for block in MarkdownBlocks.blocks(text.withoutByteOrderMark) {
            counts.avoidHits += AvoidRule.hits(in: block.text, message: false, line: block.line)
            if block.kind != .heading { addSentences(of: block.text, to: &counts) }
        }
        return counts
    }

    /// Counts for one validator message. Message-only words to avoid ('please', 'invalid') apply.
    public static func measureMessage(_ text: String) -> TextCounts {
        measureMessage(text, line: 1)
    }

    /// Counts for each message of a messages file: one message a line; blank lines and lines
    /// starting with '#' are skipped. Pool them with ``TextCounts/pooled(_:)`` to score the file.
    public static func measureMessages(_ file: String) -> [MeasuredMessage] {
        var out: [MeasuredMessage] = []
        for (index, raw) in file.withoutByteOrderMark.pythonLines().enumerated() {
            let line = raw.pythonStripped
            if line.isEmpty || line.unicodeScalars.first == "#" { continue }
            out.append(MeasuredMessage(line: index + 1, text: line, counts: measureMessage(line, line: index + 1)))
        }
        return out
    }

    private static func measureMessage(_ text: String, line: Int) -> TextCounts {
        let cleaned = InlineText.clean(text.pythonStripped)
        var counts = TextCounts()
        counts.avoidHits = AvoidRule.hits(in: cleaned, message: true, line: line)
        addSentences(of: cleaned, to: &counts)
        return counts
    }

    private static func addSentences(of block: String, to counts: inout TextCounts) {
        for sentence in Sentences.split(block) {
            let words = Sentences.words(sentence)
            if words.isEmpty { continue }
            var c = TextCounts()
            c.words = words.count
            c.sentences = 1
            c.syllables = words.reduce(0) { $0 + Syllables.inWord($1) }
            c.longestSentence = words.count
            c.longestSentenceText = sentence
            c.passivePhrases = Sentences.passivePhrases(words)
            c.passiveSentences = c.passivePhrases.isEmpty ? 0 : 1
            counts.add(c)
        }
    }

    /// Flesch Reading Ease: 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
    /// Higher is easier; 60 to 70 is plain English. Rounded to one decimal place, the figure that
    /// is reported and compared with targets. Nil when there are no words.
    public static func fleschReadingEase(_ c: TextCounts) -> Double? {
        guard let (perSentence, perWord) = ratios(c) else { return nil }
        return pythonRound1(206.835 - 1.015 * perSentence - 84.6 * perWord)
    }

    /// Flesch-Kincaid grade: 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59.
    /// A US school grade; add 5 for a rough UK reading age. Rounded to one decimal place.
    public static func fleschKincaidGrade(_ c: TextCounts) -> Double? {
        guard let (perSentence, perWord) = ratios(c) else { return nil }
        return pythonRound1(0.39 * perSentence + 11.8 * perWord - 15.59)
    }

    /// Words per sentence, rounded to one decimal place.
    public static func averageSentence(_ c: TextCounts) -> Double? {
        guard let (perSentence, _) = ratios(c) else { return nil }
        return pythonRound1(perSentence)
    }

    /// The share of sentences with a likely passive, from 0 to 1 (not rounded).
    public static func passiveShare(_ c: TextCounts) -> Double? {
        c.sentences == 0 ? nil : Double(c.passiveSentences) / Double(c.sentences)
    }

    private static func ratios(_ c: TextCounts) -> (Double, Double)? {
        guard c.words > 0, c.sentences > 0 else { return nil }
        return (Double(c.words) / Double(c.sentences), Double(c.syllables) / Double(c.words))
    }
}
