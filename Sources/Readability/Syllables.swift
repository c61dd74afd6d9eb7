// Syllables by vowel groups with a few corrections for English spelling. Only the standard
// library is assumed, so no dictionary is consulted; the rules are kept exactly as they are so
// that counts stay reproducible and comparable between runs and tools.

enum Syllables {
    /// Syllables in one word as the word splitter returns it. Flesch counts a figure as one
    /// syllable; hyphenated and dotted words are counted part by part.
    static func inWord(_ token: String) -> Int {
        if token.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return 1 }
        var total = 0
        var part: [UInt8] = []
        for s in token.unicodeScalars {
            if s == "-" || s == "." {
                if !part.isEmpty { total += estimate(part) }
                part = []
            } else if s.isASCII {
                part.append(UInt8(s.value))
            } else {
                part.append(UInt8(ascii: "'"))  // a curly apostrophe counts as a straight one
            }
        }
        if !part.isEmpty { total += estimate(part) }
        return max(1, total)
    }

    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }
    private static func isPlainVowel(_ c: UInt8) -> Bool { "aeiou".utf8.contains(c) }
    private static func isIn(_ c: UInt8, _ set: String) -> Bool { set.utf8.contains(c) }

    /// The vowel-group estimate for one part of a word (ASCII bytes; anything but letters ignored).
    static func estimate(_ raw: [UInt8]) -> Int {
        var w: [UInt8] = raw.compactMap { c in
            let lower = (65...90).contains(c) ? c + 32 : c
            return (97...122).contains(lower) ? lower : nil
        }
        if w.count <= 3 { return 1 }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        let n = w.count
        // Silent endings: 'e' (make), 'es' and 'ed' after most consonants (makes, asked).
        if ends("e") && !ends("ee") && !ends("ie") && !ends("ye") {
            if !(ends("le") && n > 3 && !isVowel(w[n - 3])) { w.removeLast() }  // keep 'table', drop 'file'
        } else if ends("es") && n > 4 && !keepsEs(w) {
            w.removeLast(2)
        } else if ends("ed") && n > 4 && !isIn(w[n - 3], "td") && !isVowel(w[n - 3]) {
            w.removeLast(2)
        }
        if w.first == UInt8(ascii: "y") { w.removeFirst() }
        var count = 0
        var previousVowel = false
        for c in w {
            let vowel = isVowel(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        return max(1, count + twoSyllablePairs(w))
    }

    /// '-es' is a syllable of its own after s, x, z, ch, sh, g, c, and a consonant followed by l.
    private static func keepsEs(_ w: [UInt8]) -> Bool {
        let stem = Array(w.dropLast(2))
        guard let last = stem.last else { return false }
        if isIn(last, "sxzgc") { return true }
        if stem.count >= 2 {
            let before = stem[stem.count - 2]
            if last == UInt8(ascii: "h") && isIn(before, "cs") { return true }
            if last == UInt8(ascii: "l") && !isVowel(before) { return true }
        }
        return false
    }

    /// Vowel pairs that are usually two syllables: criteria, period, annual, video, premium, duo,
    /// quiet. Counted left to right without overlap, the first pair that fits winning.
    private static func twoSyllablePairs(_ w: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + 1 < w.count {
            let a = Character(Unicode.Scalar(w[i])), b = Character(Unicode.Scalar(w[i + 1]))
            let before: UInt8? = i > 0 ? w[i - 1] : nil
            let after: UInt8? = i + 2 < w.count ? w[i + 2] : nil
            let hit: Bool
            switch (a, b) {
            case ("i", "a"), ("e", "o"), ("i", "u"), ("u", "o"): hit = true
            case ("i", "o"): hit = before.map { !isIn($0, "tscxg") } ?? true
            case ("u", "a"): hit = before.map { !isIn($0, "gq") } ?? true
            case ("i", "e"): hit = before.map { !isPlainVowel($0) } == true && after.map { isIn($0, "rt") } == true
            default: hit = false
            }
            if hit {
                count += 1
                i += 2
            } else {
                i += 1
            }
        }
        return count
    }
}
