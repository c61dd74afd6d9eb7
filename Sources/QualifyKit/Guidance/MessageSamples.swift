import QualifyDocument
import QualifyXML

/// Every message a person can see, filled in with the form's real labels at every field where
/// it can appear: what the plain-language gate measures, one message at a time and pooled.
public enum MessageSamples {
    public static func all(kit: Kit) -> [(source: String, message: String)] {
        let places = Places(model: kit.model)
        let builder = FindingBuilder(catalogue: kit.catalogue, places: places)
        let facts = ["count": "14", "max": "120", "min": "1", "format": "6 or 7 digits, like 1090095",
                     "example": "2024-03-31", "after": "legalName", "expected": "1.0"]
        var messages: [(String, String)] = []
        for path in paths(kit.model) {
            for kind in applicableKinds(places.type(at: path)) {
                let problem = Problem(kind, at: path, position: SourcePosition(line: 3, column: 5),
                                      value: "Something a person wrote", facts: facts)
                messages.append((path.description + " " + kind.id, builder.finding(for: problem).message))
            }
        }
        for key in kit.catalogue.english.keys.sorted() where !key.hasSuffix(".title") && key != "fallback" {
            messages.append((key, kit.catalogue.render(key, values)))
        }
        return messages
    }

    /// A value for every placeholder a message outside the rules may use: what the form check,
    /// unreadable files and conversions fill in.
    static let values = ["place": "Case study 2, outcomes", "parent": "Case study 2", "field": "outcomes", "value": "yes",
                      "file": "my-submission.xml", "line": "12", "column": "4", "found": "yes", "limit": "512",
                      "size": "12 MB", "format": "JSON", "opened": "title", "closed": "titel", "name": "Eastgate Women's Centre",
                      "expected": "1.0", "count": "4", "max": "3", "min": "1", "item": "case study",
                      "choices": "'SAME' or 'SIMILAR'", "example": "2024-03-31", "suggestion": "legalName",
                      "suggestionLabel": "legal name", "after": "legalName", "title": "Housing first, Leeds",
                      "category": "Accommodation", "ref": "org-2", "other": "Mersey Skills", "date": "2022-03-31",
                      "years": "3 years", "months": "24", "total": "104", "share": "25", "lead": "mersey-skills",
                      "applicant": "pennine", "model": "Deliver it yourself", "area": "Lancashire", "region": "North West",
                      "registered": "Scotland", "nation": "England", "declared": "small", "computed": "micro",
                      "basis": "the EU definition", "sent": "2026-02-17", "form": "Charitable incorporated organisation",
                      "accounts": "£171640", "character": "U+0001", "more": "2",
                      "reason": "the type NoSuchType is not defined"]

    static func paths(_ model: FormModel) -> [DocumentPath] {
        var result: [DocumentPath] = []
        func visit(_ type: FormType?, _ path: DocumentPath, depth: Int) {
            guard depth < 12 else { return }
            switch type {
            case .complex(let complex)?:
                for field in complex.fields {
                    let child = path.appending(field.name)
                    result.append(child)
                    visit(model.type(named: field.typeName), child, depth: depth + 1)
                }
            case .list(let list)?:
                let child = path.appending(index: 1)
                result.append(child)
                visit(model.type(named: list.item.typeName), child, depth: depth + 1)
            default:
                break
            }
        }
        visit(model.type(named: model.rootType), .root, depth: 0)
        return result
    }

    /// The problems that can really happen at a field of this type.
    static func applicableKinds(_ type: FormType?) -> [Problem.Kind] {
        let always: [Problem.Kind] = [.missing, .unknownField, .repeated, .wrongPlace, .structure, .unexpectedText]
        switch type {
        case .complex?: return always + [.notASection]
        case .list?: return always + [.notAList, .tooMany, .tooFew]
        case .simple(let simple)?:
            var kinds = always + [.empty, .notText]
            switch simple.base {
            case .string, .anyURI:
                kinds += [.tooLong, .tooShort, .wrongFormat, .needsQuotes] + (simple.choices.isEmpty ? [] : [.notInList])
            case .date, .dateTime: kinds += [.notADate, .needsQuotes]
            case .boolean: kinds += [.notYesNo]
            case .decimal: kinds += [.notANumber, .tooSmall, .tooLarge, .tooManyDecimals]
            case .integer, .nonNegativeInteger: kinds += [.notAWholeNumber, .tooSmall, .tooLarge]
            }
            return kinds
        case nil: return always
        }
    }
}
