import ArgumentParser
import Foundation
import QualifyKit

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Make a reviewer checklist for one submission, filled in with its own facts.")

    enum Format: String, ExpressibleByArgument { case markdown, html, csv }

    @Argument(help: "The submission (XML or JSON). Use - to read standard input.")
    var file: String

    @Option(help: "markdown, html or csv.")
    var format: Format = .markdown

    @Option(name: [.short, .customLong("output")], help: "Write the checklist to this file (written whole, or not at all).")
    var output: String?

    @Flag(help: "Replace the -o file if it already exists. The submission itself is never replaced.")
    var force = false

    @Option(help: "An assumptions file that replaces guidance/assumptions.yaml.")
    var config: String?

    func run() throws {
        let kit = try loadKit(configuration: config)
        let checker = Checker(kit: kit)
        let inspection = file == "-"
            ? checker.inspect(bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), file: "standard input")
            : checker.inspect(file: URL(fileURLWithPath: file), name: file)
        let list = ChecklistBuilder(kit: kit).build(inspection)
        let text: String
        switch format {
        case .markdown: text = ChecklistRenderer.markdown(list)
        case .html: text = ChecklistRenderer.html(list)
        case .csv: text = ChecklistRenderer.csv(list)
        }
        if let output {
            try OutputFile.write(text, to: output, force: force, inputs: file == "-" ? [] : [URL(fileURLWithPath: file)])
        } else {
            print(text, terminator: "")
        }
        if inspection.report.outcome == .notChecked { throw ExitCode(ExitStatus.notChecked) }
    }
}
