import Foundation

/// A regular expression with ECMA-262 meaning. The common syntax runs on PatternProgram;
/// the rest on ICU. JSON Schema patterns are ECMA-262: \d, \w and \b are ASCII-only, `$`
/// matches only at the very end, and `.` stops at all four ECMA line terminators, so those are
/// rewritten before ICU sees them.
final class ECMARegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share.
    let source: String
    private enum Engine {
        case program(PatternProgram)
        case icu(NSRegularExpression)
    }
    private let engine: Engine

    private let shortcut: Literal?

    private init(source: String, engine: Engine) {
        self.source = source
        self.engine = engine
        self.shortcut = Self.literal(source)
    }

    /// Patterns without any special character are matched directly, without ICU: a literal,
    /// optionally anchored at the start ("^x-") or the end.
    private enum Literal {
        case prefix([Unicode.Scalar]), suffix([Unicode.Scalar]), whole([Unicode.Scalar]), anywhere([Unicode.Scalar])
    }

    private static func literal(_ source: String) -> Literal? {
        var body = Substring(source)
        let start = body.hasPrefix("^"), end = body.hasSuffix("$") && body.count > (start ? 1 : 0)
        if start { body = body.dropFirst() }
        if end { body = body.dropLast() }
        guard !body.isEmpty, body.unicodeScalars.allSatisfy({ !"\\^$.|?*+()[]{}".unicodeScalars.contains($0) }) else { return nil }
        let scalars = Array(body.unicodeScalars)
        return start ? (end ? .whole(scalars) : .prefix(scalars)) : (end ? .suffix(scalars) : .anywhere(scalars))
    }

    func matches(_ text: String) -> Bool {
        switch shortcut {
        case .prefix(let scalars)?: return text.unicodeScalars.starts(with: scalars)
        case .suffix(let scalars)?: return text.unicodeScalars.reversed().starts(with: scalars.reversed())
        case .whole(let scalars)?: return text.unicodeScalars.elementsEqual(scalars)
        case .anywhere, nil: break
        }
        switch engine {
        case .program(let program): return program.matches(text)
        case .icu(let regex):
            let length = text.utf16.count
            return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: length)) != nil
        }
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ECMARegex] = [:]

    /// A compiled pattern, shared across schemas; nil when the pattern is not valid.
    static func compile(_ pattern: String) -> ECMARegex? {
        cacheLock.lock()
        if let cached = cache[pattern] {
            cacheLock.unlock()
            return cached
        }
        cacheLock.unlock()
        let compiled: ECMARegex
        if let program = PatternProgram(pattern) {
            compiled = ECMARegex(source: pattern, engine: .program(program))
        } else {
            guard let translated = ECMATranslator.translate(pattern),
                  let regex = try? NSRegularExpression(pattern: translated, options: []) else { return nil }
            compiled = ECMARegex(source: pattern, engine: .icu(regex))
        }
        cacheLock.lock()
        if cache.count > 4096 { cache.removeAll() }
        cache[pattern] = compiled
        cacheLock.unlock()
        return compiled
    }
}

/// Rewrites ECMA-262 pattern syntax into ICU syntax with the same meaning.
enum ECMATranslator {
    static let space = "\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
    static let word = "a-zA-Z0-9_"
    static let wordBoundary = "(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))"
    static let notWordBoundary = "(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))"

    /// ICU text for an ECMA-262 pattern, or nil when it is not one. `strict` also refuses
    /// escapes of letters that ECMA-262 does not define, as the `regex` format requires.
    static let lookbehindCap = 1_000

