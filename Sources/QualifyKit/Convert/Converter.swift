public import QualifyDocument
import QualifyXML

/// `qualify convert`: XML to JSON and back by the one mapping in schemas/MAPPING.md. Every
/// conversion is checked by converting the result back and comparing documents; when anything
/// would change, nothing is converted and the person is told what would be lost.
public struct Converter: Sendable {
    public enum Target: String, Sendable, CaseIterable {
        case json, xml
    }

    public struct Failure: Error, Sendable {
        /// Findings that say why the file cannot be read, or what would be lost.
        public var findings: [Finding]
    }

    let kit: Kit

    public init(kit: Kit) {
        self.kit = kit
    }

    public func convert(_ bytes: [UInt8], file: String, to target: Target) -> Result<String, Failure> {
        let checker = Checker(kit: kit)
        let original: Document
        switch read(bytes, file: file, checker: checker) {
        case .success(let document): original = document
        case .failure(let failure): return .failure(failure)
        }
        if original.format.rawValue == target.rawValue {
            return .failure(Failure(findings: [loss(.root, "convert.same-format", file: file, extra: ["format": target.rawValue.uppercased()])]))
        }
        var losses: [Finding] = []
        let text: String
        switch target {
        case .json:
            text = JSONWriter.write(original.root)
        case .xml:
            var writer = XMLWriter(model: kit.model)
            text = writer.write(original.root)
            losses = writer.losses.map { loss($0.path, "convert.loss.\($0.reason.rawValue)", file: file) }
        }
        if losses.isEmpty, case .success(let back) = read(Array(text.utf8), file: file, checker: checker) {
            losses = Canonical.differences(original.root, back.root).map { loss($0, "convert.loss.change", file: file) }
        } else if losses.isEmpty {
            losses = [loss(.root, "convert.loss.change", file: file)]
        }
        return losses.isEmpty ? .success(text) : .failure(Failure(findings: explained(losses, bytes, file: file, checker: checker)))
    }

    /// Writes an edited document as the XML form (the web form edits the neutral document of an
    /// XML draft); nil when part of it cannot be written as XML, such as a JSON null.
    public func xml(from root: Node) -> String? {
        var writer = XMLWriter(model: kit.model)
        let text = writer.write(root)
        return writer.losses.isEmpty ? text : nil
    }

    /// A value that would change usually has a problem of its own (a number in quote marks, a
    /// hidden control character); where the check names one at the same place, that is the
    /// real cause, so it is shown instead of the general words.
    private func explained(_ losses: [Finding], _ bytes: [UInt8], file: String, checker: Checker) -> [Finding] {
        let causes = checker.check(bytes: bytes, file: file).findings.filter { $0.id.hasPrefix("schema.") }
        return losses.map { loss in causes.first { $0.path == loss.path } ?? loss }
    }

    private func read(_ bytes: [UInt8], file: String, checker: Checker) -> Result<Document, Failure> {
        let body: ArraySlice<UInt8>
        switch TextScreen.screen(bytes, limit: checker.maxBytes) {
        case .success(let screened): body = screened
        case .failure(let problem): return .failure(failure(.screen(problem), file: file))
        }
        if Document.Format.of(body) == .xml {
            switch XMLReader.parse(body) {
            case .failure(let problem): return .failure(failure(.xml(problem), file: file))
            case .success(let parsed):
                let mapped = XMLMapping(model: kit.model).map(parsed.tree)
                let lost = mapped.problems.filter { [.unknownField, .unexpectedText].contains($0.kind) && ($0.facts["attribute"] != nil || $0.kind == .unexpectedText) }
                guard let document = mapped.document, lost.isEmpty else {
                    let findings = mapped.document == nil
                        ? checker.report(file: file, format: .xml, problems: mapped.problems).findings
                        : lost.map { loss($0.path, "convert.loss.xml-only", file: file) }
                    return .failure(Failure(findings: findings))
                }
                return .success(document)
            }
        }
        switch JSONReader.parse(body) {
        case .success(let root): return .success(Document(root: root, format: .json))
        case .failure(let problem): return .failure(failure(InputProblem(problem), file: file))
        }
    }

    private func failure(_ problem: InputProblem, file: String) -> Failure {
        Failure(findings: [problem.finding(file: file, catalogue: kit.catalogue)])
    }

    private func loss(_ path: DocumentPath, _ key: String, file: String, extra: [String: String] = [:]) -> Finding {
        let places = Places(model: kit.model)
        let described = places.describe(path)
        var values = extra
        values["place"] = path == .root ? "The file" : described.place
        values["file"] = file
        return Finding(id: key.split(separator: ".").prefix(3).joined(separator: "."), severity: .mustFix,
                       message: kit.catalogue.render(key, values), section: described.section,
                       place: path == .root ? nil : described.place, path: path.description, line: nil, column: nil, value: nil)
    }
}
