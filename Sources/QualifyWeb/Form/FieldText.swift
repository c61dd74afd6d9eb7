import Foundation
import QualifyDocument
import QualifyKit

/// A date as the three boxes of a GOV.UK date input, and back.
enum DateParts {
    /// 2024-03-31 and 31/03/2024 both fill the boxes. Anything else goes in the day box whole,
    /// so what the person wrote is never lost.
    static func split(_ value: String) -> (day: String, month: String, year: String) {
        let iso = value.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            return (String(iso[2]), String(iso[1]), String(iso[0]))
        }
        let slashed = value.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3 { return (String(slashed[0]), String(slashed[1]), String(slashed[2])) }
        return (value, "", "")
    }

    /// Digits make an ISO date (a day of 5 becomes 05); anything else is kept as typed, day
    /// first, for the checker to explain. Nil when all three boxes are empty.
    static func join(day: String, month: String, year: String) -> String? {
        let parts = [day, month, year].map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.allSatisfy(\.isEmpty) { return nil }
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            let pad = { (text: String, width: Int) in String(repeating: "0", count: max(0, width - text.count)) + text }
            return "\(pad(parts[2], 4))-\(pad(parts[1], 2))-\(pad(parts[0], 2))"
        }
        if parts[1].isEmpty, parts[2].isEmpty { return parts[0] }
        return parts.joined(separator: "/")
    }
}

/// A date and time as the date boxes and hour and minute boxes. Written in UK time, so the
/// zone is Greater Britain's on that day (+00:00 or +01:00) unless the file already had one.
enum DateTimeParts {
    static func split(_ value: String) -> (date: String, hour: String, minute: String, second: String, zone: String) {
        guard let match = value.wholeMatch(of: /([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)(Z|[+\-][0-9]{2}:[0-9]{2})/) else {
            return (value, "", "", "", "")
        }
        return (String(match.1), String(match.2), String(match.3), String(match.4), String(match.5))
    }

    /// Nil when every box is empty; what was typed is kept for the checker to explain when it
    /// is not a time.
    static func join(date: String?, hour: String, minute: String, second: String, zone: String) -> String? {
        let (h, m) = (hour.trimmingCharacters(in: .whitespaces), minute.trimmingCharacters(in: .whitespaces))
        guard let date else { return h.isEmpty && m.isEmpty ? nil : "\(h):\(m)" }
        let digits = { (text: String) in !text.isEmpty && text.count <= 2 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) }
        let minutes = m.isEmpty ? "0" : m
        guard date.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil, digits(h), digits(minutes) else {
            return h.isEmpty && m.isEmpty ? date : "\(date) \(h):\(m)"
        }
        let pad = { (text: String) in text.count == 1 ? "0" + text : text }
        let seconds = second.isEmpty ? "00" : second
        return "\(date)T\(pad(h)):\(pad(minutes)):\(seconds)\(zone.isEmpty ? ukOffset(date) : zone)"
    }

    /// +01:00 in British Summer Time, +00:00 otherwise, for that day at noon.
    static func ukOffset(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let london = TimeZone(identifier: "Europe/London"),
              let day = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: london, year: parts[0], month: parts[1], day: parts[2], hour: 12))
        else { return "+00:00" }
        return london.secondsFromGMT(for: day) == 3600 ? "+01:00" : "+00:00"
    }
}

/// The words that name one repeated item in its heading: "Case study 2: Housing first, Leeds".
enum ItemTitle {
    /// A title or name if the item has one (an organisation's inside it counts), else the first
    /// answer, with a choice shown by its label.
    static func of(_ node: Node, _ type: ComplexType, model: FormModel) -> String? {
        for wanted in ["title", "name", "legalName"] {
            if let text = node[wanted].flatMap(FormFields.text), !text.isEmpty { return short(text) }
        }
        for field in type.fields {
            guard case .complex(let inner)? = model.type(named: field.typeName), let child = node[field.name] else { continue }
            for wanted in ["title", "name", "legalName"] where inner.field(wanted) != nil {
                if let text = child[wanted].flatMap(FormFields.text), !text.isEmpty { return short(text) }
            }
        }
        for field in type.fields {
            guard let text = node[field.name].flatMap(FormFields.text), !text.isEmpty else { continue }
            if case .simple(let simple)? = model.type(named: field.typeName), let choice = simple.choices.first(where: { $0.value == text }) {
                return short(choice.label)
            }
            return short(text)
        }
        return nil
    }

    private static func short(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}

enum Wording {
    /// A label inside a sentence: "Add another case study", but "VAT number" keeps its capitals.
    static func inSentence(_ label: String) -> String {
        guard let first = label.split(separator: " ").first else { return label }
        if first.count > 1, first.allSatisfy({ $0.isUppercase || $0.isNumber }) { return label }
        return label.prefix(1).lowercased() + label.dropFirst()
    }
}

extension MessageView {
    static func from(_ finding: Finding, target: String, id: String) -> MessageView {
        MessageView(text: finding.message, severity: finding.severity.title, severityClass: finding.severity.rawValue,
                    guidance: "/guidance/\(finding.id)", target: target, id: id, blocks: finding.severity.blocks)
    }
}
