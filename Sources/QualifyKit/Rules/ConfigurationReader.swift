import Foundation
import Yams

/// A mistake in an assumptions file, said plainly with the line it is on.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Reads an assumptions file by hand rather than through Codable: the decoder cost a tenth of
/// the start-up time, and an official who mistypes a setting should be told which one, on
/// which line, and what it should look like, not be ignored or shown a decoding trace.
struct ConfigurationReader {
    let file: String

    /// The settings in `source` laid over `base`: what the file does not mention keeps its value.
    func read(_ source: String, over base: Configuration = Configuration()) throws -> Configuration {
        var result = base
        guard let root = try compose(source) else { return result }
        guard let mapping = root.mapping else { throw fault(root, "must be a list of settings, one per line, like `caseStudyRecencyMonths: 36`.") }
        var lines: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            lines[key] = keyNode
            switch key {
            case "caseStudiesPerCategoryMinimum": result.caseStudiesPerCategoryMinimum = try whole(value, key)
            case "caseStudiesPerCategoryMaximum": result.caseStudiesPerCategoryMaximum = try whole(value, key)
            case "caseStudyRecencyMonths": result.caseStudyRecencyMonths = try whole(value, key)
            case "accountsMaximumAgeMonths": result.accountsMaximumAgeMonths = try whole(value, key)
            case "unqualifiedSubcontractorsNeedNotQualify": result.unqualifiedSubcontractorsNeedNotQualify = try yesNo(value, key)
            case "refereesMustBeIndependent": result.refereesMustBeIndependent = try yesNo(value, key)
            case "euroPerPound":
                result.euroPerPound = try number(value, key)
                if result.euroPerPound <= 0 { throw fault(value, "euroPerPound must be more than 0, such as 1.17 (euros for one pound).") }
            case "keySubcontractorSharePercent":
                result.keySubcontractorSharePercent = try number(value, key)
                if result.keySubcontractorSharePercent > 100 { throw fault(value, "keySubcontractorSharePercent is a share of the work: 0 to 100.") }
            case "sizeBasis":
                result.sizeBasis = isBlank(value) ? nil : try text(value, key)
                if let basis = result.sizeBasis, !Self.sizeBases.contains(basis) {
                    throw fault(value, "sizeBasis: `\(basis)` is not a size basis\(hint(basis, Self.sizeBases)). Use one of \(Self.sizeBases.joined(separator: ", ")).")
                }
            case "wordLimits":
                for (field, limit) in try settings(value, key) {
                    guard Self.wordLimitFields.contains(field.string ?? "") else {
                        let name = field.string ?? ""
                        throw fault(field, "`\(name)` is not a long answer with a word limit\(hint(name, Self.wordLimitFields)). "
                            + "The fields are \(Self.wordLimitFields.joined(separator: ", ")).")
                    }
                    result.wordLimits[field.string ?? ""] = try whole(limit, "wordLimits: \(field.string ?? "")")
                }
            case "severities":
                result.severities = [:]
                for (ruleNode, level) in try settings(value, key) {
                    let rule = ruleNode.string ?? ""
                    guard RuleEngine.ruleIDs.contains(rule) else {
                        throw fault(ruleNode, "`\(rule)` is not a rule\(hint(rule, RuleEngine.rules.map(\.id))). `qualify rules` lists every rule id.")
                    }
                    guard let severity = level.string.flatMap(Severity.init(rawValue:)) else {
                        throw fault(level, "the severity of \(rule) must be one of must-fix, ask, advice or info.")
                    }
                    result.severities[rule] = severity
                }
            default:
                throw fault(keyNode, "`\(key)` is not a setting Qualify knows\(hint(key, Self.names)). The settings are \(Self.names.joined(separator: ", ")).")
            }
        }
        if result.caseStudiesPerCategoryMaximum < result.caseStudiesPerCategoryMinimum {
            let node = lines["caseStudiesPerCategoryMaximum"] ?? lines["caseStudiesPerCategoryMinimum"] ?? root
            throw fault(node, "caseStudiesPerCategoryMaximum (\(result.caseStudiesPerCategoryMaximum)) is less than "
                + "caseStudiesPerCategoryMinimum (\(result.caseStudiesPerCategoryMinimum)). The most must be at least the fewest.")
        }
        for key in ["caseStudyRecencyMonths", "accountsMaximumAgeMonths"] {
            let months = key == "caseStudyRecencyMonths" ? result.caseStudyRecencyMonths : result.accountsMaximumAgeMonths
            if months == 0, let node = lines[key] { throw fault(node, "\(key) must be 1 or more months.") }
        }
        return result
    }

    static let sizeBases = ["EU_2003_361", "CA2006_PRE_2025", "CA2006_2025", "PA2023"]
    /// The long answers the word-limit rule counts (assumption A3).
    static let wordLimitFields = Configuration().wordLimits.keys.sorted()

    /// ", did you mean X?" when one name is close, or nothing.
    private func hint(_ written: String, _ names: [String]) -> String {
        Suggest.closest(to: written, among: names).map { " (did you mean `\($0)`?)" } ?? ""
    }

    static let names = ["caseStudiesPerCategoryMinimum", "caseStudiesPerCategoryMaximum", "caseStudyRecencyMonths", "wordLimits",
                        "unqualifiedSubcontractorsNeedNotQualify", "refereesMustBeIndependent", "sizeBasis", "euroPerPound",
                        "accountsMaximumAgeMonths", "keySubcontractorSharePercent", "severities"]

    private func compose(_ text: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ConfigurationError(description: "\(file) is not readable YAML: \(error)")
        }
    }

    private func fault(_ node: Node, _ words: String) -> ConfigurationError {
        let line = node.mark.map { " line \($0.line)" } ?? ""
        return ConfigurationError(description: "\(file)\(line): \(words)")
    }

    private func isBlank(_ node: Node) -> Bool {
        guard let text = node.scalar?.string else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    private func text(_ node: Node, _ key: String) throws -> String {
        guard let value = node.scalar?.string, !value.isEmpty else { throw fault(node, "\(key) must be a single word or number.") }
        return value
    }

    private func whole(_ node: Node, _ key: String) throws -> Int {
        guard let value = node.scalar.flatMap({ Int($0.string) }), value >= 0 else {
            throw fault(node, "\(key) must be a whole number, such as 36.")
        }
        return value
    }

    private func number(_ node: Node, _ key: String) throws -> Decimal {
        guard let text = node.scalar?.string, Lexical.isDecimal(text), let value = Decimal(string: text) else {
            throw fault(node, "\(key) must be a number, such as 1.17.")
        }
        return value
    }

    private func yesNo(_ node: Node, _ key: String) throws -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fault(node, "\(key) must be true or false.")
        }
    }

    private func settings(_ node: Node, _ key: String) throws -> [(Node, Node)] {
        if isBlank(node) { return [] }
        guard let mapping = node.mapping else { throw fault(node, "\(key) must be a list of names, each with its value on the same line.") }
        return mapping.map { ($0.key, $0.value) }
    }
}
