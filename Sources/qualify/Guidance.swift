import ArgumentParser
import Foundation
import QualifyKit

struct Guidance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the guidance: the field reference, the booklet and the lint.",
        subcommands: [Fields.self])

    struct Fields: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make the field reference from the form's own labels and hints.")

        @Flag(help: "Write \(FieldReference.fileName) instead of printing it.")
        var write = false

        func run() throws {
            let kit = try loadKit()
            let text = FieldReference(model: kit.model).markdown()
            guard write else { return print(text, terminator: "") }
            let url = kit.root.appendingPathComponent(FieldReference.fileName)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            print("Wrote \(url.path)")
        }
    }
}
