import ArgumentParser
import Foundation
import QualifyKit

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fix",
        abstract: "Show safe, mechanical fixes as a diff, and write the fixed copy to a new file.",
        discussion: """
            Fixes: dates like 31/03/2024 to 2024-03-31, "12,000" to 12000, yes and no to true and false, \
            spaces around a value, and a misspelt field name with one clear match. The original is never changed.
            """)

    @Argument(help: "The submission to fix.")
    var file: String

    @Option(help: "Write the fixed copy to this new file. It must not exist yet, and cannot be the original.")
    var write: String?

    func run() throws {
        let kit = try loadKit()
        guard let data = FileManager.default.contents(atPath: file) else {
            print(TextRenderer(colour: false, catalogue: kit.catalogue).render(Checker(kit: kit).check(file: URL(fileURLWithPath: file), name: file)), terminator: "")
            throw ExitCode(ExitStatus.notChecked)
        }
        let result = Fixer(checker: Checker(kit: kit)).fix([UInt8](data), file: file)
        guard !result.edits.isEmpty else {
            print("Qualify found nothing it can fix safely in \(file). `qualify check \(file)` lists what to change by hand.")
            return
        }
        print(LineDiff.unified(result.original, result.fixed, file: file), terminator: "")
        print("\n\(result.fixes.count) \(result.fixes.count == 1 ? "fix" : "fixes"):")
        for edit in result.fixes { print("  line \(edit.line): \(edit.description)") }
        guard let write else {
            print("\nNothing was written. Add --write NEW-FILE to save the fixed copy.")
            return
        }
        try OutputFile.write(result.fixed, to: write, force: false, inputs: [URL(fileURLWithPath: file)])
        print("\nWrote \(write). Check it with: qualify check \(write)")
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff",
        abstract: "Compare a resubmission with the earlier one: what was fixed, what is new, what remains.",
        discussion: "Exit status is that of checking NEW: 0 when nothing blocks, 1 when something must be fixed, 2 when it could not be checked.")

    @Argument(help: "The earlier submission.")
    var old: String

    @Argument(help: "The resubmission.")
    var new: String

    func run() throws {
        let checker = Checker(kit: try loadKit())
        let earlier = checker.inspect(file: URL(fileURLWithPath: old), name: old)
        let later = checker.inspect(file: URL(fileURLWithPath: new), name: new)
        let after = later.report
        let ids = [earlier, later].map(\.submissionReference)
        if let first = ids[0], let second = ids[1], first != second {
            print("Note: these look like different submissions (submission reference \(first) and \(second)). "
                + "Check you are comparing a resubmission with its own earlier version.\n")
        }
        print(Resubmission(old: earlier.report, new: after).text(old: old, new: new), terminator: "")
        switch after.outcome {
        case .ready: return
        case .needsFixes: throw ExitCode(ExitStatus.needsFixes)
        case .notChecked: throw ExitCode(ExitStatus.notChecked)
        }
    }
}
