import QualifyDocument
import QualifyXML

/// XML: libxml2 parses and validates against the XSD in one pass, building the tree with line
/// and column; the tree is then mapped to the neutral document. Once the kit has read a few XML
/// files the quick schema (`Kit.quickSchema`) is tried first, the mapping checking what it
/// leaves out; anything short of a clean yes from both is decided by the published schema.
struct XMLFormReader: FormReader {
    enum QuickSchemaUse { case whenWorthIt, always, never }
    /// Always or never only in tests, to show the quick schema never changes what a person is told.
    var quickSchema = QuickSchemaUse.whenWorthIt

    func read(_ body: ArraySlice<UInt8>, kit: Kit) -> Result<FormReading, InputProblem> {
        let schema: XSDSchema
        switch kit.schema {
        case .success(let compiled): schema = compiled
        case .failure(let error): return .failure(.kitSchema(reason: error.details.joined(separator: " ")))
        }
        if let quick = quickSchema(of: kit), case .success(let parsed) = XMLReader.parse(body, validatingAgainst: quick),
           parsed.issues.isEmpty {
            let mapped = XMLMapping(model: kit.model, checksQuickFacets: true).map(parsed.tree)
            if !mapped.needsPublishedSchema { return .success(reading(parsed, mapped, kit)) }
        }
        let parsed: ParsedXML
        switch XMLReader.parse(body, validatingAgainst: schema) {
        case .success(let value): parsed = value
        case .failure(let problem): return .failure(.xml(problem))
        }
        return .success(reading(parsed, XMLMapping(model: kit.model).map(parsed.tree), kit))
    }

    private func quickSchema(of kit: Kit) -> XSDSchema? {
        switch quickSchema {
        case .whenWorthIt: return kit.quickSchemaIfWorthIt()
        case .always: return kit.quickSchema
        case .never: return nil
        }
    }

    private func reading(_ parsed: ParsedXML, _ mapped: XMLMapping.Result, _ kit: Kit) -> FormReading {
        var problems = mapped.problems
        // The published schema decides; the walker explains. When libxml2 finds nothing, there
        // is nothing for the walker to explain, and most files are like that.
        if let document = mapped.document, !parsed.issues.isEmpty {
            problems += FormWalker.check(document, against: kit.model)
        }
        problems = XSDIssueMapping.merge(parsed.issues, into: problems, tree: parsed.tree, paths: mapped.paths,
                                         places: Places(model: kit.model))
        return FormReading(document: mapped.document, problems: problems)
    }
}
