import Foundation
import XCTest
@testable import QualifyKit

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// A throwaway copy of the kit's folders, for tests that edit the guidance as a person would.
    /// The caller removes it.
    static func copyOfKit() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-kit-\(UUID())")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["schemas", "guidance", "examples"] {
            try FileManager.default.copyItem(at: url(folder), to: copy.appendingPathComponent(folder))
        }
        return copy
    }

    static func files(in folder: String, ending suffix: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { url(folder).appendingPathComponent($0) }
    }

    /// The shared conformance data sits beside the repository, never inside it.
    static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
}

enum Shared {
    // Loading the kit compiles the schema; once is enough for every test.
    static let kit: Kit = {
        do { return try Kit(root: Repo.root) } catch { fatalError("the kit does not load: \(error)") }
    }()

    static var checker: Checker { Checker(kit: kit) }

    static func check(_ text: String, name: String = "test.xml") -> Report {
        checker.check(bytes: Array(text.utf8), file: name)
    }
}

/// Runs a program and returns its exit status and output, or nil when it is not installed.
func runProgram(_ program: String, _ arguments: [String], input: Data? = nil) -> (status: Int32, out: String, err: String)? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    let found = program.hasPrefix("/") ? program : paths.map { "\($0)/\(program)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let executable = found, FileManager.default.isExecutableFile(atPath: executable) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe(), stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    guard (try? process.run()) != nil else { return nil }
    if let input { stdin.fileHandleForWriting.write(input) }
    try? stdin.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
