import Foundation
import QualifyDocument
import QualifyKit

/// Draws the form's pages from a draft: the task list, one section, and "Check your answers".
struct FormPages: Sendable {
    let kit: Kit
    let plan: FormPlan
    let templates: Templates
    let topicTitles: [String: String]

    /// A section of one question makes that question the page's heading; a group has its own.
    func fields(for section: FormPlan.Section, draft: Draft, showFindings: Bool) -> ([FieldView], [Finding], [String: String]) {
        let findings = showFindings ? draft.findings(in: section) : []
        var builder = FormFields(model: kit.model, configuration: kit.configuration, findings: findings)
        let views = section.fields.map { field in
            var view = builder.field(field, at: DocumentPath([.key(field.name)]), node: draft.root?[field.name])
            view.isTop = !section.isGroup
            return view
        }
        let leftOver = builder.findings.values.flatMap { $0 }
        return (views, findings.filter { finding in leftOver.contains { $0 == finding } }, builder.anchors)
    }

    func section(_ section: FormPlan.Section, draft: Draft, showFindings: Bool) -> String {
        let (views, leftOver, anchors) = fields(for: section, draft: draft, showFindings: showFindings)
        var page = SectionPage(key: section.key, pageAction: "/form/section/\(section.key)", draft: draft.encoded, topic: section.topic,
                               topicTitle: topicTitles[section.topic] ?? "the guidance", fields: views)
        page.heading = section.isGroup ? section.label : ""
        page.hasHeading = section.isGroup
        // Counted as the task list counts: the sections asked, given the answers so far.
        let asked = draft.root.map(plan.asked) ?? plan.sections
        if let index = asked.firstIndex(where: { $0.key == section.key }) { page.caption = "Section \(index + 1) of \(asked.count)" }
        page.sectionMessages = leftOver.enumerated().map { offset, finding in
            var message = MessageView.from(finding, target: "section-messages", id: "section-m\(offset)")
            // A field the form does not have (often a misspelt name) can only be taken out here.
            if let path = DocumentPath(pointer: finding.path), finding.id.hasPrefix("schema.unknown-field"), let name = path.lastKey {
                message.hasRemove = true
                message.removeAction = "remove:\(finding.path)"
                message.removeLabel = "Remove '\(name)'"
            }
            return message
        }
        page.hasSectionMessages = !leftOver.isEmpty
        let blocking = (showFindings ? draft.findings(in: section) : []).filter { $0.severity.blocks }
        page.summary = blocking.enumerated().map { offset, finding in
            MessageView.from(finding, target: anchors[finding.path] ?? "section-messages", id: "summary-\(offset)")
        }
        page.hasSummary = !page.summary.isEmpty
        let title = (page.hasSummary ? "Error: " : "") + section.label
        return templates.page("section", title: title, page)
    }

    func tasks(_ draft: Draft) -> String {
        var page = TaskPage(draft: draft.encoded)
        guard let root = draft.root else { return templates.error(title: "Your submission cannot be read", text: "") }
        var done = 0, asked = 0
        page.tasks = plan.sections.map { section in
            let status = TaskStatus.of(section, plan: plan, draft: draft)
            let applies = plan.applies(section, to: root)
            if applies { asked += 1 }
            if status.style == "completed" { done += 1 }
            return TaskView(key: section.key, label: section.label, status: status.words, statusClass: status.style, applies: applies)
        }
        page.firstAction = "open:" + (page.tasks.first { $0.applies && $0.statusClass != "completed" }?.key ?? plan.sections[0].key)
        page.progress = "You have completed \(done) of \(asked) sections."
        let mustFix = draft.report.count(.mustFix)
        // Before any answer, every unanswered question would count as a thing to fix: say nothing.
        let started = page.tasks.contains { $0.applies && $0.statusClass != "not-started" }
        page.toFix = !started ? "" : mustFix == 0 ? "There is nothing to fix."
            : "There \(mustFix == 1 ? "is 1 thing" : "are \(mustFix) things") to fix in all."
        page.wholeFile = draft.report.findings.filter { finding in !plan.sections.contains { Draft.belongs(finding, to: $0) } }
            .enumerated().map { MessageView.from($0.element, target: "", id: "whole-\($0.offset)") }
        page.hasWholeFile = !page.wholeFile.isEmpty
        return templates.page("tasks", title: "Your qualification submission", page)
    }

    func checkAnswers(_ draft: Draft) -> String {
        var page = CheckPage(draft: draft.encoded, headline: Headline.advice(draft.report, catalogue: kit.catalogue), triage: BatchReport.triage(draft.report).rawValue)
        guard let root = draft.root else { return templates.error(title: "Your submission cannot be read", text: "") }
        for section in plan.sections where plan.applies(section, to: root) {
            let (views, _, anchors) = fields(for: section, draft: draft, showFindings: true)
            var view = CheckSection(key: section.key, label: section.label,
                                    status: TaskStatus.of(section, plan: plan, draft: draft).words, headingID: "check-\(section.key)")
            view.messages = draft.findings(in: section).enumerated().map { offset, finding in
                var message = MessageView.from(finding, target: anchors[finding.path] ?? "section-messages", id: "check-\(section.key)-\(offset)")
                message.place = finding.place ?? section.label
                return message
            }
            view.rows = FormPlan.hasAnswers(section, in: root) ? views.flatMap { AnswerRows.rows($0) } : []
            view.hasMessages = !view.messages.isEmpty
            view.hasRows = !view.rows.isEmpty
            page.sections.append(view)
        }
        page.summary = page.sections.flatMap { section in section.messages.filter(\.blocks).map { MessageView(text: $0.text, target: $0.id) } }
        page.hasSummary = !page.summary.isEmpty
        return templates.page("check-answers", title: (page.hasSummary ? "Error: " : "") + "Check your answers", page)
    }
}
