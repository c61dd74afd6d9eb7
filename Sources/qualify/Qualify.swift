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
            let arguments = try Self.takingKitOption(Array(CommandLine.arguments.dropFirst()))
            if let plain = CheckRun.plain(arguments) { try plain.run() }
            var command = try parseAsRoot(arguments)
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

extension Qualify {
    /// `--kit FOLDER`, for any command: an edited copy of schemas/ and guidance/, as QUALIFY_HOME.
    /// Taken out before the commands read their own options, so every command has it.
    static func takingKitOption(_ arguments: [String]) throws -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--kit" || argument.hasPrefix("--kit=") {
                let value = argument == "--kit" ? (index + 1 < arguments.count ? arguments[index + 1] : nil) : String(argument.dropFirst(6))
                guard let value, !value.isEmpty else { throw ValidationError("--kit needs a folder that holds schemas/ and guidance/.") }
                guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: value).appendingPathComponent(Kit.schemaFile).path) else {
                    throw Refusal(description: "\(value) does not hold \(Kit.schemaFile). Give the folder that holds schemas/ and guidance/.")
                }
                setenv("QUALIFY_HOME", value, 1)
                index += argument == "--kit" ? 2 : 1
            } else {
                rest.append(argument)
                index += 1
            }
        }
        return rest
    }
}

/// Exit codes: 0 nothing blocks, 1 something must be fixed, 2 a file or the command could not be used.
enum ExitStatus {
    static let ready: Int32 = 0
    static let needsFixes: Int32 = 1
    static let notChecked: Int32 = 2
}

func loadKit(configuration: String? = nil, xmlSchema: Kit.XMLSchemaLoading = .atStart) throws -> Kit {
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
        return try Kit(root: root, configuration: configuration.map { URL(fileURLWithPath: $0) }, xmlSchema: xmlSchema)
    } catch let error as ConfigurationError where configuration != nil {
        throw Refusal(description: "Your assumptions file has a mistake. \(error.description)")
    } catch {
        // Not a usage mistake, so no usage text after it.
        throw Refusal(description: "Qualify cannot read its own files in \(root.path): \(error)")
    }
}
