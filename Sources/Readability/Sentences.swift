// Sentences, words and the passive-voice heuristic.

enum Sentences {
    /// A sentence ends at '.', '!' or '?' (and any closing quotes or brackets) followed by space and
    /// something that can start a sentence: a capital, a digit, an opening quote, a pound or dollar sign.
    private static let boundary = PyRegex(
        #"(?<=[.!?])["'\u2019\u201d)\]]*\s+(?=["'\u2018\u201c(\[]*[A-Z0-9\u00a3$])"#)
    private static let lastWordBeforeStop = PyRegex(#"([A-Za-z][A-Za-z.]*)\.["'\u2019\u201d)\]]*$"#)

    /// A full stop after these does not end a sentence ('e.g. Section 2', 'Mr. Smith').
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "approx", "ltd",
        "co", "inc", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "para", "paras", "sec", "fig", "ref", "p", "pp", "cf", "al",
    ]

    /// A run of letters or digits; apostrophes, hyphens and full stops inside it, and thousands
    /// commas ('1,000'), keep it one word.
    private static let word = PyRegex(#"[A-Za-z0-9]+(?:(?:['\u2019\-.]|,(?=\d{3}(?!\d)))[A-Za-z0-9]+)*"#)

    static func containsWord(_ text: String) -> Bool { word.search(text) != nil }

    static func words(_ sentence: String) -> [String] { word.findAll(sentence) }

    /// Splits one block of running text into sentences; pieces without a word are dropped.
    static func split(_ block: String) -> [String] {
        var out: [String] = []
        for piece in boundary.split(block) {
            if let previous = out.last {
                var last = (lastWordBeforeStop.search(previous)?[1] ?? "").lowercased()
                while last.hasSuffix(".") { last.removeLast() }
                // Single letters are initials ('J. Smith') or list labels ('option a.').
                if abbreviations.contains(last) || (last.count == 1 && last.first!.isLetter) {
                    out[out.count - 1] = previous + " " + piece
                    continue
                }
            }
            out.append(piece)
        }
        return out.filter(containsWord).map(\.pythonStripped)
    }

    // MARK: Passive voice

    static let beForms: Set<String> = [
        "am", "is", "are", "was", "were", "be", "been", "being",
        "get", "gets", "got", "gotten", "getting",
        "isn't", "aren't", "wasn't", "weren't",
    ]
    /// Adverbs (and 'not') that may stand between the form of 'be' and the participle.
    static let skippable: Set<String> = [
        "not", "also", "still", "never", "always", "already", "then", "only", "usually",
        "often", "normally", "automatically", "now", "just", "sometimes", "currently",
        "typically", "generally", "mostly", "fully", "properly", "correctly", "clearly",
        "being", "been", "be", "therefore", "thus", "later", "first", "again",
    ]
    static let irregularParticiples: Set<String> = [
        "made", "done", "sent", "given", "taken", "shown", "paid", "held", "kept", "found",
        "told", "known", "seen", "written", "chosen", "brought", "bought", "built", "left",
        "lost", "met", "put", "read", "set", "sold", "spent", "thought", "understood", "won",
        "begun", "broken", "drawn", "driven", "forgotten", "frozen", "grown", "hidden",
        "ridden", "risen", "shaken", "spoken", "stolen", "sworn", "thrown", "worn", "woken",
        "cut", "hit", "let", "shut", "said", "heard", "taught", "caught", "sought", "felt",
        "meant", "lent", "dealt", "led", "fed", "bound", "ground", "wound", "struck", "stuck",
        "hung", "laid", "run", "withdrawn", "overturned", "undertaken", "overseen", "upheld",
    ]
    /// Words ending in -ed or -en that are rarely participles, or that read as adjectives.
    static let notParticiples: Set<String> = [
        "been", "even", "often", "open", "seven", "eleven", "ten", "then", "when", "than",
        "oven", "garden", "women", "men", "children", "citizen", "citizens", "token", "kitten",
        "listen", "happen", "heaven", "linen", "red", "bed", "shed", "need", "seed", "feed",
        "speed", "indeed", "hundred", "sacred", "naked", "wicked", "rugged", "interested",
        "tired", "pleased", "worried", "excited", "married", "supposed", "used", "aged",
        "united", "limited", "detailed", "experienced", "qualified", "skilled", "talented",
        "sufficient", "shared", "dedicated",
    ]

    /// The phrases in a sentence's words that look passive: a form of 'be' or 'get' (or a word
    /// ending in 're or 'm), up to two skippable words, then a past participle.
    static func passivePhrases(_ words: [String]) -> [String] {
        let low = words.map(foldedForPassive)
        var found: [String] = []
        for (index, w) in low.enumerated() {
            guard beForms.contains(w) || w.hasSuffix("'re") || w.hasSuffix("'m") else { continue }
            var j = index + 1
            var skipped = 0
            while j < low.count, skipped < 2,
                  skippable.contains(low[j]) || (low[j].hasSuffix("ly") && low[j].unicodeScalars.count > 4) {
                j += 1
                skipped += 1
            }
            guard j < low.count else { continue }
            let candidate = low[j]
            let lettersOnly = candidate.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
            if notParticiples.contains(candidate) || !lettersOnly { continue }
            let regular = candidate.unicodeScalars.count > 3 && (candidate.hasSuffix("ed") || candidate.hasSuffix("en"))
            if irregularParticiples.contains(candidate) || regular {
                found.append(words[index...j].joined(separator: " "))
            }
        }
        return found
    }

    /// Lower case with a plain apostrophe. Words hold only ASCII letters and digits besides their
    /// joining marks, so ASCII lowercasing is all that Python's `lower()` does to them.
    static func foldedForPassive(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.map { s in
            if s == "\u{2019}" { return "'" }
            return ("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s
        }))
    }
}
