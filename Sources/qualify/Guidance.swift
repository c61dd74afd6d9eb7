import ArgumentParser
import Foundation
import QualifyKit

struct Guidance: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "guidance",
        abstract: "Work with the guidance: the field reference, the booklet and the lint.",
        subcommands: [Build.self, Lint.self, Fields.self, Compare.self])

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff",
            abstract: "Say in plain words what changed between two copies of the guidance.",
            discussion: "Give two folders, each holding guidance/ (or each a guidance folder). Pages, examples, assumptions, severities, messages and the version are compared.")

        @Argument(help: "The earlier copy.")
        var old: String

        @Argument(help: "The later copy.")
        var new: String

        func run() throws {
            do {
                print(try GuidanceDiff(old: URL(fileURLWithPath: old), new: URL(fileURLWithPath: new)).text, terminator: "")
            } catch let error as ConfigurationError {
                throw Refusal(description: error.description)
            }
        }
    }

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "build",
            abstract: "Write the whole guidance as one self-contained HTML booklet.",
            discussion: "The booklet runs every rule's examples, so it shows what each check really says.")

        @Option(help: "The folder to write index.html into. It is made if it does not exist.")
        var out: String

        func run() throws {
            let kit = try loadKit()
            let review = GuidanceReview(kit: kit)
            let file = try OutputFile.folder(out).appendingPathComponent("index.html")
            // The booklet is made from the kit, never read back, so replacing an earlier one loses nothing.
            try OutputFile.write(review.booklet(), to: file.path, force: true)
            print("Wrote \(file.path): \(review.library.pages.count) pages, \(review.outcomes.count) examples run.")
            let gaps = review.coverage.problems.count
            if gaps > 0 { print("The coverage map lists \(gaps) \(gaps == 1 ? "gap" : "gaps"); `qualify guidance lint` explains them.") }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lint",
            abstract: "Check the guidance covers everything and meets the plain-language standard.",
            discussion: """
                Fails (exit status 1) when a rule or kind of finding has no page, a page belongs to nothing, \
                an example does not behave as written, or a page or message misses a gate in plain-language.md.
                """)

        func run() throws {
            let kit = try loadKit()
            let report = GuidanceReview(kit: kit).lint()
            print(report.text, terminator: "")
            if !report.passed { throw ExitCode(ExitStatus.needsFixes) }
        }
    }

    struct Fields: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fields", abstract: "Make the field reference from the form's own labels and hints.")

        @Flag(help: "Write \(FieldReference.fileName) instead of printing it.")
        var write = false

        func run() throws {
            let kit = try loadKit()
            let text = FieldReference(model: kit.model).markdown()
            guard write else { return print(text, terminator: "") }
            let url = kit.root.appendingPathComponent(FieldReference.fileName)
            _ = try OutputFile.folder(url.deletingLastPathComponent().path)
            try OutputFile.write(text, to: url.path, force: true)
            print("Wrote \(url.path)")
        }
    }
}
