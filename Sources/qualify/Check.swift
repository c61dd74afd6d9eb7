public import ArgumentParser
import Foundation
public import QualifyKit

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, markdown, csv, sarif, junit
}

extension Severity: ExpressibleByArgument {
    /// "For information" never fails a run, so --help offers only the levels --fail-on takes.
    public static var allValueStrings: [String] { [Severity.mustFix, .ask, .advice].map(\.rawValue) }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Check submissions and explain what to fix.",
        discussion: """
            Give files or folders (folders are searched all the way down for .xml and .json files). \
            Exit status: 0 when nothing blocks, 1 when something must be fixed (or, with --fail-on, \
            something at that level), 2 when a file could not be checked or the command was mistyped.
            """)

    @Argument(help: "Submission files or folders (XML or JSON). Use - to read standard input.")
    var files: [String]

    @Option(help: "text, json, html, markdown, csv, sarif or junit.")
    var format: ReportFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file (written whole, or not at all).")
    var output: String?

    @Flag(help: "Replace the -o file if it already exists. A file being checked is never replaced.")
    var force = false

    @Flag(help: "Show one line for each file, worst first, and how often each finding came up, without the findings themselves.")
    var summaryOnly = false

    @Option(help: ArgumentHelp("Exit with 1 when any finding is at this level or more serious: must-fix, ask or advice.",
                               valueName: "must-fix|ask|advice"))
    var failOn: Severity = .mustFix

    @Option(help: "An assumptions file that replaces guidance/assumptions.yaml.")
    var config: String?

    @Option(help: "Largest file to read, in megabytes.")
    var maxSize: Int = 10

    @Option(help: "How many files to check at once (default: one for each core).")
    var jobs: Int?

    func validate() throws {
        if failOn == .info { throw ValidationError("--fail-on takes must-fix, ask or advice.") }
        if summaryOnly && format == .sarif {
            throw ValidationError("--summary-only cannot be used with --format sarif, which lists findings. Use json, csv, html, markdown, junit or text.")
        }
        if maxSize < 1 { throw ValidationError("--max-size must be 1 or more.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
    }

    func run() throws {
        let kit = try loadKit(configuration: config)
        var checker = Checker(kit: kit, maxBytes: maxSize * 1_048_576)
        checker.configuration = kit.configuration
        let expansion = BatchInput.expand(files)
        let bar: Progress? = expansion.items.count > 1 && Terminal.isTerminal(STDERR_FILENO) ? Progress() : nil
        var report: (@Sendable (Int, Int) -> Void)?
        if let bar { report = { done, total in bar.show(done, total) } }
        let readInput: @Sendable () -> [UInt8] = { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let reports = Batch(checker: checker, jobs: jobs).run(expansion.items, standardInput: readInput, progress: report)
        bar?.finish()
        let configuration = checker.configuration
        let batch = BatchReport(reports: reports, skipped: expansion.skipped,
                                provenance: Provenance(kit: kit, configuration: configuration))
        let text = render(batch, kit: kit, colour: output == nil && Terminal.wantsColour)
        if let output {
            let inputs = expansion.items.compactMap { item -> URL? in if case .file(let url, _) = item { return url } else { return nil } }
            try OutputFile.write(text, to: output, force: force, inputs: inputs)
        } else {
            print(text, terminator: "")
        }
        let status = batch.exitStatus(failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }

    func render(_ batch: BatchReport, kit: Kit, colour: Bool) -> String {
        switch format {
        case .json: return JSONReport.render(batch, summaryOnly: summaryOnly)
        case .html: return HTMLReport.render(batch, summaryOnly: summaryOnly)
        case .markdown: return MarkdownReport.render(batch, summaryOnly: summaryOnly)
        case .csv: return summaryOnly ? CSVReport.summary(batch) : CSVReport.render(batch)
        case .sarif: return SARIFReport.render(batch, kit: kit)
        case .junit: return JUnitReport.render(batch, summaryOnly: summaryOnly)
        case .text:
            let renderer = TextRenderer(colour: colour, catalogue: kit.catalogue)
            if summaryOnly { return renderer.summary(batch, files: true) }
            var out = batch.reports.map(renderer.render).joined(separator: "\n")
            if batch.reports.count > 1 { out += "\n" + renderer.summary(batch) }
            return out
        }
    }
}

enum Terminal {
    /// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
    static var wantsColour: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isTerminal(STDOUT_FILENO)
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}

/// "Checked 120 of 1000 files" on the terminal's error stream, updated in place.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var last = -1

    func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = done * 100 / max(total, 1)
        guard percent != last else { return }
        last = percent
        FileHandle.standardError.write(Data("\rChecked \(done) of \(total) files".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
