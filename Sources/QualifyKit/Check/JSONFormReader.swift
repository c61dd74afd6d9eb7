import QualifyDocument

/// JSON: one strict parse that keeps line and column (noting repeated keys as it goes), then the
/// JSON Schema made from the XSD.
struct JSONFormReader: FormReader {
    func read(_ body: ArraySlice<UInt8>, kit: Kit) -> Result<FormReading, InputProblem> {
        let reading: JSONReader.Reading
        switch JSONReader.read(body) {
        case .success(let value): reading = value
        case .failure(let problem): return .failure(InputProblem(problem))
        }
        let document = Document(root: reading.root, format: .json)
        var (problems, walk) = JSONSubmission.problems(in: document, model: kit.model)
        guard walk else { return .success(FormReading(document: nil, problems: problems)) }
        if reading.mayHoldNonXMLCharacter {
            var tokens: [DocumentPath.Token] = []
            JSONSubmission.hiddenCharacters(document.root, at: &tokens, into: &problems)
        }
        // As for XML: the schema decides, with every error, and the walker explains. A quick
        // yes-or-no comes first: it keeps no paths, and most files pass.
        // A key written twice is the one thing JSON Schema cannot see, so it always means a walk.
        let issues = kit.jsonSchema.map { $0.isValid(document.root) ? [] : $0.validate(document.root) }
        if reading.repeatsAKey || issues?.isEmpty != true {
            problems += FormWalker.check(document, against: kit.model)
            if let issues {
                problems = JSONSchemaIssueMapping.merge(issues, into: problems, document: document, places: Places(model: kit.model))
            }
        }
        return .success(FormReading(document: document, problems: problems))
    }
}
