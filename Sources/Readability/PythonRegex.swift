import Foundation

/// One match, read the way Python's `Match.group(n)` reads: nil when the group took no part.
struct PyMatch {
    let source: NSString
    let result: NSTextCheckingResult

    subscript(_ group: Int) -> String? {
        let r = result.range(at: group)
        return r.location == NSNotFound ? nil : source.substring(with: r)
    }

    var range: NSRange { result.range }
}

/// A regular expression written in Python syntax and run by ICU, with the Python-only meanings
/// of `\s`, `\S`, `\w`, `\W`, `\b`, `.` and `$` rewritten so that both engines match alike.
///
/// Ignoring case is done by spelling out each letter's cases rather than with ICU's option: ICU
/// folds ligatures ('ﬁ' matches "fi"), Python does not, and Python also takes 'İ' and 'ı' for
/// 'i', 'ſ' for 's' and the Kelvin sign for 'k'. Only ASCII letters are expanded, which is all
/// the patterns here use.
struct PyRegex: @unchecked Sendable {  // NSRegularExpression is immutable and safe to share.
    private let regex: NSRegularExpression

    init(_ python: String, ignoreCase: Bool = false, dotAll: Bool = false) {
        let pattern = PyRegex.translate(python, dotAll: dotAll, ignoreCase: ignoreCase)
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("bad pattern \(python) -> \(pattern): \(error)")
        }
    }

    /// Python's `re.match`: the match must start at the beginning.
    func match(_ s: String) -> PyMatch? {
        let ns = NSString(string: s)
        return regex.firstMatch(in: s, options: [.anchored], range: NSRange(location: 0, length: ns.length))
            .map { PyMatch(source: ns, result: $0) }
    }

    func search(_ s: String) -> PyMatch? {
        let ns = NSString(string: s)
        return regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length))
            .map { PyMatch(source: ns, result: $0) }
    }

    func matches(_ s: String) -> [PyMatch] {
        let ns = NSString(string: s)
        return regex.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length))
            .map { PyMatch(source: ns, result: $0) }
    }

    func findAll(_ s: String) -> [String] { matches(s).map { $0[0] ?? "" } }

    func sub(_ s: String, _ replacement: (PyMatch) -> String) -> String {
        let found = matches(s)
        guard let first = found.first else { return s }
        let ns = first.source
        var out = ""
        var at = 0
        for m in found {
            out += ns.substring(with: NSRange(location: at, length: m.range.location - at))
            out += replacement(m)
            at = m.range.location + m.range.length
        }
        out += ns.substring(from: at)
        return out
    }

    func sub(_ s: String, _ literal: String) -> String { sub(s) { _ in literal } }

    /// Python's `re.split` for a pattern without groups.
    func split(_ s: String) -> [String] {
        let found = matches(s)
        let ns = NSString(string: s)
        var pieces: [String] = []
        var at = 0
        for m in found {
            pieces.append(ns.substring(with: NSRange(location: at, length: m.range.location - at)))
            at = m.range.location + m.range.length
        }
        pieces.append(ns.substring(from: at))
        return pieces
    }

    static func translate(_ python: String, dotAll: Bool, ignoreCase: Bool) -> String {
        let word = "[\(pythonWordClassBody)]"
        let p = Array(python.unicodeScalars)
        var out = ""
        var inClass = false
        var i = 0
        while i < p.count {
            let c = p[i]
            if c == "\\", i + 1 < p.count {
                let d = p[i + 1]
                i += 2
                switch (d, inClass) {
                case ("s", false): out += "[\(pythonSpaceClassBody)]"
                case ("s", true): out += pythonSpaceClassBody
                case ("S", false): out += "[^\(pythonSpaceClassBody)]"
                case ("w", false): out += word
                case ("w", true): out += pythonWordClassBody
                case ("W", false): out += "[^\(pythonWordClassBody)]"
                case ("b", false): out += "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))"
                case ("S", true), ("W", true), ("b", true), ("A", _), ("Z", _), ("B", _):
                    preconditionFailure("unsupported escape \\\(d) in \(python)")
                case ("u", _):
                    out += "\\u" + String(String.UnicodeScalarView(p[i..<min(i + 4, p.count)]))
                    i += 4
                default: out += "\\" + String(d)
                }
                continue
            }
            if ignoreCase, let lower = asciiLower(c) {
                if inClass, i + 2 < p.count, p[i + 1] == "-", let upperEnd = asciiLower(p[i + 2]) {
                    out += "\(Character(lower))-\(Character(upperEnd))"
                    out += "\(Character(upper(lower)))-\(Character(upper(upperEnd)))"
                    out += (lower.value...upperEnd.value).map { caseExtras(Unicode.Scalar($0)!) }.joined()
                    i += 3
                } else {
                    let cases = "\(Character(lower))\(Character(upper(lower)))\(caseExtras(lower))"
                    out += inClass ? cases : "[\(cases)]"
                    i += 1
                }
                continue
            }
            if inClass {
                if c == "]" {
                    inClass = false
                    out += "]"
                } else if c == "&" || c == "$" || c == "[" {
                    out += "\\" + String(c)  // set operators and variables in ICU, plain in Python
                } else {
                    out.unicodeScalars.append(c)
                }
            } else if c == "[" {
                inClass = true
                out += "["
                if i + 1 < p.count, p[i + 1] == "^" {
                    out += "^"
                    i += 1
                }
            } else if c == "." {
                out += dotAll ? "(?s:.)" : "[^\\n]"
            } else if c == "$" {
                out += "(?=\\n?\\z)"
            } else {
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    private static func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "a"..."z": return c
        case "A"..."Z": return Unicode.Scalar(c.value + 32)
        default: return nil
        }
    }

    private static func upper(_ lower: Unicode.Scalar) -> Unicode.Scalar { Unicode.Scalar(lower.value - 32)! }

    /// The other letters Python's case-insensitive matching takes for an ASCII letter.
    private static func caseExtras(_ lower: Unicode.Scalar) -> String {
        switch lower {
        case "i": return #"\x{130}\x{131}"#
        case "k": return #"\x{212A}"#
        case "s": return #"\x{17F}"#
        default: return ""
        }
    }
}
