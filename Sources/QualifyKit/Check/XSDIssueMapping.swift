import QualifyDocument
import QualifyXML

/// Turns libxml2's schema complaints into problems and merges them with the form walker's.
/// libxml2 is the authority on XML; the walker sees what libxml2 skips. Where both speak of
/// the same field, one problem is kept, so a person is told once.
enum XSDIssueMapping {
    static let structuralKinds: Set<Problem.Kind> = [
        .missing, .unknownField, .wrongPlace, .repeated, .tooMany, .tooFew, .notText, .notASection, .notAList,
        .unexpectedText, .wrongForm,
    ]

    static func merge(_ issues: [XSDIssue], into walked: [Problem], tree: XMLTree,
                      paths: ElementPaths, places: Places) -> [Problem] {
        var result = walked
        let walkedPaths = Set(walked.map(\.path))
        let structural = walked.filter { structuralKinds.contains($0.kind) }.map(\.path)
        let documentLevel = Set(walked.filter { $0.path == .root }.map(\.kind))
        var mappedPaths: Set<DocumentPath> = []
        // Facet complaints come before the generic "not a valid value" one; keep the finer one.
        let ordered = issues.filter { $0.kind != .datatype } + issues.filter { $0.kind == .datatype }
        for issue in ordered {
            let path = issue.element.map { paths[$0] } ?? .root
            let element = issue.element.map { tree.elements[$0] }
            let position = element.map { SourcePosition(line: $0.line, column: $0.column) }
                ?? SourcePosition(line: max(issue.line, 1), column: 1)
            switch issue.kind {
            case .rootMismatch:
                if documentLevel.contains(.wrongForm) { continue }
                result.append(Problem(.wrongForm, at: .root, position: position, value: tree.root.qualifiedName))
            case .attribute:
                if !documentLevel.isDisjoint(with: [.wrongVersion, .missingVersion]) || walkedPaths.contains(where: {
                    $0.lastKey?.hasPrefix("@") == true && $0.parent == path
                }) { continue }
                result.append(Problem(.structure, at: path, position: position))
            case .content, .other:
                let section = path.parent ?? .root
                if structural.contains(where: { $0.hasPrefix(section) }) || documentLevel.contains(.wrongForm) { continue }
                if mappedPaths.insert(path).inserted { result.append(Problem(.structure, at: path, position: position)) }
            default:
                if walkedPaths.contains(path) || structural.contains(where: { path.hasPrefix($0) }) { continue }
                guard mappedPaths.insert(path).inserted else { continue }
                let value = element?.text
                result.append(Problem(kind(for: issue.kind, at: path, value: value, places: places), at: path,
                                      position: position, value: value))
            }
        }
        return result
    }

    static func kind(for kind: XSDIssue.Kind, at path: DocumentPath, value: String?, places: Places) -> Problem.Kind {
        if value?.allSatisfy(\.isWhitespace) ?? false { return .empty }
        switch kind {
        case .pattern: return .wrongFormat
        case .enumeration: return .notInList
        case .maxLength, .length: return .tooLong
        case .minLength: return .tooShort
        case .minInclusive, .minExclusive: return .tooSmall
        case .maxInclusive, .maxExclusive: return .tooLarge
        case .fractionDigits, .totalDigits: return .tooManyDecimals
        case .datatype:
            guard case .simple(let simple)? = places.type(at: path) else { return .wrongFormat }
            switch simple.base {
            case .boolean: return .notYesNo
            case .decimal: return .notANumber
            case .integer, .nonNegativeInteger: return .notAWholeNumber
            case .date, .dateTime: return .notADate
            case .string, .anyURI: return .wrongFormat
            }
        case .content, .rootMismatch, .attribute, .other: return .structure
        }
    }
}
