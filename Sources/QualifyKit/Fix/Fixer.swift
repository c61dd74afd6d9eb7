import Foundation
import QualifyDocument

/// `qualify fix`: safe, mechanical fixes made as small edits to the file's own text, so the
/// person sees exactly what changes and everything else (layout, comments) stays as it was.
public struct Fixer: Sendable {
    public struct Edit: Sendable, Equatable {
        public let line: Int
        /// Plain words for the change, for the summary.
        public let description: String
        let range: Range<Int>
        let replacement: String
    }

    public struct Result: Sendable {
        public let original: String
        public let fixed: String
        public let edits: [Edit]

        /// One line per fix a person would name (an element's end tag is not a fix of its own).
        public var fixes: [Edit] { edits.filter { !$0.description.isEmpty } }
    }

    let checker: Checker

    public init(checker: Checker) {
        self.checker = checker
    }

    public func fix(_ bytes: [UInt8], file: String) -> Result {
        let text = String(decoding: bytes, as: UTF8.self)
        let inspection = checker.inspect(bytes: bytes, file: file)
        guard let format = inspection.report.format, inspection.document != nil else {
            return Result(original: text, fixed: text, edits: [])
        }
        let locator = TextLocator(text)
        var proposals: [(path: String, edits: [Edit])] = []
        for finding in inspection.report.findings {
            var edits: [Edit] = []
            defer { if !edits.isEmpty { proposals.append((finding.path, edits)) } }
            guard let line = finding.line, let column = finding.column, let start = locator.offset(line: line, column: column) else { continue }
            let proposal: (String, String)?
            switch finding.id {
            case "schema.unknown-field":
                proposal = suggestion(finding).map { ($0, "renamed '\(finding.value ?? "")' to '\($0)'") }
                if let (name, words) = proposal, let edit = format == .xml
                    ? XMLEdits.rename(in: locator, at: start, from: finding.value ?? "", to: name, line: line, words: words)
                    : JSONEdits.rename(in: locator, at: start, to: name, line: line, words: words) {
                    edits.append(contentsOf: edit)
                }
                continue
            case "schema.not-a-date": proposal = Tidy.date(finding.value).map { ($0, "wrote the date '\(finding.value ?? "")' as \($0)") }
            case "schema.not-a-number": proposal = Tidy.number(finding.value).map { ($0, "wrote '\(finding.value ?? "")' as the number \($0)") }
            case "schema.not-yes-no": proposal = Tidy.yesNo(finding.value).map { ($0, "wrote '\(finding.value ?? "")' as \($0)") }
            case "schema.wrong-format" where finding.path.hasSuffix("/companyNumber") && Tidy.companyNumber(finding.value) != nil:
                proposal = Tidy.companyNumber(finding.value).map { ($0, "put back the leading zeros of the company number: \($0)") }
            case "schema.wrong-format", "schema.not-in-list":
                proposal = Tidy.spaces(finding.value).map { ($0, "took the spaces off the ends of '\($0)'") }
            default: proposal = nil
            }
            guard let (value, words) = proposal else { continue }
            let isNumber = finding.id == "schema.not-a-number" || (finding.id == "schema.not-yes-no" && format == .json)
            if let edit = format == .xml
                ? XMLEdits.replaceText(in: locator, at: start, expected: finding.value ?? "", with: value, line: line, words: words)
                : JSONEdits.replaceValue(in: locator, at: start, with: value, bare: isNumber, line: line, words: words) {
                edits.append(edit)
            }
        }
        // A fix is offered only when it makes its finding go away: "17/02/2026" written as
        // 2026-02-17 is still wrong in a field that needs a time, so that fix is dropped.
        var accepted = proposals
        while true {
            let result = apply(accepted.flatMap(\.edits), to: text)
            let after = checker.inspect(bytes: Array(result.fixed.utf8), file: file).report.findings
            let stillWrong = Set(after.filter { $0.id.hasPrefix("schema.") }.map(\.path))
            let kept = accepted.filter { !stillWrong.contains($0.path) }
            if kept.count == accepted.count { return result }
            accepted = kept
        }
    }

    private func apply(_ edits: [Edit], to text: String) -> Result {
        let ordered = edits.sorted { $0.range.lowerBound > $1.range.lowerBound }
        var bytesOut = Array(text.utf8)
        var lastStart = Int.max
        var applied: [Edit] = []
        for edit in ordered where edit.range.upperBound <= lastStart {
            bytesOut.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            lastStart = edit.range.lowerBound
            applied.append(edit)
        }
        return Result(original: text, fixed: String(decoding: bytesOut, as: UTF8.self), edits: applied.reversed())
    }

    /// A rename is safe only when the message named one clear match.
    private func suggestion(_ finding: Finding) -> String? {
        guard let start = finding.message.range(of: "Did you mean '"), let end = finding.message[start.upperBound...].firstIndex(of: "'") else { return nil }
        return String(finding.message[start.upperBound..<end])
    }
}

/// The mechanical corrections, each only when there is one right answer.
enum Tidy {
    /// Day first, as UK dates are written: 31/03/2024, 1.3.2024 or 31-03-2024.
    static func date(_ value: String?) -> String? {
        guard let value, let match = value.trimmingCharacters(in: .whitespaces).wholeMatch(of: /([0-9]{1,2})[\/.\-]([0-9]{1,2})[\/.\-]([0-9]{4})/),
              let day = Int(match.1), let month = Int(match.2), let year = Int(match.3) else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        return Lexical.isDate(text) ? text : nil
    }

    /// "£12,000", "12 000" or "12,000.50" to a plain number; nothing when the commas are not thousands.
    static func number(_ value: String?) -> String? {
        guard var text = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasPrefix("£") { text.removeFirst() }
        guard text.wholeMatch(of: /[0-9]{1,3}([, ][0-9]{3})*(\.[0-9]+)?|[0-9]+(\.[0-9]+)?/) != nil else { return nil }
        let plain = text.filter { $0 != "," && $0 != " " }
        return Lexical.isDecimal(plain) ? plain : nil
    }

    /// Companies House numbers are 8 digits; spreadsheets drop the leading zeros of 09506232.
    static func companyNumber(_ value: String?) -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), (5...7).contains(text.count), text.allSatisfy(\.isASCII),
              text.allSatisfy(\.isNumber) else { return nil }
        return String(repeating: "0", count: 8 - text.count) + text
    }

    static func yesNo(_ value: String?) -> String? {
        switch value?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true": return "true"
        case "no", "n", "false": return "false"
        default: return nil
        }
    }

    static func spaces(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed != value && !trimmed.isEmpty ? trimmed : nil
    }
}
