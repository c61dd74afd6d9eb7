import Foundation
import QualifyDocument
import QualifyKit
import Yams

/// The steps of the web form: one for each top-level field of the form, in the form's order,
/// with its label from the XSD. guidance/form.yaml adds only what the XSD cannot say: which
/// topic page answers a section's question, which sections apply only after an answer, and which
/// small questions share one page (a group, placed where its first question is).
struct FormPlan: Sendable {
    struct Section: Sendable {
        /// The field's name, or the group's name for a page of several questions.
        var key: String
        var label: String
        var fields: [FieldDecl]
        var isGroup: Bool
        var topic: String
        /// Another field's name, and the choices that make this section apply.
        var needs: (field: String, choices: [String])?
        var skipWhenGiven: String?
        /// Questions with only one possible answer, which the form fills in itself.
        var given: Set<String> = []

        var paths: [DocumentPath] { fields.map { DocumentPath([.key($0.name)]) } }

        /// The path of this section's question that holds `path`, or nil when it is elsewhere.
        func owner(of path: DocumentPath) -> DocumentPath? { paths.first { path.hasPrefix($0) } }

        func answers(in root: QualifyDocument.Node) -> [QualifyDocument.Node] { fields.compactMap { root[$0.name] } }
    }

    let sections: [Section]

    init(model: FormModel, settingsFile: URL) throws {
        let (settings, groups) = try Self.settings(settingsFile)
        guard case .complex(let root)? = model.type(named: model.rootType) else {
            throw SettingsError(description: "the form's root is not a section")
        }
        let fail = { (what: String) in SettingsError(description: "\(settingsFile.lastPathComponent) \(what)") }
        var groupOf: [String: String] = [:]
        for (name, group) in groups {
            let members = group["fields"] as? [String] ?? []
            guard !members.isEmpty, group["title"] is String else { throw fail("needs a title and fields for the group '\(name)'") }
            for member in members {
                guard root.field(member) != nil else { throw fail("puts '\(member)' in the group '\(name)', but the form has no such section") }
                guard groupOf.updateValue(name, forKey: member) == nil else { throw fail("puts '\(member)' in two groups") }
            }
        }
        var made: [Section] = []
        for field in root.fields {
            if let name = groupOf[field.name] {
                if let index = made.firstIndex(where: { $0.key == name }) { made[index].fields.append(field); continue }
                made.append(Self.section(key: name, label: groups[name]?["title"] as? String ?? name, fields: [field], isGroup: true, settings: groups[name] ?? [:]))
            } else {
                made.append(Self.section(key: field.name, label: field.label, fields: [field], isGroup: false, settings: settings[field.name] ?? [:]))
            }
        }
        sections = made.map { section in
            var section = section
            section.given = Set(section.fields.filter { field in
                if case .simple(let simple)? = model.type(named: field.typeName) { return simple.choices.count == 1 }
                return false
            }.map(\.name))
            return section
        }
        for name in settings.keys where root.field(name) == nil { throw fail("names '\(name)', which is not a section of the form") }
        for name in settings.keys where groupOf[name] != nil { throw fail("sets '\(name)' on its own, but it is in the group '\(groupOf[name]!)'") }
    }

    private static func section(key: String, label: String, fields: [FieldDecl], isGroup: Bool, settings own: [String: Any]) -> Section {
        var section = Section(key: key, label: label, fields: fields, isGroup: isGroup, topic: own["topic"] as? String ?? "getting-ready",
                              needs: nil, skipWhenGiven: own["skipWhenGiven"] as? String)
        if let needs = own["needs"] as? [String: Any], let first = needs.first {
            section.needs = (first.key, (first.value as? [Any] ?? []).map { "\($0)" })
        }
        return section
    }

    struct SettingsError: Error, CustomStringConvertible {
        let description: String
    }

    private static func settings(_ file: URL) throws -> ([String: [String: Any]], [String: [String: Any]]) {
        guard FileManager.default.fileExists(atPath: file.path) else { return ([:], [:]) }
        let text = try String(contentsOf: file, encoding: .utf8)
        let loaded = try Yams.load(yaml: text) as? [String: Any]
        return (loaded?["sections"] as? [String: [String: Any]] ?? [:], loaded?["groups"] as? [String: [String: Any]] ?? [:])
    }

    func section(_ key: String) -> Section? { sections.first { $0.key == key } }

    /// Whether a section is asked at all, given the answers so far. A section that already holds
    /// answers is always shown, so nothing a person wrote is hidden from them.
    func applies(_ section: Section, to root: QualifyDocument.Node) -> Bool {
        if Self.hasAnswers(section, in: root) { return true }
        if let needs = section.needs {
            guard let chosen = root[needs.field]?.scalarText, needs.choices.contains(chosen) else { return false }
        }
        if let other = section.skipWhenGiven, Self.hasAnswers(root[other]) { return false }
        return true
    }

    /// The sections asked, given the answers so far, in order.
    func asked(in root: QualifyDocument.Node) -> [Section] { sections.filter { applies($0, to: root) } }

    /// The next section that applies after `key`, or nil when the last is done.
    func next(after key: String, in root: QualifyDocument.Node) -> Section? {
        guard let index = sections.firstIndex(where: { $0.key == key }) else { return nil }
        return sections[(index + 1)...].first { applies($0, to: root) }
    }

    static func hasAnswers(_ section: Section, in root: QualifyDocument.Node) -> Bool {
        section.answers(in: root).contains { hasAnswers($0) }
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
