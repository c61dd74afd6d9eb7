import QualifyDocument
import QualifyXML

/// XML: libxml2 parses and validates against the XSD in one pass, building the tree with line
/// and column; the tree is then mapped to the neutral document.
struct XMLFormReader: FormReader {
    func read(_ body: ArraySlice<UInt8>, kit: Kit) -> Result<FormReading, InputProblem> {
        let parsed: ParsedXML
        switch XMLReader.parse(body, validatingAgainst: kit.schema) {
        case .success(let value): parsed = value
        case .failure(let problem): return .failure(.xml(problem))
        }
        let mapped = XMLMapping(model: kit.model).map(parsed.tree)
        var problems = mapped.problems
        // The published schema decides; the walker explains. When libxml2 finds nothing, there
        // is nothing for the walker to explain, and most files are like that.
        if let document = mapped.document, !parsed.issues.isEmpty {
            problems += FormWalker.check(document, against: kit.model)
        }
        problems = XSDIssueMapping.merge(parsed.issues, into: problems, tree: parsed.tree, paths: mapped.paths,
                                         places: Places(model: kit.model))
        return .success(FormReading(document: mapped.document, problems: problems))
    }
}
