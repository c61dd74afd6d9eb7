import JSONSchema
import QualifyDocument
import QualifyXML
import Synchronization

/// What the quick schema leaves out (`XSDSchema.quickFacets`: patterns and maximum lengths),
/// checked instead while the XML is mapped: libxml2's regular expressions stepped through
/// every reference, e-mail address and web address of every file, a fifth of reading it.
///
/// Each simple type's patterns are matched as JSON Schema matches `^(?:pattern)$`, and its
/// maximum length counts characters as XSD does. The answer may only ever be stricter than the XSD's,
/// never looser, because a yes here stands for libxml2's yes: ECMA-262's `\s` counts more
/// characters as space than XSD's (so its `\S` and `[^\s]` allow fewer), and its `\d`, `\w` and
/// `.` allow fewer characters too. Patterns with XSD-only syntax (`\i`, `\c`, `\p`, class
/// subtraction `-[`), which ECMA-262 reads differently, are not checked here, and then the
/// quick schema is not used at all.
final class QuickFacets: Sendable {
    private let made = Mutex<Made?>(nil)

    struct Made: Sendable {
        /// By simple type name.
        let checks: [String: Check]
        /// Every pattern and maximum length of the model has a check.
        let complete: Bool
    }

    func of(_ model: FormModel) -> Made {
        made.withLock { made in
            if let made { return made }
            var checks: [String: Check] = [:]
            var complete = true
            for (name, type) in model.types {
                guard case .simple(let simple) = type, !simple.patterns.isEmpty || simple.maxLength != nil else { continue }
                if let check = Self.check(simple) { checks[name] = check } else { complete = false }
            }
            let result = Made(checks: checks, complete: complete)
            made = result
            return result
        }
    }

    /// `\i`, `\c`, `\p` (and their opposites), or a class with a class taken away (`[a-z-[aeiou]]`).
    static func hasXSDOnlySyntax(_ pattern: String) -> Bool {
        var inClass = false, escaped = false, previous: Character?
        for character in pattern {
            defer { previous = escaped ? nil : character }
            if escaped {
                escaped = false
                if "iIcCpP".contains(character) { return true }
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[": if inClass && previous == "-" { return true }; inClass = true
            case "]": inClass = false
            default: break
            }
        }
        return false
    }

    static func check(_ simple: SimpleType) -> Check? {
        var patterns: [Pattern] = []
        for source in simple.patterns.map(\.source) {
            guard !hasXSDOnlySyntax(source), let pattern = Pattern("^(?:\(source))$") else { return nil }
            patterns.append(pattern)
        }
        return Check(patterns: patterns, maxLength: simple.maxLength)
    }

    /// One simple type's patterns (all must match) and maximum length in characters.
    struct Check: Sendable {
        let patterns: [Pattern]
        let maxLength: Int?

        func allows(_ text: String) -> Bool {
            if let maxLength, Self.characters(in: text, beyond: maxLength) { return false }
            return patterns.allSatisfy { $0.matches(text) }
        }

        /// Whether the text has more than `limit` characters: never when it has no more bytes
        /// than that, otherwise counted by the bytes that start a character.
        static func characters(in text: String, beyond limit: Int) -> Bool {
            let utf8 = text.utf8
            guard utf8.count > limit else { return false }
            let count = utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
                ?? text.unicodeScalars.count
            return count > limit
        }
    }
}
