import ArgumentParser
import Foundation
import QualifyKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submissions and explain what to fix.",
        discussion: """
            Exit status: 0 when nothing blocks the submission, 1 when something must be fixed, \
            2 when a file could not be checked.
            """)

    @Argument(help: "Submission files (XML). Use - to read standard input.")
    var files: [String]

    @Option(help: "Largest file to read, in megabytes.")
    var maxSize: Int = 10

    func run() throws {
        let checker = Checker(kit: try loadKit(), maxBytes: maxSize * 1_048_576)
        let renderer = TextRenderer(colour: Terminal.wantsColour)
        var reports: [Report] = []
        for file in files {
            let report: Report
            if file == "-" {
                report = checker.check(bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), file: "standard input")
            } else {
                report = checker.check(file: URL(fileURLWithPath: file), name: file)
            }
            reports.append(report)
            print(renderer.render(report))
        }
        if reports.count > 1 { print(renderer.summary(reports), terminator: "") }
        let status = reports.map { report -> Int32 in
            switch report.outcome {
            case .ready: return ExitStatus.ready
            case .needsFixes: return ExitStatus.needsFixes
            case .notChecked: return ExitStatus.notChecked
            }
        }.max() ?? ExitStatus.ready
        if status != 0 { throw ExitCode(status) }
    }
}

enum Terminal {
    /// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
    static var wantsColour: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }
}
