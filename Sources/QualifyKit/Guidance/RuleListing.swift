/// What `qualify rules` shows: every rule with its severity, title and message, ready for a
/// table or for JSON.
public struct RuleListing: Codable, Sendable {
    public let id: String
    public let severity: Severity
    public let severityTitle: String
    public let title: String
    /// The message as written in the catalogue, with its {placeholders}; variants joined.
    public let message: String
    public let assumption: String?
    public let page: String

    /// Machines get every key on every rule, with null where a rule rests on no assumption.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(severity, forKey: .severity)
        try container.encode(severityTitle, forKey: .severityTitle)
        try container.encode(title, forKey: .title)
        try container.encode(message, forKey: .message)
        try container.encode(assumption, forKey: .assumption)
        try container.encode(page, forKey: .page)
    }

    public static func all(kit: Kit, configuration: Configuration? = nil) -> [RuleListing] {
        let configuration = configuration ?? kit.configuration
        return RuleEngine.rules.map { rule in
            let key = "rule.\(rule.id)"
            let variants = kit.catalogue.messages.keys.filter { $0.hasPrefix(key + ".") && !$0.hasSuffix(".title") }.sorted()
            let messages = ([kit.catalogue.template(key)] + variants.map(kit.catalogue.template)).compactMap { $0 }
            let severity = configuration.severity(of: rule)
            return RuleListing(id: rule.id, severity: severity, severityTitle: severity.title,
                               title: kit.catalogue.template(key + ".title") ?? rule.id,
                               message: messages.joined(separator: " / "), assumption: rule.assumption,
                               page: "guidance/rules/\(rule.id).md")
        }
    }
}
