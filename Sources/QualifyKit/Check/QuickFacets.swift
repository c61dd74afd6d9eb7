import JSONSchema
import QualifyDocument
import QualifyXML

/// What the quick schema leaves out (`XSDSchema.quickFacets`: patterns and maximum lengths),
/// checked instead while the XML is mapped: libxml2's regular expressions and length counts
/// stepped through every reference, e-mail address, web address and long answer of every file,
/// about a ninth of its parse and check.
///
/// Each simple type's patterns are matched as JSON Schema matches `^(?:pattern)$`, and its
/// maximum length counts characters as XSD does. The answer may only ever be stricter than the XSD's,
/// never looser, because a yes here stands for libxml2's yes: ECMA-262's `\S`, `[^\s]`, `\d`,
/// `\w` and `.` allow no more characters than XSD's. A pattern whose ECMA-262 reading could
/// allow more (`mayBeLooser`) is not checked here, and then the quick schema is not used at all.
final class QuickFacets: Sendable {
    private let made = MadeOnce<Made>()

    struct Made: Sendable {
        /// By simple type name.
        let checks: [String: Check]
        /// Every pattern and maximum length of the model has a check.
        let complete: Bool
    }

    func of(_ model: FormModel) -> Made {
        made.value {
            var checks: [String: Check] = [:]
            var complete = true
            for (name, type) in model.types {
                guard case .simple(let simple) = type, !simple.patterns.isEmpty || simple.maxLength != nil else { continue }
                if let check = Self.check(simple) { checks[name] = check } else { complete = false }
            }
            return Made(checks: checks, complete: complete)
        }
    }

    /// Whether ECMA-262 might accept a text this XSD pattern refuses. Escapes outside a short
    /// list, XSD-only syntax (`\i`, `\c`, `\p`, a class with a class taken away), and `^` or
    /// `$` (literal characters in XSD, anchors in ECMA-262) all count. So do the classes whose
    /// ECMA-262 reading is wider: `\s` (more characters are space), `\D` and `\W` (fewer are
    /// digits or word characters), and inside `[^…]` their opposites `\S`, `\d` and `\w`.
    static func mayBeLooser(_ pattern: String) -> Bool {
        var inClass = false, negated = false, escaped = false, previous: Character?
        for character in pattern {
            defer { previous = escaped ? nil : character }
            if escaped {
                escaped = false
                let wider: Set<Character> = negated ? ["S", "d", "w"] : ["s", "D", "W"]
                if wider.contains(character) { return true }
                if !"sSdDwWnrt\\|.-^?*+{}()[]".contains(character) { return true }
                continue
            }
            switch character {
            case "\\": escaped = true
            case "[":
                if inClass { if previous == "-" { return true } } else { inClass = true; negated = false }
            case "^":
                if inClass && previous == "[" { negated = true } else if !inClass { return true }
            case "]": inClass = false; negated = false
            case "$": if !inClass { return true }
            default: break
            }
        }
        return false
    }

    /// The not-blank pattern is left out: the mapping checks it exactly (`String.hasNonSpace`,
    /// with XML's four space characters), as ECMA-262 would not.
    static func check(_ simple: SimpleType) -> Check? {
        var patterns: [Pattern] = []
        for source in simple.patterns.map(\.source) where source != XSDRegex.notBlankPattern {
            guard !mayBeLooser(source), let pattern = Pattern("^(?:\(source))$") else { return nil }
            patterns.append(pattern)
        }
        return Check(patterns: patterns, maxLength: simple.maxLength)
    }

    /// One simple type's patterns (all must match) and maximum length in characters.
    struct Check: Sendable {
        let patterns: [Pattern]
        let maxLength: Int?

        func allows(_ text: String) -> Bool {
            // No more characters than bytes, so most answers need no count.
            if let maxLength, text.utf8.count > maxLength, Lexical.scalarCount(text) > maxLength { return false }
            return patterns.allSatisfy { $0.matches(text) }
        }
    }
}
