public import Foundation
import Yams

/// Every message a person can see, keyed, in one file per language (guidance/messages/en.yaml),
/// so that they are reviewed, measured and translated together. A key missing from another
/// language falls back to English, never to the key itself.
public struct MessageCatalogue: Sendable {
    public let language: String
    public let messages: [String: String]
    let english: [String: String]

    public init(language: String = "en", messages: [String: String], english: [String: String]? = nil) {
        self.language = language
        self.messages = messages
        self.english = english ?? messages
    }

    public static func load(folder: URL, language: String = "en") throws -> MessageCatalogue {
        let english = try read(folder.appendingPathComponent("en.yaml"))
        guard language != "en" else { return MessageCatalogue(messages: english) }
        let own = (try? read(folder.appendingPathComponent("\(language).yaml"))) ?? [:]
        return MessageCatalogue(language: language, messages: own, english: english)
    }

    static func read(_ url: URL) throws -> [String: String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try PlainMessages.read(text) ?? yaml(text, file: url.lastPathComponent)
    }

    static func yaml(_ text: String, file: String) throws -> [String: String] {
        // Read as plain YAML nodes, every value as text (`.basic` also skips compiling the regular
        // expressions that tell numbers and dates apart): the Codable decoder took longer than checking a file.
        guard let mapping = try Yams.compose(yaml: text, .basic)?.mapping else {
            throw SchemaReadError(description: "\(file) is not a list of keys and messages")
        }
        var messages: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, let message = value.string else {
                throw SchemaReadError(description: "\(file) line \(key.mark?.line ?? 0): each key needs a message written as text")
            }
            messages[name] = message
        }
        return messages
    }

    public func template(_ key: String) -> String? {
        messages[key] ?? english[key]
    }

    /// The `{name}` placeholders a message uses.
    public static func placeholders(in template: String) -> Set<String> {
        Set(template.matches(of: /\{([A-Za-z]+)\}/).map { String($0.1) })
    }

    /// Fills `{name}` placeholders; the first letter of the result is a capital unless the
    /// message continues a line, as a headline after a file's name does.
    public func render(_ key: String, _ values: [String: String], sentenceCase: Bool = true) -> String {
        let template = template(key) ?? english["fallback"] ?? "{place}: check this field against the guidance."
        var result = ""
        var rest = template[...]
        // Braces are found by bytes: searching by characters broke every template into
        // characters first, for each finding of every file.
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")),
              let close = rest[open...].utf8.firstIndex(of: UInt8(ascii: "}")) {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return sentenceCase ? result.prefix(1).uppercased() + result.dropFirst() : result
    }
}
