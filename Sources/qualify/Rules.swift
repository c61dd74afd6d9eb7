import ArgumentParser
import Foundation
import QualifyKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every cross-field rule with its severity, title and message.")

    @Option(help: "text for people, json for machines.")
    var format: ListFormat = .text

    @Option(help: "An assumptions file that replaces guidance/assumptions.yaml, to see its severities.")
    var config: String?

    func run() throws {
        let kit = try loadKit(configuration: config)
        let listing = RuleListing.all(kit: kit)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(listing), as: UTF8.self))
        case .text:
            for rule in listing {
                print("\(rule.id)\n  \(rule.severityTitle)\(rule.assumption.map { " · assumption \($0)" } ?? "")\n  \(rule.title)\n  \(rule.message)\n")
            }
            print("\(listing.count) rules. `qualify explain ID` shows one rule's page.")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show the guidance page for a rule, a kind of finding or a topic.")

    @Argument(help: "An id, as shown with each finding, like case-study.too-old or schema.missing, or a topic, like case-studies.")
    var id: String?

    @Flag(help: "List every page: the topics, then every rule and kind of finding, with its title.")
    var list = false

    @Option(help: "An assumptions file that replaces guidance/assumptions.yaml, so the page shows its values.")
    var config: String?

    func run() throws {
        let kit = try loadKit(configuration: config)
        let library = GuidanceLibrary(folder: kit.root.appendingPathComponent("guidance"))
        guard let id, !list else {
            for kind in [GuidancePage.Kind.topic, .rule, .finding, .reference] {
                for page in library.pages(of: kind) {
                    let name = page.id.hasPrefix("topic.") ? String(page.id.dropFirst(6)) : page.id
                    print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + page.title)
                }
            }
            return
        }
        guard let page = library.find(id) else {
            let ids = library.pages.map(\.id)
            let close = ids.filter { $0.contains(id) || id.contains($0) }.prefix(5)
            var message = "There is no guidance page for '\(id)'."
            if !close.isEmpty { message += " Did you mean: \(close.joined(separator: ", "))?" }
            message += " `qualify explain --list` lists every topic, rule and kind of finding."
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(ExitStatus.notChecked)
        }
        var header = ""
        if page.kind == .rule, let rule = RuleListing.all(kit: kit).first(where: { $0.id == page.id }) {
            header = "\(rule.severityTitle)\(rule.assumption.map { " · this rule rests on assumption \($0)" } ?? "")\n\n"
        }
        print(header + Self.forTerminal(page.body(for: kit.configuration)).trimmingCharacters(in: .whitespacesAndNewlines))
        if !page.examples.isEmpty {
            print("\nExamples:")
            for example in page.examples {
                print("  \(example.passes ? "passes" : "flags ")  \(example.title)")
            }
        }
        print("\n(\(page.file.path))")
    }
}

extension Explain {
    /// A link to another page cannot be followed in a terminal, so it names the command that shows it.
    static func forTerminal(_ markdown: String) -> String {
        markdown.replacing(/\[([^\]]+)\]\((?:\.\.\/)?(?:topics|rules|findings|reference)\/([A-Za-z0-9.\-]+)\.md(?:#[^)]*)?\)/) { match in
            "\(match.1) (`qualify explain \(match.2)`)"
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
        abstract: "Write a starter submission with every field explained.",
        discussion: "Fill it in, then run `qualify check` on it: the findings list what is left to do.")

    @Option(help: "xml or json.")
    var format: Converter.Target = .xml

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of printing. An existing file is replaced only with --force.")
    var output: String?

    @Flag(help: "Replace the file if it already exists.")
    var force = false

    func run() throws {
        let kit = try loadKit()
        let starter = Starter(model: kit.model)
        let text = format == .xml ? starter.xml() : starter.json()
        guard let output else {
            print(text, terminator: "")
            return
        }
        try OutputFile.write(text, to: output, force: force)
        print("Wrote \(output). Fill it in, then check it with: qualify check \(output)")
        if format == .json {
            print("JSON cannot hold explanations, so each field is explained in \(FieldReference.fileName) (or `qualify guidance fields`).")
        }
    }
}
