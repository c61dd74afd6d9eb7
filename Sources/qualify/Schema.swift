import ArgumentParser
import Foundation
import QualifyKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema",
        abstract: "Write the JSON Schema of the submission form, made from the XSD.",
        discussion: "Run `qualify schema --write` after changing the XSD, so the two schemas stay the same.")

    @Flag(help: "Write \(JSONSchemaExport.fileName) instead of printing it.")
    var write = false

    func run() throws {
        let kit = try loadKit()
        let text = JSONSchemaExport.schema(for: kit.model)
        if write {
            let url = kit.root.appendingPathComponent(JSONSchemaExport.fileName)
            try OutputFile.write(text, to: url.path, force: true)
            print("Wrote \(url.path)")
        } else {
            print(text, terminator: "")
        }
    }
}
