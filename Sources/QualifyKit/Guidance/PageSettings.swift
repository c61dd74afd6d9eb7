import Foundation

/// A page names a rule's severity and the assumptions' values by placeholder ({severity},
/// {consequence}, {setting:caseStudyRecencyMonths}), so it always says what the settings in
/// force do: an official who changes a setting never leaves a page saying the old value.
public enum PageSettings {
    /// The body with every placeholder filled from `configuration`; `rule` gives the severity.
    public static func fill(_ body: String, rule: String?, configuration: Configuration) -> String {
        guard body.contains("{") else { return body }
        let severity = rule.flatMap { id in RuleEngine.rules.first { $0.id == id } }.map(configuration.severity(of:))
        return body.replacing(pattern) { match in
            let name = String(match.1)
            switch name {
            case "severity": return severity.map { "\"\($0.title)\"" } ?? String(match.0)
            case "consequence": return severity.map(consequence) ?? String(match.0)
            default: return setting(name.dropFirst("setting:".count), configuration) ?? String(match.0)
            }
        }
    }

    /// Placeholders a page uses that nothing fills: a typing slip, or a severity on a page that
    /// is not a rule's. Said by the lint.
    public static func unfilled(_ body: String, rule: String?) -> [String] {
        let isRule = rule.map(RuleEngine.ruleIDs.contains) ?? false
        return body.matches(of: pattern).map { String($0.1) }.filter { name in
            if name == "severity" || name == "consequence" { return !isRule }
            return setting(name.dropFirst("setting:".count), Configuration()) == nil
        }
    }

    /// One line on every page, so no reader takes it for published policy.
    public static let draftNotice = "Draft guidance: written for this checker, not published by the Ministry of Justice or HMPPS."

    nonisolated(unsafe) static let pattern = /\{(severity|consequence|setting:[A-Za-z.]+)\}/

    static func consequence(_ severity: Severity) -> String {
        switch severity {
        case .mustFix: return "Your submission cannot go ahead until you fix it."
        case .ask: return "You can still send your submission, but officials will ask you about it."
        case .advice: return "You can send your submission as it is, but it would be better to change it."
        case .info: return "You do not need to change anything to send your submission."
        }
    }

    static func setting(_ name: Substring, _ configuration: Configuration) -> String? {
        switch name {
        case "caseStudiesPerCategoryMinimum": return number(configuration.caseStudiesPerCategoryMinimum)
        case "caseStudiesPerCategoryMaximum": return number(configuration.caseStudiesPerCategoryMaximum)
        case "caseStudyRecencyMonths": return number(configuration.caseStudyRecencyMonths)
        case "accountsMaximumAgeMonths": return number(configuration.accountsMaximumAgeMonths)
        case "keySubcontractorSharePercent": return "\(configuration.keySubcontractorSharePercent)"
        case "euroPerPound": return "\(configuration.euroPerPound)"
        default:
            guard name.hasPrefix("wordLimits."), let limit = configuration.wordLimits[String(name.dropFirst("wordLimits.".count))] else {
                return nil
            }
            return number(limit)
        }
    }

    /// 1000 as "1,000", as the pages write numbers.
    static func number(_ value: Int) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}

extension GuidancePage {
    /// The body as a person should read it under these settings, saying what it is wherever it
    /// is read (a page on its own, the web, a terminal), unless the page already says so.
    public func body(for configuration: Configuration) -> String {
        let filled = PageSettings.fill(body, rule: kind == .rule ? id : nil, configuration: configuration)
        if filled.contains(PageSettings.draftNotice) { return filled }
        return filled.trimmingCharacters(in: .newlines) + "\n\n" + PageSettings.draftNotice + "\n"
    }
}
