import QualifyDocument

/// Runs every rule over a document and words what they find. Rules run whatever the schema
/// check found. A rule that needs a value which is missing or has a problem of its own is held
/// back, and the person is told which checks wait on which field, once per field.
public struct RuleEngine: Sendable {
    public static let rules: [Rule] = ConsortiumRules.all + SupplyChainRules.all + CategoryRules.all
        + CaseStudyRules.all + IdentityRules.all + FinanceRules.all + CrossCheckRules.all
    public static let ruleIDs = Set(rules.map(\.id))

    let model: FormModel
    let catalogue: MessageCatalogue
    let configuration: Configuration

    /// What the rules found, and the sections they told the person to remove.
    struct Outcome {
        var findings: [Finding]
        var removed: [DocumentPath]

        /// True for a finding inside (not at) a section the person is told to remove.
        func isInsideRemoved(_ finding: Finding) -> Bool {
            removed.contains { finding.path.hasPrefix($0.description + "/") }
        }
    }

    /// `problemPaths`: where the schema check already found something wrong.
    /// `misspelt`: a field the person meant, with the misspelt name they wrote; a rule waiting on
    /// it is said to wait on what they wrote, which is where they will look.
    func run(_ document: Document, problemPaths: Set<DocumentPath> = [], misspelt: [DocumentPath: DocumentPath] = [:]) -> Outcome {
        let places = Places(model: model)
        var findings: [Finding] = []
        var removed: [DocumentPath] = []
        var waiting: [DocumentPath: [String]] = [:]
        let submission = Submission(root: document.root, model: model, logsReads: !problemPaths.isEmpty || !misspelt.isEmpty)
        for rule in Self.rules {
            submission.reads.clear()
            do {
                let hits = try rule.check(submission, configuration)
                let reads = submission.reads.paths
                if let blocked = reads.first(where: { Self.hasProblem($0, problemPaths) }) {
                    waiting[misspelt[blocked] ?? blocked, default: []].append(rule.id)
                    continue
                }
                // Finding nothing is safe to say; finding something may be the misspelling's doing.
                if !hits.isEmpty, let meant = reads.first(where: { misspelt[$0] != nil }) {
                    waiting[misspelt[meant]!, default: []].append(rule.id)
                    continue
                }
                findings += hits.map { finding(rule, $0, document.root, places) }
                removed += hits.filter(\.removesSection).map { $0.field.path(in: document.root) }
            } catch let needs as RuleNeeds {
                let blocked = submission.reads.paths.first { Self.hasProblem($0, problemPaths) } ?? needs.path
                waiting[misspelt[blocked] ?? blocked, default: []].append(rule.id)
            } catch {
                continue
            }
        }
        let all = findings + waiting.keys.sorted().map { notChecked(waiting[$0]!, at: $0, document, places) }
        let outcome = Outcome(findings: all, removed: removed)
        return Outcome(findings: all.filter { !outcome.isInsideRemoved($0) }, removed: removed)
    }

    /// For the lint: each rule message a document leads to, with the facts its rule supplied.
    func suppliedFacts(_ document: Document) -> [String: Set<String>] {
        var supplied: [String: Set<String>] = [:]
        let submission = Submission(root: document.root, model: model, logsReads: false)
        for rule in Self.rules {
            guard let hits = try? rule.check(submission, configuration) else { continue }
            for hit in hits {
                supplied["rule.\(rule.id)" + (hit.variant.map { ".\($0)" } ?? ""), default: []]
                    .formUnion(Set(hit.facts.keys).union(["place", "field"]))
            }
        }
        return supplied
    }

    /// A read is spoilt by a problem at the value itself or at any section holding it.
    static func hasProblem(_ read: DocumentPath, _ problems: Set<DocumentPath>) -> Bool {
        if problems.isEmpty { return false }
        // Few problems (the usual case): compare prefixes rather than make each parent path.
        if problems.count < 16 { return problems.contains { !$0.tokens.isEmpty && read.hasPrefix($0) } }
        var current: DocumentPath? = read
        while let path = current, !path.tokens.isEmpty {
            if problems.contains(path) { return true }
            current = path.parent
        }
        return false
    }

    /// Placed by the hit's own field: no walk from the root.
    private func finding(_ rule: Rule, _ hit: RuleHit, _ root: Node, _ places: Places) -> Finding {
        let path = hit.field.path(in: root)
        let described = places.describe(path)
        var values = hit.facts
        values["place"] = described.place
        values["field"] = described.field
        let key = "rule.\(rule.id)" + (hit.variant.map { ".\($0)" } ?? "")
        let position = hit.field.position
        let value = hit.field.node?.scalarText
        return Finding(id: rule.id, severity: configuration.severity(of: rule), message: catalogue.render(key, values),
                       section: described.section, place: described.place, path: path.description,
                       line: position?.line, column: position?.column, value: value)
    }

    /// Placed by its path: it may name a misspelt field, which no rule read.
    private func notChecked(_ rules: [String], at path: DocumentPath, _ document: Document, _ places: Places) -> Finding {
        let described = places.describe(path)
        let key = rules.count == 1 ? "rule.not-checked.one" : "rule.not-checked"
        let title = catalogue.template("rule.\(rules[0]).title") ?? rules[0]
        let message = catalogue.render(key, ["count": "\(rules.count)", "place": described.place, "title": title])
        let position = Self.position(of: path, in: document.root)
        return Finding(id: "rule.not-checked", severity: .info, message: message, section: described.section,
                       place: described.place, path: path.description, line: position?.line, column: position?.column,
                       value: document.root.node(at: path)?.scalarText, waiting: rules)
    }

    /// Where a path is, or where its nearest existing parent is, for a field that is missing.
    static func position(of path: DocumentPath, in root: Node) -> SourcePosition? {
        var current: DocumentPath? = path
        while let candidate = current {
            if let node = root.node(at: candidate), let position = node.position { return position }
            current = candidate.parent
        }
        return nil
    }
}
