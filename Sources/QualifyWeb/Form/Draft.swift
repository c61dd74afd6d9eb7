import Foundation
import QualifyDocument
import QualifyKit

/// The submission being filled in. Nothing is kept on the server: the draft's bytes travel in a
/// hidden field of every form page and come back with each button, so it is read as untrusted
/// input every time, through the same checker as any upload.
struct Draft {
    /// The file exactly as it will be downloaded, in the format it came in (JSON when new).
    var bytes: [UInt8]
    var inspection: Checker.Inspection

    var report: Report { inspection.report }
    var root: Node? { inspection.document?.root }
    var format: Document.Format { inspection.document?.format ?? (Document.Format.of(bytes) ?? .json) }
    var encoded: String { Data(bytes).base64EncodedString() }

    init(bytes: [UInt8], checker: Checker) {
        self.bytes = bytes
        inspection = checker.inspect(bytes: bytes, file: "your submission")
    }

    /// A blank submission: the form version, and any required answer the form allows only one
    /// choice for (the framework). The checker reads a file as a submission only when it holds
    /// at least one of the form's fields, so without such an answer the first field is left blank.
    static func blank(model: FormModel, checker: Checker) -> Draft {
        var members = [Member(key: "schemaVersion", node: Node(.string(model.versions.first ?? "")))]
        if case .complex(let form)? = model.type(named: model.rootType) {
            for field in form.fields where field.isRequired {
                if case .simple(let simple)? = model.type(named: field.typeName), simple.choices.count == 1 {
                    members.append(Member(key: field.name, node: Node(.string(simple.choices[0].value))))
                }
            }
            if members.count == 1, let first = form.fields.first { members.append(Member(key: first.name, node: Node(.string("")))) }
        }
        return Draft(bytes: Array(JSONWriter.write(Node(.object(members))).utf8), checker: checker)
    }

    /// The same submission with new answers, written in the draft's own format so that a
    /// download is the file the page checked.
    func replacing(root: Node, checker: Checker) -> Draft {
        let text: String
        switch format {
        case .json: text = JSONWriter.write(root)
        case .xml: text = Converter(kit: checker.kit).xml(from: root) ?? JSONWriter.write(root)
        }
        return Draft(bytes: Array(text.utf8), checker: checker)
    }

    /// Must-fix findings in a section, by the section's label.
    func mustFix(in section: FormPlan.Section) -> [Finding] {
        report.findings.filter { $0.severity.blocks && Self.belongs($0, to: section) }
    }

    func findings(in section: FormPlan.Section) -> [Finding] {
        report.findings.filter { Self.belongs($0, to: section) }
    }

    static func belongs(_ finding: Finding, to section: FormPlan.Section) -> Bool {
        guard let path = DocumentPath(pointer: finding.path) else { return false }
        return section.owner(of: path) != nil
    }
}
