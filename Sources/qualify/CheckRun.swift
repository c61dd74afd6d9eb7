import Foundation
import QualifyKit

/// One `qualify check`, whether its arguments came through swift-argument-parser or the plain
/// path below. The defaults here are the command's defaults (`Check` takes them from here).
struct CheckRun {
    var files: [String]
    var format: ReportFormat = .text
    var output: String?
    var force = false
    var summaryOnly = false
    var failOn: Severity = .mustFix
    var config: String?
    var maxSize = 10
    var jobs: Int?

    static let defaults = CheckRun(files: [])

    /// `qualify check FILE...` with nothing else, the commonest command, read without building
    /// swift-argument-parser's tree of commands: its reflection and protocol lookups were a
    /// seventh of checking one small file. Anything else (an option, `-` for standard input,
    /// a mistake) goes through the parser as before.
    static func plain(_ arguments: [String]) -> CheckRun? {
        guard arguments.count >= 2, arguments[0] == "check" else { return nil }
        let files = Array(arguments.dropFirst())
        guard files.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") }) else { return nil }
        return CheckRun(files: files)
    }

    /// Ends the process with 0, or 1 when something at the --fail-on level was found. It exits
    /// here, holding the kit and every report: freeing them one object at a time was a twentieth
    /// of checking one small file, and the system takes the memory back at once.
    func run() throws -> Never {
        let (status, finished) = try check()
        withExtendedLifetime(finished) { exit(status) }
    }

    private func check() throws -> (Int32, (Kit, BatchReport)) {
        let kit = try loadKit(configuration: config, xmlSchema: .whenFirstNeeded)
        var checker = Checker(kit: kit, maxBytes: maxSize * 1_048_576)
        checker.configuration = kit.configuration
        let expansion = BatchInput.expand(files)
        let inputs = expansion.items.compactMap { item -> URL? in if case .file(let url, _) = item { return url } else { return nil } }
        if let output { try OutputFile.check(output, force: force, inputs: inputs) }
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
            try OutputFile.write(text, to: output, force: force, inputs: inputs)
        } else {
            print(text, terminator: "")
        }
        return (batch.exitStatus(failOn: failOn), (kit, batch))
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
