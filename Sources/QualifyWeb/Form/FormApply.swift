import Foundation
import QualifyDocument
import QualifyKit

/// Puts a section's posted answers into the draft. It walks the same model and draft as the
/// page that was shown, so it reads only the fields that page had; a field the browser did not
/// send is left as it was. What a person typed is kept exactly, even when it is wrong: the
/// checker, not this code, decides what is wrong and says so.
struct FormApply {
    let model: FormModel
    let form: FormBody

    func apply(_ decl: FieldDecl, at path: DocumentPath, to root: inout Node) {
        switch model.type(named: decl.typeName) {
        case .complex(let complex)?:
            let existing = root.node(at: path)
            if existing == nil { root = root.setting(path, to: Node(.object([]))) }
            guard root.node(at: path)?.members != nil else { return }
            for field in complex.fields { apply(field, at: path.appending(field.name), to: &root) }
            // A section left empty goes back to not answered; an item keeps its place in its list.
            if path.lastKey != nil, root.node(at: path)?.members?.isEmpty == true, existing?.members?.isEmpty != true {
                root = root.removing(path)
            }
        case .list(let list)?:
            if case .simple(let simple)? = model.type(named: list.item.typeName), !simple.choices.isEmpty {
                applyChecked(at: path, to: &root)
                return
            }
            let count = root.node(at: path)?.items?.count ?? 0
            for index in 0..<count { apply(list.item, at: path.appending(index: index), to: &root) }
        case .simple(let simple)?:
            applyValue(simple, at: path, to: &root)
        case nil:
            if let text = form.first(path.description) { set(text.isEmpty ? nil : Node(.string(text)), at: path, in: &root) }
        }
    }

    private func applyValue(_ simple: SimpleType, at path: DocumentPath, to root: inout Node) {
        let name = path.description
        if simple.base == .dateTime, simple.choices.isEmpty {
            guard let day = form.first(name + ":day"), let month = form.first(name + ":month"), let year = form.first(name + ":year") else { return }
            let date = DateParts.join(day: day, month: month, year: year)
            let joined = DateTimeParts.join(date: date, hour: form.first(name + ":hour") ?? "", minute: form.first(name + ":minute") ?? "",
                                            second: form.first(name + ":second") ?? "", zone: form.first(name + ":zone") ?? "")
            set(joined.map { Node(.string($0)) }, at: path, in: &root)
            return
        }
        if simple.base == .date, simple.choices.isEmpty {
            guard let day = form.first(name + ":day"), let month = form.first(name + ":month"), let year = form.first(name + ":year") else { return }
            set(DateParts.join(day: day, month: month, year: year).map { Node(.string($0)) }, at: path, in: &root)
            return
        }
        guard let text = form.first(name) else { return }
        if text.isEmpty { return set(nil, at: path, in: &root) }
        let numeric = [.decimal, .integer, .nonNegativeInteger].contains(simple.base)
        if simple.base == .boolean, text == "true" || text == "false" {
            set(Node(.bool(text == "true")), at: path, in: &root)
        } else if numeric, Self.isNumber(text) {
            set(Node(.number(text)), at: path, in: &root)
        } else {
            set(Node(.string(text)), at: path, in: &root)
        }
    }

    /// Ticked boxes keep the order the file had them in; newly ticked ones follow.
    private func applyChecked(at path: DocumentPath, to root: inout Node) {
        guard let posted = form.all(path.description) else { return }
        let ticked = posted.filter { !$0.isEmpty }
        let before = root.node(at: path)?.items ?? []
        var after = before.filter { FormFields.text($0).map(ticked.contains) ?? false }
        let kept = Set(after.compactMap(FormFields.text))
        var added = Set<String>()
        for value in ticked where !kept.contains(value) && added.insert(value).inserted { after.append(Node(.string(value))) }
        set(after.isEmpty ? nil : Node(.array(after)), at: path, in: &root)
    }

    /// A blank answer takes the field out, so the checker asks for it as missing rather than
    /// as written wrongly. A list item keeps its place even when blank.
    private func set(_ node: Node?, at path: DocumentPath, in root: inout Node) {
        let old = root.node(at: path)
        guard var node else {
            if case .index? = path.tokens.last { root = root.setting(path, to: Node(.string(""), tag: old?.tag)) } else { root = root.removing(path) }
            return
        }
        node.tag = old?.tag
        root = root.setting(path, to: node)
    }

    /// A required question saved blank stays in the draft, blank, so the checker asks for each
    /// question inside it ("enter the signatory's name") rather than saying the whole section is
    /// missing from the file. Only "Save and continue" does this: going back to the task list
    /// without typing leaves a section not started.
    static func keepingRequired(_ fields: [FieldDecl], in root: Node, model: FormModel) -> Node {
        var root = root
        for field in fields where field.isRequired && root[field.name] == nil {
            if case .complex? = model.type(named: field.typeName) {
                root = root.setting(DocumentPath([.key(field.name)]), to: Node(.object([])))
            } else if case .simple? = model.type(named: field.typeName) {
                root = root.setting(DocumentPath([.key(field.name)]), to: Node(.string("")))
            }
        }
        return root
    }

    /// A number as JSON writes one; anything else (12,000 or £5) is kept as text for the checker.
    static func isNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }
}
