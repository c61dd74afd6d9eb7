import QualifyDocument

/// `qualify init`: a starter submission with every field of the form, each explained in XML by
/// a comment with its label, hint, format and choices. Values are left blank, so checking the
/// starter lists exactly what is left to fill in.
public struct Starter: Sendable {
    let model: FormModel

    public init(model: FormModel) {
        self.model = model
    }

    public func xml() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- \(model.rootLabel), form version \(model.versions.first ?? ""). Fill in each field; the comment above it says what it needs. -->\n"
        out += "<\(model.rootName) xmlns=\"\(model.namespace)\" schemaVersion=\"\(model.versions.first ?? "")\">\n"
        if case .complex(let root)? = model.type(named: model.rootType) {
            for field in root.fields { out += element(field, level: 1) }
        }
        return out + "</\(model.rootName)>\n"
    }

    public func json() -> String {
        guard case .complex(let root)? = model.type(named: model.rootType) else { return "{}\n" }
        let members = [Member(key: "schemaVersion", node: Node(.string(model.versions.first ?? "")))]
            + root.fields.map { Member(key: $0.name, node: value(for: $0)) }
        return JSONWriter.write(Node(.object(members)))
    }

    private func element(_ field: FieldDecl, level: Int) -> String {
        let pad = String(repeating: "  ", count: level)
        var out = "\(pad)<!-- \(XMLText.comment(explanation(of: field))) -->\n"
        switch model.type(named: field.typeName) {
        case .complex(let complex)?:
            out += "\(pad)<\(field.name)>\n" + complex.fields.map { element($0, level: level + 1) }.joined() + "\(pad)</\(field.name)>\n"
        case .list(let list)?:
            out += "\(pad)<\(field.name)>\n" + element(list.item, level: level + 1) + "\(pad)</\(field.name)>\n"
        default:
            out += "\(pad)<\(field.name)></\(field.name)>\n"
        }
        return out
    }

    private func value(for field: FieldDecl) -> Node {
        switch model.type(named: field.typeName) {
        case .complex(let complex)?: return Node(.object(complex.fields.map { Member(key: $0.name, node: value(for: $0)) }))
        case .list(let list)?: return Node(.array([value(for: list.item)]))
        case .simple(let simple)?: return simple.isText || simple.base == .date || simple.base == .dateTime ? Node(.string("")) : Node(.null)
        case nil: return Node(.null)
        }
    }

    /// "Legal name (optional). The full name on the register. Write it as …. Choose one of …"
    func explanation(of field: FieldDecl) -> String {
        var parts = [field.label + (field.isRequired ? "" : " (optional: delete it if it does not apply)") + "."]
        if !field.hint.isEmpty { parts.append(field.hint) }
        switch model.type(named: field.typeName) {
        case .list(let list)?:
            parts.append("Repeat <\(list.item.name)> for each one" + (list.item.maxOccurs.map { ", up to \($0)" } ?? "") + ".")
        case .simple(let simple)?:
            parts.append(contentsOf: Self.valueAdvice(simple))
        default:
            break
        }
        return parts.joined(separator: " ")
    }

    static func valueAdvice(_ simple: SimpleType) -> [String] {
        var parts: [String] = []
        if !simple.choices.isEmpty {
            if simple.choices.count <= 15 {
                parts.append("Choose one of: " + simple.choices.map { "\($0.value) (\($0.label))" }.joined(separator: ", ") + ".")
            } else {
                parts.append("Choose one of the \(simple.choices.count) codes in the field reference, like \(simple.choices[0].value).")
            }
        }
        switch simple.base {
        case .date: parts.append("Write a date like 2026-03-31.")
        case .dateTime: parts.append("Write a date and time like 2026-03-31T14:30:00+01:00.")
        case .boolean: parts.append("Write true for yes or false for no.")
        case .decimal where simple.maxInclusive == 100:
            parts.append("Write a number from 0 to 100 with no % sign, like 25.")
        case .decimal where simple.fractionDigits == 2 && simple.name == "MoneyType":
            parts.append("Write a number with no commas or £ sign, like 12000.")
        case .decimal: parts.append("Write a number with no commas, like 7.5.")
        case .integer, .nonNegativeInteger: parts.append("Write a whole number, like 12.")
        case .string, .anyURI:
            if let format = simple.format, simple.choices.isEmpty { parts.append("Write it as \(format).") }
        }
        return parts
    }
}

enum XMLText {
    /// Text safe inside an XML comment, which may not hold "--".
    static func comment(_ text: String) -> String {
        var result = text
        while result.contains("--") { result = result.replacing("--", with: "- -") }
        return result.hasSuffix("-") ? result + " " : result
    }
}
