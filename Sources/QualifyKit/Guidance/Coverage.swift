import Foundation

/// Which rule and finding has which page, and which pages belong to nothing: the coverage map
/// in the booklet and the first half of `qualify guidance lint`.
public struct Coverage: Sendable {
    public struct Row: Sendable {
        public let id: String
        public let kind: GuidancePage.Kind
        public let hasPage: Bool
        public let examples: Int
        public let examplesBehaving: Int
    }

    public let rows: [Row]
    /// Plain statements of what is missing or out of place; empty when coverage is complete.
    public let problems: [String]

    public static let topics = ["topic.case-studies", "topic.supply-chains", "topic.consortia",
                                "topic.getting-ready", "topic.pre-screening", "topic.assumptions", "topic.sources",
                                "topic.proposing-changes"]

    /// Every finding id a person can be shown: the form check's from the code, so a renamed or
    /// deleted message is reported as such; unreadable files' and conversions' from the message
    /// catalogue's keys.
    public static func findingIDs(_ catalogue: MessageCatalogue) -> [String] {
        Set(Problem.Kind.allCases.map(\.id) + catalogue.english.keys.compactMap { key -> String? in
            let parts = key.split(separator: ".")
            guard let first = parts.first, ["input", "convert"].contains(String(first)) else { return nil }
            let long = first == "input" && parts.count > 2 && ["xml", "json"].contains(String(parts[1]))
                || first == "convert" && parts.count > 2 && parts[1] == "loss"
            return parts.prefix(long ? 3 : 2).joined(separator: ".")
        } + ["rule.not-checked"]).sorted()
    }

    /// Messages for the form check that the code cannot reach, and kinds of finding with no
    /// message: what a renamed, misspelt or deleted key in guidance/messages/en.yaml leaves.
    static func messageProblems(_ catalogue: MessageCatalogue) -> [String] {
        let ids = Problem.Kind.allCases.map(\.id)
        let keys = catalogue.english.keys.filter { $0.hasPrefix("schema.") || $0.hasPrefix("document.") }
        var problems: [String] = []
        for key in keys.sorted() where !ids.contains(where: { key == $0 || key.hasPrefix($0 + ".") }) {
            let close = Suggest.closest(to: String(key.split(separator: ".").prefix(2).joined(separator: ".")), among: ids)
            problems.append("guidance/messages/en.yaml: the message \(key) belongs to no kind of finding"
                + (close.map { ". Did you mean \($0)? Rename it back" } ?? ". Remove it, or check its name") + ".")
        }
        for id in ids where !keys.contains(where: { $0 == id || $0.hasPrefix(id + ".") }) {
            problems.append("guidance/messages/en.yaml has no message for \(id). Add a line for it, such as `\(id): \"…\"`.")
        }
        return problems
    }

    /// The assumptions the kit's own assumptions file names in its comments ("# A2: …", "# G3: …").
    static func assumptionIDs(_ root: URL) -> Set<String> {
        let text = (try? String(contentsOf: root.appendingPathComponent(Kit.assumptionsFile), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^# ([AG][0-9]+):/).map { String($0.1) }
        })
    }

    public init(library: GuidanceLibrary, kit: Kit, outcomes: [ExampleRunner.Outcome]) {
        var rows: [Row] = []
        var problems = library.problems + Self.messageProblems(kit.catalogue)
        let unreadable = library.unreadable
        let assumptions = Self.assumptionIDs(kit.root)
        for page in library.pages {
            if let id = page.assumption, !assumptions.contains(id) {
                problems.append("\(page.file.lastPathComponent) rests on assumption \(id), which guidance/assumptions.yaml does not list "
                    + "(it lists \(assumptions.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }.joined(separator: ", "))).")
            }
            for name in PageSettings.unfilled(page.body, rule: page.kind == .rule ? page.id : nil) {
                problems.append("\(page.file.lastPathComponent) uses {\(name)}, which nothing fills in. Check its spelling.")
            }
            if page.kind == .rule, page.body.contains("marks this \"") {
                problems.append("\(page.file.lastPathComponent) names a severity in words. Write {severity} and {consequence}, "
                    + "so the page follows the settings.")
            }
        }
        let ruleIDs = RuleEngine.rules.map(\.id)
        for id in ruleIDs {
            let page = library.page(id)
            let mine = outcomes.filter { $0.page == id }
            rows.append(Row(id: id, kind: .rule, hasPage: page != nil, examples: mine.count,
                            examplesBehaving: mine.filter(\.behavesAsWritten).count))
            guard let page else {
                if !unreadable.contains("\(id).md") { problems.append("The rule \(id) has no page. Add guidance/rules/\(id).md.") }
                continue
            }
            if !page.examples.contains(where: \.passes) { problems.append("The page for \(id) has no passing example.") }
            if !page.examples.contains(where: { !$0.passes }) { problems.append("The page for \(id) has no failing example.") }
            for outcome in mine where !outcome.behavesAsWritten {
                problems.append("\(id), example \(outcome.example.number) ('\(outcome.example.title)'): \(outcome.failure ?? "")")
            }
            if let topic = page.topic {
                if let topicPage = library.page(topic) {
                    if ["topic.case-studies", "topic.supply-chains", "topic.consortia"].contains(topic),
                       !topicPage.body.contains("../rules/\(id).md") {
                        problems.append("The topic page \(topic) does not link to the rule \(id) it explains.")
                    }
                } else {
                    problems.append("The page for \(id) names the topic \(topic), which has no page.")
                }
            }
        }
        let findingIDs = Self.findingIDs(kit.catalogue)
        for id in findingIDs {
            let has = library.page(id) != nil
            rows.append(Row(id: id, kind: .finding, hasPage: has, examples: 0, examplesBehaving: 0))
            if !has && !unreadable.contains("\(id).md") { problems.append("The finding \(id) has no page. Add guidance/findings/\(id).md.") }
        }
        for id in Self.topics {
            let has = library.page(id) != nil
            rows.append(Row(id: id, kind: .topic, hasPage: has, examples: 0, examplesBehaving: 0))
            if !has { problems.append("The topic \(id) has no page.") }
        }
        let known = Set(ruleIDs + findingIDs + Self.topics + ["reference.fields"])
        for page in library.pages where !known.contains(page.id) {
            problems.append("\(page.file.lastPathComponent) (id \(page.id)) belongs to no rule, finding or topic.")
        }
        for page in library.pages {
            let expected: GuidancePage.Kind = ruleIDs.contains(page.id) ? .rule : findingIDs.contains(page.id) ? .finding
                : Self.topics.contains(page.id) ? .topic : .reference
            if known.contains(page.id), page.kind != expected {
                problems.append("\(page.file.lastPathComponent) says it is a \(page.kind.rawValue) page, but \(page.id) is a \(expected.rawValue).")
            }
        }
        self.rows = rows
        self.problems = problems
    }
}