    static func translate(_ pattern: String, strict: Bool = false) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        var out = ""
        var index = 0
        var inClass = false
        var classStart = 0
        // Per open group: whether it is, or sits inside, a lookbehind.
        var behind: [Bool] = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { return nil }
                if strict, scalars[index + 1].properties.isAlphabetic, !"dDwWsSbBtnvfrcxupPk".unicodeScalars.contains(scalars[index + 1]) {
                    return nil
                }
                let (text, used) = escape(scalars, at: index + 1, inClass: inClass)
                out += text
                index += 1 + used
                continue
            }
            if inClass {
                switch scalar {
                case "]":
                    inClass = false
                    out += "]"
                case "-":
                    let atEdge = index == classStart || (index + 1 < scalars.count && scalars[index + 1] == "]")
                    out += atEdge ? "\\-" : "-"
                case "[", "&", "~", "$", "{", "}", "|", "#", "@", "!", "%", "*", "+", ",", ".", ":", ";", "<", "=", ">", "?", "'", "\"", "`", "^", " ":
                    out += "\\" + String(scalar)
                default:
                    out.unicodeScalars.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "[":
                if index + 1 < scalars.count, scalars[index + 1] == "]" {
                    out += "(?!)"
                    index += 2
                    continue
                }
                if index + 2 < scalars.count, scalars[index + 1] == "^", scalars[index + 2] == "]" {
                    out += "[\\x{0}-\\x{10FFFF}]"
                    index += 3
                    continue
                }
                inClass = true
                out += "["
                index += 1
                if index < scalars.count, scalars[index] == "^" {
                    out += "^"
                    index += 1
                }
                classStart = index
                continue
            case "(":
                // ECMA-262 groups: (?:, lookarounds and named groups; not ICU's flags or comments.
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    guard index + 2 < scalars.count else { return nil }
                    let next = scalars[index + 2]
                    let lookbehind = next == "<" && index + 3 < scalars.count && (scalars[index + 3] == "=" || scalars[index + 3] == "!")
                    let named = next == "<" && index + 3 < scalars.count && scalars[index + 3].properties.isAlphabetic
                    guard next == ":" || next == "=" || next == "!" || lookbehind || named else { return nil }
                    behind.append(lookbehind || behind.last == true)
                } else {
                    behind.append(behind.last == true)
                }
                out += "("
            case ")":
                guard behind.popLast() != nil else { return nil }
                out += ")"
            // ICU needs a bounded length inside lookbehind; ECMA-262 allows any, so unbounded
            // repeats there are capped at a length no host or key realistically reaches.
            case "*" where behind.last == true: out += "{0,\(lookbehindCap)}"
            case "+" where behind.last == true: out += "{1,\(lookbehindCap)}"
            case ".": out += "[^\\n\\r\\x{2028}\\x{2029}]"
            case "$": out += "\\z"
            case "{":
                guard isQuantifier(scalars, at: index) else { out += "\\{"; break }
                var quantifier = ""
                while scalars[index] != "}" { quantifier.unicodeScalars.append(scalars[index]); index += 1 }
                if behind.last == true, quantifier.hasSuffix(","), let low = Int(quantifier.dropFirst().dropLast()) {
                    quantifier += String(low + lookbehindCap)
                }
                out += quantifier + "}"
            case "}", "]": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return inClass ? nil : out
    }

    /// Translates the escape whose letter is at `index`; returns the text and scalars used.
    private static func escape(_ s: [Unicode.Scalar], at index: Int, inClass: Bool) -> (String, Int) {
        let letter = s[index]
        switch letter {
        case "d": return (inClass ? "0-9" : "[0-9]", 1)
        case "D": return ("[^0-9]", 1)
        case "w": return (inClass ? word : "[\(word)]", 1)
        case "W": return ("[^\(word)]", 1)
        case "s": return (inClass ? space : "[\(space)]", 1)
        case "S": return ("[^\(space)]", 1)
        case "b": return (inClass ? "\\x{8}" : wordBoundary, 1)
        case "B": return (inClass ? "B" : notWordBoundary, 1)
        case "/": return ("/", 1)
        case "v": return ("\\x{B}", 1)
        case "0": return ("\\x{0}", 1)
        case "p", "P":
            // A property class such as \p{Letter} or \p{Script=Greek} passes through whole.
            guard index + 1 < s.count, s[index + 1] == "{", let close = s[index...].firstIndex(of: "}") else {
                return ("\\" + String(letter), 1)
            }
            var text = "\\"
            text.unicodeScalars.append(contentsOf: s[index...close])
            return (text, close - index + 1)
        case "u":
            if index + 1 < s.count, s[index + 1] == "{" {
                var end = index + 2
                var hex = ""
                while end < s.count, s[end] != "}" { hex.unicodeScalars.append(s[end]); end += 1 }
                return ("\\x{\(hex)}", end - index + 1)
            }
            guard let high = hexValue(s, from: index + 1, count: 4) else { return ("u", 1) }
            if (0xD800...0xDBFF).contains(high), index + 10 < s.count, s[index + 5] == "\\", s[index + 6] == "u",
               let low = hexValue(s, from: index + 7, count: 4), (0xDC00...0xDFFF).contains(low) {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return ("\\x{\(String(combined, radix: 16))}", 11)
            }
            return ("\\x{\(String(high, radix: 16))}", 5)
        default:
            var text = "\\"
            text.unicodeScalars.append(letter)
            return (text, 1)
        }
    }

    private static func hexValue(_ s: [Unicode.Scalar], from start: Int, count: Int) -> Int? {
        guard start + count <= s.count else { return nil }
        var value = 0
        for scalar in s[start..<(start + count)] {
            guard let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func isQuantifier(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index + 1
        var digits = 0
        while cursor < s.count, s[cursor].properties.numericType != nil, s[cursor].isASCII { cursor += 1; digits += 1 }
        guard digits > 0, cursor < s.count else { return false }
        if s[cursor] == "}" { return true }
        guard s[cursor] == "," else { return false }
        cursor += 1
        while cursor < s.count, s[cursor].isASCII, s[cursor].properties.numericType != nil { cursor += 1 }
        return cursor < s.count && s[cursor] == "}"
    }
}
