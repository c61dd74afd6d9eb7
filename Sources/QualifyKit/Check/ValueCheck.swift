import Foundation
import QualifyDocument

/// Checks one value against its field's type and limits. One value gets at most one problem:
/// the first that a person has to fix (blank, then form, then choices, then length or size).
enum ValueCheck {
    static func problem(in node: Node, type: SimpleType, path: @autoclosure () -> DocumentPath,
                        format: Document.Format) -> Problem? {
        let position = node.position
        func problem(_ kind: Problem.Kind, _ facts: [String: String] = [:]) -> Problem {
            var result = Problem(kind, at: path(), position: position, value: node.scalarText, facts: facts)
            if case .string = node.value, format == .json { result.isQuotedScalar = true }
            return result
        }
        let raw: String
        switch node.value {
        case .object, .array: return problem(.notText)
        case .null: return problem(.empty)
        case .string(let text), .number(let text): raw = text
        case .bool(let flag): raw = flag ? "true" : "false"
        }
        let trimmed = raw.trimmedSpace
        let blankIsEmpty = !type.isText || (type.minLength ?? 0) > 0 || !type.patterns.isEmpty || !type.choices.isEmpty
        if trimmed.isEmpty && blankIsEmpty { return problem(.empty) }

        switch type.base {
        case .boolean:
            if case .bool = node.value { break }
            return problem(.notYesNo)
        case .decimal:
            guard case .number(let text) = node.value, Lexical.isDecimal(text) else { return problem(.notANumber) }
        case .integer, .nonNegativeInteger:
            guard case .number(let text) = node.value else { return problem(.notAWholeNumber) }
            guard Lexical.isInteger(text) || Lexical.isIntegralDecimal(text) else { return problem(.notAWholeNumber) }
            if type.base == .nonNegativeInteger, text.hasPrefix("-"), Decimal(string: text) != 0 {
                return problem(.tooSmall, ["min": "0"])
            }
        case .date:
            if case .string = node.value, !Lexical.isDate(trimmed) { return problem(.notADate, ["example": "2024-03-31"]) }
        case .dateTime:
            if case .string = node.value, !Lexical.isDateTime(trimmed) { return problem(.notADate, ["example": "2026-05-01T09:30:00+01:00"]) }
        case .string, .anyURI:
            break
        }
        if type.base != .boolean, type.base != .decimal, type.base != .integer, type.base != .nonNegativeInteger {
            switch node.value {
            case .number, .bool: return problem(.needsQuotes)
            default: break
            }
        }

        if !type.choices.isEmpty, !type.choices.contains(where: { $0.value == raw }) {
            var facts = ["count": "\(type.choices.count)"]
            if let suggestion = Suggest.choice(for: raw, among: type.choices) { facts["suggestion"] = suggestion }
            return problem(.notInList, facts)
        }
        if !type.patterns.isEmpty, !type.patterns.contains(where: { $0.matches(raw) }) {
            return problem(.wrongFormat, type.format.map { ["format": $0] } ?? [:])
        }
        // A text has at most as many characters as bytes and at least a quarter as many, which
        // settles most lengths without counting.
        let bytes = raw.utf8.count
        if (type.maxLength.map { bytes > $0 } ?? false) || (type.minLength.map { bytes / 4 < $0 } ?? false) {
            let length = Lexical.scalarCount(raw)
            if let max = type.maxLength, length > max { return problem(.tooLong, ["count": "\(length)", "max": "\(max)"]) }
            if let min = type.minLength, length < min { return problem(.tooShort, ["count": "\(length)", "min": "\(min)"]) }
        }
        if [.decimal, .integer, .nonNegativeInteger].contains(type.base), let number = Decimal(string: trimmed) {
            if let min = type.minInclusive, number < min { return problem(.tooSmall, ["min": "\(min)"]) }
            if let max = type.maxInclusive, number > max { return problem(.tooLarge, ["max": "\(max)"]) }
            if let digits = type.fractionDigits, Lexical.fractionDigits(trimmed) > digits {
                return problem(.tooManyDecimals, ["max": "\(digits)"])
            }
        }
        return nil
    }
}

/// "Did you mean …": the one closest name, when it is close enough to be a slip of the keys.
enum Suggest {
    static func closest(to written: String, among names: [String]) -> String? {
        let target = Array(written.lowercased().unicodeScalars)
        let allowed = max(1, min(3, written.count / 3))
        // Only distances within the allowance matter, so each is cut short past it: a file
        // with thousands of unknown names must not cost thousands of full comparisons.
        var best: (name: String, distance: Int)?
        var tied = false
        for name in names {
            guard let distance = distance(target, Array(name.lowercased().unicodeScalars), limit: allowed) else { continue }
            if let current = best, current.distance <= distance {
                if current.distance == distance { tied = true }
                continue
            }
            best = (name, distance)
            tied = false
        }
        return tied ? nil : best?.name
    }

    /// Matches a choice by its code or by its label, so "Accommodation" suggests ACCOMMODATION.
    static func choice(for written: String, among choices: [SimpleType.Choice]) -> String? {
        let trimmed = written.trimmingCharacters(in: .whitespacesAndNewlines)
        if let exact = choices.first(where: {
            $0.value.caseInsensitiveCompare(trimmed) == .orderedSame || $0.label.caseInsensitiveCompare(trimmed) == .orderedSame
        }) {
            return exact.value
        }
        let normalised = trimmed.uppercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return closest(to: normalised, among: choices.map(\.value))
    }

    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        return distance(a, b, limit: max(a.count, b.count))!
    }

    /// Edit distance (insert, delete, change one character), or nil when it is over `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                smallest = min(smallest, current[j])
            }
            // Every later row is at least this row's smallest value.
            if smallest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
