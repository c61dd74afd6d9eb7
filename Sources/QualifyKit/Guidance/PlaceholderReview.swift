import QualifyDocument

/// People edit guidance/messages/en.yaml without touching Swift, and a placeholder nothing fills
/// would show as a gap in the message ("Check  before you send it"). The lint names each one:
/// a rule's message is held to the facts that rule supplies when its page's examples run; any
/// other message to the facts the form check, unreadable files and conversions fill in.
enum PlaceholderReview {
    static func problems(kit: Kit, library: GuidanceLibrary) -> [String] {
        let supplied = suppliedByRules(kit: kit, library: library)
        let others = Set(MessageSamples.values.keys)
        var problems: [String] = []
        for key in kit.catalogue.english.keys.sorted() where !key.hasSuffix(".title") {
            let used = MessageCatalogue.placeholders(in: kit.catalogue.english[key] ?? "")
            let known: Set<String>
            if key.hasPrefix("rule.not-checked") {
                known = ["count", "place", "title"]
            } else if key.hasPrefix("rule.") {
                // A wording no example reaches cannot be checked this way; its rule's page needs an example.
                guard let facts = supplied[key] else { continue }
                known = facts
            } else {
                known = others
            }
            for name in used.subtracting(known).sorted() {
                problems.append("guidance/messages/en.yaml: \(key) uses {\(name)}, which nothing fills in. "
                    + "It can use \(known.sorted().map { "{\($0)}" }.joined(separator: ", ")).")
            }
        }
        return problems
    }

    static func suppliedByRules(kit: Kit, library: GuidanceLibrary) -> [String: Set<String>] {
        let runner = ExampleRunner(kit: kit)
        var supplied: [String: Set<String>] = [:]
        for page in library.pages(of: .rule) {
            for example in page.examples {
                guard case .success(let prepared) = runner.prepare(example),
                      case .success(let root) = JSONReader.parse(Array(prepared.text.utf8)[...]) else { continue }
                let engine = RuleEngine(model: kit.model, catalogue: kit.catalogue, configuration: prepared.configuration)
                supplied.merge(engine.suppliedFacts(Document(root: root, format: .json))) { $0.union($1) }
            }
        }
        return supplied
    }
}
