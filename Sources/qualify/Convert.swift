public import ArgumentParser
import Foundation
public import QualifyKit

extension Converter.Target: ExpressibleByArgument {}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert",
        abstract: "Convert a submission between XML and JSON without losing anything.",
        discussion: """
            The result is converted back and compared before anything is written. If anything \
            would be lost, nothing is written and Qualify says what and where (exit status 1).
            """)

    @Argument(help: "The submission to convert. Use - to read standard input.")
    var file: String

    @Option(help: "The format to convert to: json or xml.")
    var to: Converter.Target

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file instead of printing it.")
    var output: String?

    @Flag(help: "Replace the -o file if it already exists. The file being converted is never replaced.")
    var force = false

    func run() throws {
        let kit = try loadKit()
        let name = file == "-" ? "standard input" : file
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                let report = Checker(kit: kit).check(file: URL(fileURLWithPath: file), name: file)
                print(TextRenderer(colour: Terminal.wantsColour, catalogue: kit.catalogue).render(report), terminator: "")
                throw ExitCode(ExitStatus.notChecked)
            }
            bytes = [UInt8](data)
        }
        switch Converter(kit: kit).convert(bytes, file: name, to: to) {
        case .success(let text):
            if let output {
                try OutputFile.write(text, to: output, force: force, inputs: file == "-" ? [] : [URL(fileURLWithPath: file)])
            } else {
                print(text, terminator: "")
            }
        case .failure(let failure):
            let unreadable = failure.findings.contains { $0.id.hasPrefix("input.") }
            let report = Report(file: name, format: nil, findings: failure.findings, checked: !unreadable)
            print(TextRenderer(colour: Terminal.wantsColour, catalogue: kit.catalogue).render(report), terminator: "")
            throw ExitCode(unreadable ? ExitStatus.notChecked : ExitStatus.needsFixes)
        }
    }
}
