import Foundation
import QualifyDocument
import QualifyKit

/// Builds a section's questions from the form model and the draft: the XSD's labels, hints,
/// types, choices and how often a field may appear decide every control, so a field added to
/// the XSD appears with no template change. Findings are placed beside the field they point at.
struct FormFields {
    let model: FormModel
    let configuration: Configuration
    /// Findings by the path they point at (a JSON Pointer).
    var findings: [String: [Finding]]
    /// Where each path's control is, for the error summary's links.
    private(set) var anchors: [String: String] = [:]

    init(model: FormModel, configuration: Configuration, findings: [Finding]) {
        self.model = model
        self.configuration = configuration
        self.findings = Dictionary(grouping: findings, by: \.path)
    }

    static func id(_ path: DocumentPath) -> String {
        "f" + String(path.description.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// `label` names a repeated item by its place ("Trading name 2") instead of the field's label.
    mutating func field(_ decl: FieldDecl, at path: DocumentPath, node: Node?, label: String? = nil) -> FieldView {
        var view = FieldView(id: Self.id(path), name: path.description, label: label ?? decl.label)
        view.hint = label == nil ? decl.hint : ""
        switch model.type(named: decl.typeName) {
        case .complex(let complex)?:
            view.isGroup = true
            view.fields = complex.fields.map { field($0, at: path.appending($0.name), node: node?[$0.name]) }
        case .list(let list)?:
            if case .simple(let simple)? = model.type(named: list.item.typeName), !simple.choices.isEmpty {
                checkboxes(&view, simple, items: node?.items ?? [])
            } else {
                self.list(&view, decl, list, at: path, items: node?.items ?? [])
            }
        case .simple(let simple)?:
            self.simple(&view, decl, simple, value: node.flatMap(Self.text))
        case nil:
            view.isText = true
            view.value = node.flatMap(Self.text) ?? ""
        }
        attachMessages(&view, at: path, includingItems: view.isCheckboxes)
        return view
    }

    private mutating func simple(_ view: inout FieldView, _ decl: FieldDecl, _ simple: SimpleType, value: String?) {
        let value = value ?? ""
        var choices = simple.choices.map { ($0.value, $0.label) }
        if simple.base == .boolean { choices = [("true", "Yes"), ("false", "No")] }
        if !choices.isEmpty {
            // A value not in the list stays visible and chosen, so saving never loses it.
            if !value.isEmpty, !choices.contains(where: { $0.0 == value }) { choices.append((value, "'\(value)' (not in the list)")) }
            if choices.count <= 8 {
                view.isRadios = true
                if !decl.isRequired { choices.append(("", "Leave this out")) }
            } else {
                view.isSelect = true
                choices.insert(("", "Choose one"), at: 0)
            }
            view.options = choices.enumerated().map { index, choice in
                let chosen = choice.0 == value && (!value.isEmpty || view.isSelect)
                return OptionView(value: choice.0, label: choice.1, id: "\(view.id)-\(index)", checked: chosen, selected: chosen)
            }
            return
        }
        if let format = simple.format { view.hint += (view.hint.isEmpty ? "" : " ") + "Write it as \(format)." }
        switch simple.base {
        case .date:
            view.isDate = true
            (view.day, view.month, view.year) = DateParts.split(value)
            view.hint += (view.hint.isEmpty ? "" : " ") + "For example, 31 3 2024."
        case .dateTime:
            view.isDate = true
            view.isDateTime = true
            let parts = DateTimeParts.split(value)
            (view.day, view.month, view.year) = DateParts.split(parts.date)
            (view.hour, view.minute, view.second, view.zone) = (parts.hour, parts.minute, parts.second, parts.zone)
            view.hint = "The date, then the time in 24 hours, UK time. For example, 17 2 2026 and 14 30."
        case .decimal, .integer, .nonNegativeInteger:
            view.isText = true
            view.value = value
            view.inputmode = simple.base == .decimal ? "decimal" : "numeric"
            view.widthClass = "narrow"
            if decl.name.hasSuffix("GBP") { view.prefix = "£" }
            if decl.name.hasSuffix("Percent") { view.suffix = "%" }
        default:
            view.value = value
            if let limit = configuration.wordLimits[decl.name] {
                view.wordLimit = "Write \(limit.formatted()) words or fewer."
            }
            let long = (simple.maxLength ?? 0) >= 2000 || !view.wordLimit.isEmpty || value.contains("\n")
            view.isTextarea = long
            view.isText = !long
            if let max = simple.maxLength, max <= 40 { view.widthClass = "narrow" }
        }
    }

    private func checkboxes(_ view: inout FieldView, _ simple: SimpleType, items: [Node]) {
        view.isCheckboxes = true
        view.listMarker = view.name
        let chosen = items.compactMap(Self.text)
        var choices = simple.choices.map { ($0.value, $0.label) }
        for value in chosen where !choices.contains(where: { $0.0 == value }) { choices.append((value, "'\(value)' (not in the list)")) }
        view.isLong = choices.count > 8
        view.options = choices.enumerated().map { index, choice in
            OptionView(value: choice.0, label: choice.1, id: "\(view.id)-\(index)", checked: chosen.contains(choice.0))
        }
    }

    private mutating func list(_ view: inout FieldView, _ decl: FieldDecl, _ list: ListType, at path: DocumentPath, items: [Node]) {
        view.isList = true
        let itemLabel = list.item.label
        let lower = Wording.inSentence(itemLabel)
        view.items = items.enumerated().map { index, node in
            let itemPath = path.appending(index: index)
            var item = ItemView(headingID: Self.id(itemPath) + "-heading")
            item.removeLabel = "Remove \(lower) \(index + 1)"
            item.removeAction = "remove:\(itemPath.description)"
            item.removeTarget = view.id
            if case .complex(let complex)? = model.type(named: list.item.typeName) {
                let title = ItemTitle.of(node, complex, model: model)
                item.heading = "\(itemLabel) \(index + 1)" + (title.map { ": \($0)" } ?? "")
                item.hasHeading = true
                item.fields = complex.fields.map { field($0, at: itemPath.appending($0.name), node: node[$0.name]) }
            } else {
                item.fields = [field(list.item, at: itemPath, node: node, label: "\(itemLabel) \(index + 1)")]
            }
            return item
        }
        view.canAdd = items.count < (list.item.maxOccurs ?? Int.max)
        view.addLabel = items.isEmpty ? "Add \(Self.article(lower)) \(lower)" : "Add another \(lower)"
        view.addAction = "add:\(path.description)"
        view.addTarget = Self.id(path.appending(index: items.count)) + "-heading"
        anchors[path.description] = view.id
    }

    private mutating func attachMessages(_ view: inout FieldView, at path: DocumentPath, includingItems: Bool) {
        var found = findings.removeValue(forKey: path.description) ?? []
        let target = view.isDate ? view.id + "-day" : (view.isRadios || view.isCheckboxes) ? view.id + "-0" : view.id
        if includingItems {
            for key in findings.keys where DocumentPath(pointer: key)?.parent == path {
                found += findings.removeValue(forKey: key) ?? []
                anchors[key] = target
            }
        }
        anchors[path.description] = target
        view.errorID = view.id + "-error"
        view.hintID = view.id + "-hint"
        view.wordLimitID = view.id + "-limit"
        view.hasHint = !view.hint.isEmpty
        view.hasWordLimit = !view.wordLimit.isEmpty
        view.hasPrefix = !view.prefix.isEmpty
        view.hasSuffix = !view.suffix.isEmpty
        view.messages = found.enumerated().map { MessageView.from($0.element, target: target, id: "\(view.id)-m\($0.offset)") }
        view.hasMessages = !found.isEmpty
        view.invalid = found.contains { $0.severity.blocks }
        view.hasInputmode = !view.inputmode.isEmpty
        view.describedBy = [view.hasHint ? view.hintID : nil, view.hasWordLimit ? view.wordLimitID : nil,
                            view.hasMessages ? view.errorID : nil].compactMap { $0 }.joined(separator: " ")
        view.hasDescribedBy = !view.describedBy.isEmpty
    }

    /// The value as a person would type it back.
    static func text(_ node: Node) -> String? {
        switch node.value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    static func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1).lowercased()) ? "an" : "a"
    }
}
