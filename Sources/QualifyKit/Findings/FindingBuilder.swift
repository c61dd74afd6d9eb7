import QualifyDocument

/// Puts a problem into words from the catalogue, with the field's own labels and the value
/// the person wrote.
struct FindingBuilder {
    let catalogue: MessageCatalogue
    let places: Places

    func finding(for problem: Problem) -> Finding {
        let described = places.describe(problem.path)
        var values = problem.facts
        values["place"] = described.place
        values["field"] = described.field
        values["parent"] = places.parentPlace(of: problem.path)
        if let value = problem.value { values["value"] = Self.shown(value) }
        var key = problem.kind.id
        switch problem.kind {
        case .missing:
            // A top-level answer such as the reference is one field, not a section of the form.
            if problem.path.parent == .root {
                if case .simple? = places.type(at: problem.path) { key += ".top.answer" } else { key += ".top" }
            }
        case .empty:
            if problem.path.parent == .root { key += ".top" }
            // A blank field the form does not need can simply go: say so, as the starter does.
            if places.declaration(at: problem.path)?.isRequired == false { key += ".optional" }
        case .unknownField:
            values["parent"] = places.parentPlace(of: problem.path)
            if problem.facts["attribute"] != nil {
                key += ".attribute"
            } else if let suggestion = problem.facts["suggestion"], let parent = problem.path.parent {
                key += ".suggestion"
                values["suggestionLabel"] = places.label(ofField: suggestion, in: parent).map(Places.inSentence) ?? suggestion
            }
        case .wrongPlace:
            if problem.facts["after"] == nil { key += ".first" }
        case .notInList:
            if case .simple(let simple)? = places.type(at: problem.path) {
                if let suggestion = problem.facts["suggestion"],
                   let choice = simple.choices.first(where: { $0.value == suggestion }) {
                    key += ".suggestion"
                    values["suggestionLabel"] = choice.label
                } else if simple.choices.count <= 5 {
                    key += ".few"
                    values["choices"] = Self.list(simple.choices.map { "'\($0.value)'" })
                } else {
                    values["example"] = simple.choices.first.map { "'\($0.value)'" } ?? ""
                }
            }
        case .wrongFormat:
            if problem.facts["format"] == nil { key += ".plain" }
        case .notANumber, .notAWholeNumber, .notYesNo:
            // A JSON value in quote marks that would be right without them.
            if case .simple(let simple)? = places.type(at: problem.path), let value = problem.value,
               problem.isQuotedScalar,
               (simple.base == .boolean ? Lexical.isBoolean(value) : Lexical.isDecimal(value)) {
                key += ".quoted"
            } else if problem.kind == .notANumber, case .simple(let simple)? = places.type(at: problem.path), simple.maxInclusive == 100 {
                key += ".percent"
            }
        case .tooFew:
            if case .list(let list)? = places.type(at: problem.path) { values["item"] = Places.inSentence(list.item.label) }
        case .wrongVersion, .missingVersion:
            values["expected"] = problem.facts["expected"]
        default:
            break
        }
        let message = catalogue.render(key, values)
        return Finding(id: problem.kind.id, severity: .mustFix, message: message, section: described.section,
                       place: problem.path == .root ? nil : described.place, path: problem.path.description,
                       line: problem.position?.line, column: problem.position?.column, value: problem.value)
    }

    /// A value as shown inside a message: one line, and short enough to read at a glance.
    static func shown(_ value: String) -> String {
        let oneLine = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(37)) + "…" : oneLine
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
