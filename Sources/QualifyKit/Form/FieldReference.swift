/// The field reference: every field of the form with its label, hint and what it takes, made
/// from the schema's annotations. Committed as guidance/reference/fields.md; a test fails when
/// it is stale, and `qualify guidance fields --write` makes it again.
public struct FieldReference: Sendable {
    public static let fileName = "guidance/reference/fields.md"
    let model: FormModel

    public init(model: FormModel) {
        self.model = model
    }

    public func markdown() -> String {
        var out = """
            ---
            id: reference.fields
            title: Every field in the form
            kind: reference
            ---

            # Every field in the form

            This page lists every field of the qualification submission, form version \(model.versions.first ?? ""), \
            section by section. It is made from the form itself (schemas/qualification-1.0.xsd), so it always matches \
            what Qualify checks. The name is what you write in the file: the tag in XML, or the field name in JSON.

            """
        guard case .complex(let root)? = model.type(named: model.rootType) else { return out }
        for field in root.fields {
            out += "\n## \(field.label)\n\n\(field.hint)\n\n| Field | Name | Needed | What to write |\n|---|---|---|---|\n"
            rows(field, prefix: "", into: &out)
        }
        out += "\n## Codes with long lists\n"
        for type in model.types.keys.sorted() {
            guard case .simple(let simple)? = model.types[type], simple.choices.count > 15 else { continue }
            out += "\n### \(type)\n\n| Code | Meaning |\n|---|---|\n"
            for choice in simple.choices { out += "| `\(choice.value)` | \(choice.label) |\n" }
        }
        return out
    }

    private func rows(_ field: FieldDecl, prefix: String, into out: inout String) {
        let name = prefix.isEmpty ? field.name : "\(prefix)/\(field.name)"
        let needed = field.isRequired ? "Yes" : "No"
        switch model.type(named: field.typeName) {
        case .complex(let complex)?:
            out += "| \(field.label) | `\(name)` | \(needed) | A section: \(field.hint) |\n"
            for child in complex.fields { rows(child, prefix: name, into: &out) }
        case .list(let list)?:
            let most = list.item.maxOccurs.map { "up to \($0)" } ?? "any number"
            out += "| \(field.label) | `\(name)` | \(needed) | A list of \(list.item.minOccurs) to \(most) |\n"
            rows(list.item, prefix: name + "/…", into: &out)
        case .simple(let simple)?:
            let advice = Starter.valueAdvice(simple).joined(separator: " ").replacingOccurrences(of: "|", with: "/")
            out += "| \(field.label) | `\(name)` | \(needed) | \(field.hint) \(advice) |\n"
        case nil:
            out += "| \(field.label) | `\(name)` | \(needed) | \(field.hint) |\n"
        }
    }
}
