import Foundation

/// A command could not do its job for a reason the person can fix: said plainly, exit status 2.
struct Refusal: Error, CustomStringConvertible {
    let description: String
}

/// Every file a command writes goes through here, so no command can write over a file it
/// reads, replace an existing file the person did not name with --force, or fail with a raw
/// system error.
enum OutputFile {
    /// `inputs`: files the command reads; writing over one would lose it, so even --force is refused.
    static func write(_ text: String, to path: String, force: Bool, inputs: [URL] = []) throws {
        try check(path, force: force, inputs: inputs)
        let target = URL(fileURLWithPath: path)
        do {
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            throw Refusal(description: "Qualify cannot write \(path): \(reason(error, at: target)).")
        }
    }

    /// The refusals `write` would make, before any work: an official naming an existing file
    /// should hear so at once, not after a batch of hundreds has been checked.
    static func check(_ path: String, force: Bool, inputs: [URL] = []) throws {
        let target = URL(fileURLWithPath: path)
        if let input = inputs.first(where: { same($0, target) }) {
            throw Refusal(description: "\(path) is a file being checked (\(input.path)). Qualify never writes over it. "
                + "Choose a new file name for the result.")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw Refusal(description: "Qualify cannot write to \(path): it is a folder. Give a file name.") }
            if !force {
                throw Refusal(description: "\(path) already exists. Choose a new file name, or add --force to replace it.")
            }
        }
    }

    /// Makes a folder to write into, or says plainly why it cannot.
    static func folder(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Refusal(description: "Qualify cannot write to the folder \(path): \(reason(error, at: url)).")
        }
        return url
    }

    /// Why a write failed, in words: the usual causes, not the system's error codes.
    static func reason(_ error: any Error, at url: URL) -> String {
        let parent = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) { return "there is no folder \(parent)" }
        if !isFolder.boolValue { return "\(parent) is not a folder" }
        if !FileManager.default.isWritableFile(atPath: parent) { return "you do not have permission to write in \(parent)" }
        let code = (error as NSError).code
        if code == NSFileWriteOutOfSpaceError { return "the disk is full" }
        return "the system refused (check the folder exists and you may write in it)"
    }

    /// The same file, however the path is spelt: by its resolved path, or by device and inode
    /// (a hard link).
    static func same(_ a: URL, _ b: URL) -> Bool {
        if a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path { return true }
        var first = stat(), second = stat()
        guard stat(a.path, &first) == 0, stat(b.path, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
