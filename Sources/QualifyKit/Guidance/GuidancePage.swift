public import Foundation
public import QualifyDocument
import Yams

public typealias DocNode = QualifyDocument.Node

/// One page of guidance/: YAML front matter (id, title, kind and, for rules, examples) and a
/// Markdown body that anyone can edit.
public struct GuidancePage: Sendable {
    public enum Kind: String, Sendable {
        case rule, topic, finding, reference
    }

    public let id: String
    public let title: String
    public let kind: Kind
    public let topic: String?
    public let assumption: String?
    /// The published source a rule's value comes from, when it has one (named on the sources
    /// page); only then may a rule resting on an assumption block a submission by default.
    public let source: String?
    public let appliesTo: [String]
    public let examples: [RuleExample]
    public let body: String
    public let file: URL

    static let settings = ["id", "title", "kind", "topic", "assumption", "source", "applies-to", "examples"]

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = file.lastPathComponent
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else {
            throw FormatError(description: "\(name) does not start with front matter between two '---' lines")
        }
        let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
        guard let front = try Yams.compose(yaml: yaml), let mapping = front.mapping else {
            throw FormatError(description: "\(name): the front matter is not a list of settings")
        }
        func string(_ key: String) -> String? { mapping[key]?.string }
        for key in mapping.keys.compactMap(\.string) where !Self.settings.contains(key) {
            let close = Suggest.closest(to: key, among: Self.settings).map { " Did you mean `\($0)`?" } ?? ""
            throw FormatError(description: "\(name): `\(key)` is not a front matter setting.\(close) The settings are \(Self.settings.joined(separator: ", ")).")
        }
        guard let id = string("id"), let title = string("title"), let kind = string("kind").flatMap(Kind.init) else {
            throw FormatError(description: "\(name): the front matter needs id, title and kind (rule, topic or finding)")
        }
        self.id = id
        self.title = title
        self.kind = kind
        topic = string("topic")
        assumption = string("assumption")
        source = string("source")
        appliesTo = mapping["applies-to"]?.sequence?.compactMap(\.string) ?? []
        examples = try (mapping["examples"]?.sequence ?? []).enumerated().map { index, node in
            try RuleExample(node, number: index + 1, page: name)
        }
        body = String(text[end.upperBound...])
        self.file = file
    }
}

/// An example in a rule's page: a change to one of the valid examples, and exactly the fields
/// the rule must flag (none for a passing example). They run as tests and fill the booklet.
public struct RuleExample: Sendable {
    public let title: String
    public let baseline: String
    public let set: [(path: DocumentPath, value: DocNode)]
    public let remove: [DocumentPath]
    /// The example's own assumptions, as YAML laid over the kit's (nil when it keeps them all).
    public let configuration: String?
    public let flags: [DocumentPath]
    public let number: Int

    public var passes: Bool { flags.isEmpty }

    init(_ node: Yams.Node, number: Int, page: String) throws {
        guard let mapping = node.mapping, let title = mapping["title"]?.string, let baseline = mapping["baseline"]?.string else {
            throw GuidancePage.FormatError(description: "\(page): example \(number) needs a title and a baseline")
        }
        func path(_ text: String) throws -> DocumentPath {
            guard let path = DocumentPath(pointer: text) else {
                throw GuidancePage.FormatError(description: "\(page): example \(number): '\(text)' is not a path like /caseStudies/0/title")
            }
            return path
        }
        self.title = title
        self.baseline = baseline
        self.number = number
        set = try (mapping["set"]?.mapping ?? [:]).map { key, value in (try path(key.string ?? ""), Self.value(value)) }
        remove = try (mapping["remove"]?.sequence ?? []).map { try path($0.string ?? "") }
        configuration = try mapping["config"].map { try Yams.serialize(node: $0) }
        flags = try (mapping["flags"]?.sequence ?? []).map { try path($0.string ?? "") }
        if mapping["passes"]?.bool != true && flags.isEmpty {
            throw GuidancePage.FormatError(description: "\(page): example \(number) must say 'passes: true' or list the fields it flags")
        }
    }

    /// YAML values become document values by their YAML type; dates stay text as written.
    static func value(_ node: Yams.Node) -> DocNode {
        switch node {
        case .scalar(let scalar):
            // Only unquoted words are yes/no, numbers or null; quoted text, and dates, stay text.
            guard scalar.style == .plain else { return DocNode(.string(scalar.string)) }
            let text = scalar.string
            if text == "true" || text == "false" { return DocNode(.bool(text == "true")) }
            if text == "null" || text == "~" { return DocNode(.null) }
            if text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil { return DocNode(.number(text)) }
            return DocNode(.string(text))
        case .mapping(let mapping):
            return DocNode(.object(mapping.map { Member(key: $0.key.string ?? "", node: value($0.value)) }))
        case .sequence(let sequence):
            return DocNode(.array(sequence.map(value)))
        }
    }

    /// The baseline with this example's changes made.
    public func apply(to root: DocNode) -> DocNode {
        var result = root
        for path in remove { result = result.removing(path) }
        for (path, value) in set { result = result.setting(path, to: value) }
        return result
    }
}
