import Foundation

// Markdown inline syntax is reduced to the words a reader sees: link and emphasis text stay,
// link targets, images, URLs, addresses, code punctuation and tags go. The steps and their order
// are fixed, because each one changes what the next one sees.

enum InlineText {
    private static let images = PyRegex(#"!\[([^\]]*)\]\([^)]*\)"#)
    private static let referenceImages = PyRegex(#"!\[([^\]]*)\]\[[^\]]*\]"#)
    private static let footnotes = PyRegex(#"\[\^[^\]]+\]"#)
    private static let links = PyRegex(#"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)"#)
    private static let referenceLinks = PyRegex(#"\[([^\]]+)\]\[[^\]]*\]"#)
    private static let autolinks = PyRegex(#"<(?:https?|mailto|ftp):[^>]+>"#)
    private static let codeSpans = PyRegex(#"`+([^`]+?)`+"#)
    private static let codePunctuation = PyRegex(#"[^A-Za-z0-9 ]+"#)
    private static let tags = PyRegex(#"<[^>]+>"#)
    private static let urls = PyRegex(#"(?:https?://|ftp://|www\.)\S+"#, ignoreCase: true)
    private static let emails = PyRegex(#"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"#)
    // Template placeholders stand for one word, so they become a one-letter word.
    private static let placeholders = PyRegex(
        #"\{\{.*?\}\}|\{%.*?%\}|\{[A-Za-z_][\w.]*\}|%\([A-Za-z_]\w*\)[sdif]|%[sdif]|\$\{[^}]*\}"#)
    private static let strongOrStrike = PyRegex(#"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"#)
    private static let emphasis = PyRegex(#"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"#)
    private static let escapes = PyRegex(#"\\([\\`*_{}\[\]()#+\-.!|>])"#)
    private static let attributes = PyRegex(#"\{:[^}]*\}"#)
    private static let lineBreaks = PyRegex(#"[ \t]*\n[ \t]*"#)
    private static let spaceRuns = PyRegex(#"\s{2,}"#)

    static func clean(_ text: String) -> String {
        var t = text
        t = images.sub(t, " ")
        t = referenceImages.sub(t, " ")
        t = footnotes.sub(t, "")
        t = links.sub(t) { $0[1] ?? "" }
        t = referenceLinks.sub(t) { $0[1] ?? "" }
        t = autolinks.sub(t, " ")
        t = codeSpans.sub(t) { codePunctuation.sub($0[1] ?? "", " ") }
        t = tags.sub(t, " ")
        t = unescapeHTML(t)
        t = urls.sub(t, " ")
        t = emails.sub(t, " ")
        t = placeholders.sub(t, "X")
        // Twice, so that emphasis nested inside strong text (and the reverse) is also unwrapped.
        for _ in 0..<2 {
            t = strongOrStrike.sub(t) { $0[2] ?? "" }
            t = emphasis.sub(t) { $0[2] ?? "" }
        }
        t = escapes.sub(t) { $0[1] ?? "" }
        t = attributes.sub(t, " ")
        t = lineBreaks.sub(t, " ")
        t = spaceRuns.sub(t, " ")
        return t.pythonStripped
    }

    private static let characterReference = PyRegex(#"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)"#)

    /// Python's `html.unescape`, including its repairs of invalid numeric references.
    static func unescapeHTML(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        return characterReference.sub(text) { m in
            let body = m[1] ?? ""
            return body.hasPrefix("#") ? numericReference(body) : namedReference(body)
        }
    }

    private static func namedReference(_ name: String) -> String {
        if let value = htmlEntityTable[name] { return value }
        // The longest known prefix wins, as the HTML standard says; the rest stays as text.
        let scalars = Array(name.unicodeScalars)
        var length = scalars.count - 1
        while length > 1 {
            let prefix = String(String.UnicodeScalarView(scalars[..<length]))
            if let value = htmlEntityTable[prefix] {
                return value + String(String.UnicodeScalarView(scalars[length...]))
            }
            length -= 1
        }
        return "&" + name
    }

    private static func numericReference(_ body: String) -> String {
        var digits = Substring(body.dropFirst())
        var radix: UInt32 = 10
        if digits.first == "x" || digits.first == "X" {
            radix = 16
            digits = digits.dropFirst()
        }
        while digits.last == ";" { digits = digits.dropLast() }
        var value: UInt32 = 0
        for ch in digits {
            // Anything past the last code point is replaced alike, so the value can stop growing there.
            value = min(value * radix + UInt32(ch.hexDigitValue ?? 0), 0x110000)
        }
        if let repaired = windows1252Repairs[value] { return repaired }
        if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return "\u{FFFD}" }
        if isInvalidCodePoint(value) { return "" }
        return Unicode.Scalar(value).map { String($0) } ?? "\u{FFFD}"
    }

    private static func isInvalidCodePoint(_ v: UInt32) -> Bool {
        switch v {
        case 0x1...0x8, 0xB, 0xE...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }

    private static let windows1252Repairs: [UInt32: String] = [
        0x00: "\u{FFFD}", 0x0D: "\r", 0x80: "\u{20AC}", 0x81: "\u{81}", 0x82: "\u{201A}", 0x83: "\u{0192}",
        0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}",
        0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8D: "\u{8D}",
        0x8E: "\u{017D}", 0x8F: "\u{8F}", 0x90: "\u{90}", 0x91: "\u{2018}", 0x92: "\u{2019}",
        0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
        0x9D: "\u{9D}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}
