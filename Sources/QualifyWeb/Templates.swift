import Foundation
import Mustache
import QualifyKit

/// The page markup, as Mustache files in the kit's guidance/templates folder. A designer can
/// change them without touching Swift or rebuilding: the server reads them when it starts.
/// Everything a person sent is escaped by Mustache's {{ }}; only markup made here goes in {{{ }}}.
struct Templates: Sendable {
    static let folder = "guidance/templates"
    /// Every page the server draws; a missing or broken one stops the server at start, by name.
    static let names = ["layout", "home", "result", "finding", "error", "tasks", "section", "field", "message",
                        "summary", "draft", "check-answers", "booklet", "could-not-read"]

    let library: MustacheLibrary
    /// The guidance's version (guidance/VERSION), in every page's footer.
    var guidanceVersion = "unversioned"

    init(kitRoot: URL) throws {
        guidanceVersion = (try? String(contentsOf: kitRoot.appendingPathComponent(Kit.guidanceVersionFile), encoding: .utf8))?
            .split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unversioned"
        let folder = kitRoot.appendingPathComponent(Self.folder)
        var library = MustacheLibrary()
        for name in Self.names {
            let file = folder.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw TemplateError(description: "\(Self.folder)/\(name).mustache is missing")
            }
            do { try library.register(text, named: name) } catch {
                throw TemplateError(description: "\(Self.folder)/\(name).mustache cannot be read as a template: \(error)")
            }
        }
        self.library = library
    }

    struct TemplateError: Error, CustomStringConvertible {
        let description: String
    }

    func render(_ name: String, _ object: Any) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    struct Layout {
        var title: String
        var body: String
        var version: String
        var guidanceVersion: String
        var wide: Bool
    }

    /// A whole page: the named template drawn inside the one layout.
    func page(_ name: String, title: String, _ object: Any, wide: Bool = false) -> String {
        render("layout", Layout(title: title, body: render(name, object), version: QualifyVersion.tool,
                                         guidanceVersion: guidanceVersion, wide: wide))
    }

    struct Message {
        var title: String
        var text: String
    }

    func error(title: String, text: String) -> String {
        page("error", title: title, Message(title: title, text: text))
    }
}
