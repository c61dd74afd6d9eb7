import Foundation
import QualifyDocument
import QualifyKit

/// What the form's templates draw. Like FieldView, every property is always set.
struct SectionPage {
    var key = "", pageAction = "", draft = "", topic = "", topicTitle = "", caption = "", heading = ""
    var hasHeading = false
    var fields: [FieldView] = []
    var hasSummary = false, hasSectionMessages = false
    var summary: [MessageView] = []
    var sectionMessages: [MessageView] = []
}

struct TaskPage {
    var draft = "", progress = "", toFix = "", firstAction = ""
    var tasks: [TaskView] = []
    var hasWholeFile = false
    var wholeFile: [MessageView] = []
}

struct TaskView {
    var key = "", label = "", status = "", statusClass = ""
    var applies = false
}

struct CheckPage {
    var draft = "", headline = "", triage = ""
    var hasSummary = false
    var summary: [MessageView] = []
    var sections: [CheckSection] = []
}

struct CheckSection {
    var key = "", label = "", status = "", headingID = ""
    var hasMessages = false, hasRows = false
    var messages: [MessageView] = []
    var rows: [RowView] = []
}

struct RowView {
    var label = "", answer = "", target = ""
}

/// A section's status on the task list, in words, never by colour alone.
enum TaskStatus {
    /// Findings that only say a question is still unanswered.
    static let unanswered: Set<String> = ["schema.missing", "schema.empty", "schema.too-few"]

    static func of(_ section: FormPlan.Section, plan: FormPlan, draft: Draft) -> (words: String, style: String) {
        guard let root = draft.root else { return ("Cannot be read", "to-fix") }
        if !plan.applies(section, to: root) {
            // The GOV.UK words for a task that waits on an answer elsewhere.
            if let needs = section.needs, root[needs.field] == nil { return ("Cannot start yet", "not-needed") }
            return ("Not needed", "not-needed")
        }
        // Present but blank (a null, an empty text) is started: the checker has something to say.
        let asked = section.fields.filter { !section.given.contains($0.name) }
        if !asked.isEmpty, asked.allSatisfy({ root[$0.name] == nil }) { return ("Not started", "not-started") }
        let mustFix = draft.mustFix(in: section)
        if mustFix.isEmpty { return ("Completed", "completed") }
        let things = mustFix.count == 1 ? "1 thing" : "\(mustFix.count) things"
        if mustFix.allSatisfy({ unanswered.contains($0.id) }) { return ("In progress, \(things) left to answer", "in-progress") }
        return ("Has \(things) to fix", "to-fix")
    }
}

/// Rows for "Check your answers": every answer of a section, each with the place it is changed.
enum AnswerRows {
    static func rows(_ view: FieldView, prefix: [String] = []) -> [RowView] {
        if view.isGroup { return view.fields.flatMap { rows($0, prefix: prefix + [view.label]) } }
        if view.isList {
            return view.items.enumerated().flatMap { index, item -> [RowView] in
                let name = item.heading.isEmpty ? [] : [item.heading]
                return item.fields.flatMap { rows($0, prefix: prefix + [view.label] + name) }
            }
        }
        let label = (Array(prefix.dropFirst()) + [view.label]).enumerated()
            .map { $0.offset == 0 ? $0.element : Wording.inSentence($0.element) }.joined(separator: ", ")
        return [RowView(label: label, answer: answer(view), target: target(view))]
    }

    static func answer(_ view: FieldView) -> String {
        if view.isRadios || view.isSelect || view.isCheckboxes {
            let chosen = view.options.filter { ($0.checked || $0.selected) && !$0.value.isEmpty }.map(\.label)
            return chosen.isEmpty ? "Not answered" : chosen.joined(separator: ", ")
        }
        if view.isDate {
            let parts = [view.day, view.month, view.year].filter { !$0.isEmpty }
            let time = view.isDateTime && !view.hour.isEmpty ? " at \(view.hour):\(view.minute)" : ""
            return parts.isEmpty ? "Not answered" : parts.joined(separator: " / ") + time
        }
        return view.value.isEmpty ? "Not answered" : view.prefix + view.value + view.suffix
    }

    static func target(_ view: FieldView) -> String {
        view.isDate ? view.id + "-day" : (view.isRadios || view.isCheckboxes) ? view.id + "-0" : view.id
    }
}
