import ArgumentParser
import Foundation
import QualifyKit

@main
struct Qualify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qualify",
        abstract: "Checks qualification submissions for the Probation Services Dynamic Framework.",
        version: QualifyVersion.tool,
        subcommands: [Check.self, ChecklistCommand.self, Diff.self, Fix.self, Convert.self, Rules.self, Explain.self, Init.self, Guidance.self, Schema.self, Serve.self])

    /// A usage mistake exits with 2, like an unreadable file: the command could not do its job.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let refusal as Refusal {
            FileHandle.standardError.write(Data((refusal.description + "\n").utf8))
            Foundation.exit(ExitStatus.notChecked)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.notChecked)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes: 0 nothing blocks, 1 something must be fixed, 2 a file or the command could not be used.
enum ExitStatus {
    static let ready: Int32 = 0
    static let needsFixes: Int32 = 1
    static let notChecked: Int32 = 2
}

func loadKit(configuration: String? = nil) throws -> Kit {
    guard let root = Kit.locate() else {
        throw ValidationError("Qualify cannot find its schemas and guidance folders. Set QUALIFY_HOME to the folder that holds them.")
    }
    if let configuration {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration, isDirectory: &isFolder) else {
            throw Refusal(description: "There is no file at \(configuration). Check the name of your assumptions file.")
        }
        if isFolder.boolValue { throw Refusal(description: "\(configuration) is a folder. Give the assumptions file itself.") }
    }
    do {
        return try Kit(root: root, configuration: configuration.map { URL(fileURLWithPath: $0) })
    } catch let error as ConfigurationError where configuration != nil {
        throw Refusal(description: "Your assumptions file has a mistake. \(error.description)")
    } catch {
        throw ValidationError("Qualify cannot read its own files in \(root.path): \(error)")
    }
}
