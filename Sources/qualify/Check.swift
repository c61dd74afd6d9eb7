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
    var format: ReportFormat = CheckRun.defaults.format

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file (written whole, or not at all).")
    var output: String?

    @Flag(help: "Replace the -o file if it already exists. A file being checked is never replaced.")
    var force = CheckRun.defaults.force

    @Flag(help: "Show one line for each file, worst first, and how often each finding came up, without the findings themselves.")
    var summaryOnly = CheckRun.defaults.summaryOnly

    @Option(help: ArgumentHelp("Exit with 1 when any finding is at this level or more serious: must-fix, ask or advice.",
                               valueName: "must-fix|ask|advice"))
    var failOn: Severity = CheckRun.defaults.failOn

    @Option(help: "An assumptions file that replaces guidance/assumptions.yaml.")
    var config: String?

    @Option(help: "Largest file to read, in megabytes.")
    var maxSize: Int = CheckRun.defaults.maxSize

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
        try request.run()
    }

    var request: CheckRun {
        CheckRun(files: files, format: format, output: output, force: force, summaryOnly: summaryOnly, failOn: failOn,
                 config: config, maxSize: maxSize, jobs: jobs)
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
