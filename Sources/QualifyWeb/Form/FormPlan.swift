import Foundation
import QualifyDocument
import QualifyKit
import Yams

/// The steps of the web form: one for each top-level field of the form, in the form's order,
/// with its label from the XSD. guidance/form.yaml adds only what the XSD cannot say: which
/// topic page answers a section's question, and which sections apply only after an answer.
struct FormPlan: Sendable {
    struct Section: Sendable {
        var field: FieldDecl
        var topic: String
        /// Another field's name, and the choices that make this section apply.
        var needs: (field: String, choices: [String])?
        var skipWhenGiven: String?

        var key: String { field.name }
        var path: DocumentPath { DocumentPath([.key(field.name)]) }
    }

    let sections: [Section]

    init(model: FormModel, settingsFile: URL) throws {
        let settings = try Self.settings(settingsFile)
        guard case .complex(let root)? = model.type(named: model.rootType) else {
            throw SettingsError(description: "the form's root is not a section")
        }
        sections = root.fields.map { field in
            let own = settings[field.name] ?? [:]
            var section = Section(field: field, topic: own["topic"] as? String ?? "getting-ready", needs: nil,
                                  skipWhenGiven: own["skipWhenGiven"] as? String)
            if let needs = own["needs"] as? [String: Any], let first = needs.first {
                section.needs = (first.key, (first.value as? [Any] ?? []).map { "\($0)" })
            }
            return section
        }
        for name in settings.keys where root.field(name) == nil {
            throw SettingsError(description: "\(settingsFile.lastPathComponent) names '\(name)', which is not a section of the form")
        }
    }

    struct SettingsError: Error, CustomStringConvertible {
        let description: String
    }

    private static func settings(_ file: URL) throws -> [String: [String: Any]] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [:] }
        let text = try String(contentsOf: file, encoding: .utf8)
        let loaded = try Yams.load(yaml: text) as? [String: Any]
        return loaded?["sections"] as? [String: [String: Any]] ?? [:]
    }

    func section(_ key: String) -> Section? { sections.first { $0.key == key } }

    /// Whether a section is asked at all, given the answers so far. A section that already holds
    /// answers is always shown, so nothing a person wrote is hidden from them.
    func applies(_ section: Section, to root: QualifyDocument.Node) -> Bool {
        if Self.hasAnswers(root[section.key]) { return true }
        if let needs = section.needs {
            guard let chosen = root[needs.field]?.scalarText, needs.choices.contains(chosen) else { return false }
        }
        if let other = section.skipWhenGiven, Self.hasAnswers(root[other]) { return false }
        return true
    }

    /// The next section that applies after `key`, or nil when the last is done.
    func next(after key: String, in root: QualifyDocument.Node) -> Section? {
        guard let index = sections.firstIndex(where: { $0.key == key }) else { return nil }
        return sections[(index + 1)...].first { applies($0, to: root) }
    }

    /// Anything written at all: an empty section or list counts as nothing.
    static func hasAnswers(_ node: QualifyDocument.Node?) -> Bool {
        guard let node else { return false }
        switch node.value {
        case .object(let members): return members.contains { hasAnswers($0.node) }
        case .array(let items): return items.contains { hasAnswers($0) }
        case .string(let text): return !text.isEmpty
        case .null: return false
        default: return true
        }
    }
}
