import JSONSchema
import QualifyDocument

/// Turns the JSON Schema engine's errors into the same problems the XSD check gives, so JSON
/// submissions are explained in the same words as XML ones. The form walker's problems come
/// first; the engine adds only what the walker did not already say about that field.
enum JSONSchemaIssueMapping {
    static func merge(_ errors: [ValidationError], into walked: [Problem], document: Document, places: Places) -> [Problem] {
        var result = walked
        let walkedPaths = Set(walked.map(\.path))
        let structural = walked.filter { XSDIssueMapping.structuralKinds.contains($0.kind) }.map(\.path)
        // A misspelt field stands for the missing one it suggests; the form version is checked on its own.
        var seen: Set<DocumentPath> = Set(walked.compactMap { problem in
            guard problem.kind == .unknownField, let suggestion = problem.facts["suggestion"] else { return nil }
            return problem.path.parent?.appending(suggestion)
        } + [DocumentPath([.key("schemaVersion")])])
        for error in errors {
            guard let (kind, path) = problem(for: error, document: document, places: places) else { continue }
            if walkedPaths.contains(path) || structural.contains(where: { path.hasPrefix($0) || $0.hasPrefix(path) && kind == .structure }) {
                continue
            }
            guard seen.insert(path).inserted else { continue }
            let node = document.root.node(at: path)
            let position = node?.position ?? path.parent.flatMap { document.root.node(at: $0)?.position }
            result.append(Problem(kind, at: path, position: position, value: node?.scalarText))
        }
        return result
    }

    static func problem(for error: ValidationError, document: Document, places: Places) -> (Problem.Kind, DocumentPath)? {
        let path = error.instancePath
        let node = document.root.node(at: path)
        let blank = node?.scalarText?.trimmedSpace.isEmpty ?? false
        let base: SimpleType.Base? = { if case .simple(let simple)? = places.type(at: path) { return simple.base } else { return nil } }()
        switch error.details {
        case .required(let property): return (.missing, path.lastKey == property ? path : path.appending(property))
        case .additionalProperty(let name), .unevaluatedProperty(let name):
            return (.unknownField, path.lastKey == name ? path : path.appending(name))
        case .type(let expected, let actual):
            if actual == "null" { return (.empty, path) }
            if expected.contains("string") { return (.needsQuotes, path) }
            if expected.contains("integer") { return (.notAWholeNumber, path) }
            if expected.contains("number") { return (.notANumber, path) }
            if expected.contains("boolean") { return (.notYesNo, path) }
            if expected.contains("object") { return (.notASection, path) }
            if expected.contains("array") { return (.notAList, path) }
            return (.structure, path)
        case .enumeration, .constant: return (blank ? .empty : .notInList, path)
        case .pattern, .format:
            if blank { return (.empty, path) }
            return (base == .date || base == .dateTime ? .notADate : .wrongFormat, path)
        case .minLength: return (blank ? .empty : .tooShort, path)
        case .maxLength: return (.tooLong, path)
        case .minimum: return (.tooSmall, path)
        case .maximum: return (.tooLarge, path)
        case .multipleOf: return (.tooManyDecimals, path)
        case .minItems: return (.tooFew, path)
        case .maxItems: return (.tooMany, path)
        default: return (.structure, path)
        }
    }
}
