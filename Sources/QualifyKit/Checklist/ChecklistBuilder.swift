import Foundation
import QualifyDocument
import Yams

/// Builds the reviewer checklist from a checked submission.
public struct ChecklistBuilder: Sendable {
    let kit: Kit
    let configuration: Configuration
    let registers: [String: Register]

    struct Register: Decodable, Sendable {
        let register: String
        let link: String
    }

    public init(kit: Kit, configuration: Configuration? = nil) {
        self.kit = kit
        self.configuration = configuration ?? kit.configuration
        let file = kit.root.appendingPathComponent("guidance/registers.yaml")
        registers = (try? String(contentsOf: file, encoding: .utf8)).flatMap { try? YAMLDecoder().decode([String: Register].self, from: $0) } ?? [:]
    }

    public func build(_ inspection: Checker.Inspection) -> Checklist {
        let report = inspection.report
        let s = inspection.document.map { Submission(root: $0.root, model: kit.model) }
        let ruleFindings = report.findings.filter { RuleEngine.ruleIDs.contains($0.id) }
        let waiting = Set(report.findings.filter { $0.id == "rule.not-checked" }.flatMap { $0.waiting ?? [] })
        let automated = RuleEngine.rules.map { rule -> Checklist.Automated in
            let mine = ruleFindings.filter { $0.id == rule.id }
            let result: Checklist.Result = waiting.contains(rule.id) || s == nil ? .waiting
                : mine.contains { $0.severity != .info } ? .failed : .passed
            return Checklist.Automated(rule: rule.id, title: kit.catalogue.template("rule.\(rule.id).title") ?? rule.id,
                                       result: result, notes: mine.map(\.message))
        }
        var sections: [Checklist.Section] = []
        if let s {
            let facts = ChecklistFacts(s: s, registers: registers, configuration: configuration)
            sections = [facts.caseStudies(), facts.organisations(), facts.consortium(), facts.supplyChain(),
                        facts.exclusions(), facts.finances(), facts.monitoring()].filter { !$0.questions.isEmpty }
        }
        return Checklist(file: report.file, summary: summary(report, s), formFindings: report.findings.filter { !RuleEngine.ruleIDs.contains($0.id) && $0.id != "rule.not-checked" },
                         automated: automated, sections: sections)
    }

    private func summary(_ report: Report, _ s: Submission?) -> [Checklist.Fact] {
        var facts = [Checklist.Fact("File", report.file), Checklist.Fact("Result", BatchReport.triage(report).title)]
        guard let s else { return facts }
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { facts.append(Checklist.Fact(label, value)) } }
        add("Submission reference", s.text(DocumentPath("/submissionId")))
        add("Applicant", s.text(DocumentPath("/applicant/legalName")))
        add("Way of working", s.deliveryModel.map { s.label($0, in: "DeliveryModelType") })
        add("Categories", s.appliedCategories.map(s.categoryLabel).joined(separator: "; "))
        let geography = DocumentPath("/geography")
        add("Where", s.bool(geography / "national") == true ? "National"
            : s.texts(geography / "regions").map { s.label($0, in: "RegionCodeType") }.joined(separator: "; "))
        add("Financial band", s.text(DocumentPath("/financialBand")))
        add("Sent", s.text(DocumentPath("/submittedAt")))
        return facts
    }
}
