import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// The `qualify` program itself: arguments, output and exit codes, run as a person would.
/// Runs the built `qualify` program the way a person would.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Another copy of the program, such as an installed one; the built one when nil.
    var installed: URL?

    var binary: URL {
        if let installed { return installed }
        let beside = Bundle.main.bundleURL.appendingPathComponent("qualify")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Self.root.appendingPathComponent(".build/debug/qualify")
    }

    /// `timeout`: seconds after which the program is stopped (for `serve`, which would otherwise run on).
    /// `holdsInputOpen`: standard input stays open until the program ends or is stopped.
    func qualify(_ arguments: [String], input: String? = nil, in folder: URL? = nil,
                 timeout: TimeInterval? = nil, holdsInputOpen: Bool = false) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "QUALIFY_HOME")
        process.environment = environment
        let out = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        if !holdsInputOpen { try stdin.fileHandleForWriting.close() }
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
        if holdsInputOpen { try stdin.fileHandleForWriting.close() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A TCP port on the loopback address that is already taken.
final class Listener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0
                && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}

final class CLITests: XCTestCase {
    static let root = CLI.root

    func qualify(_ arguments: [String], input: String? = nil, in folder: URL? = nil) throws -> (status: Int32, out: String) {
        try CLI().qualify(arguments, input: input, in: folder)
    }

    /// `qualify check FILE...` alone is read without swift-argument-parser; given an option that
    /// changes nothing, the same files must give the same words and the same exit status.
    func testPlainCheckAgreesWithTheParsedCommand() throws {
        let cases = [["examples/valid/01-small-charity-alone.xml"], ["examples/invalid/01-missing-geography.json"],
                     ["no-such-file.xml", "examples/valid/01-small-charity-alone.json"], ["examples/invalid"]]
        for files in cases {
            let plain = try CLI().qualify(["check"] + files)
            let parsed = try CLI().qualify(["check"] + files + ["--format", "text", "--fail-on", "must-fix", "--max-size", "10"])
            XCTAssertEqual(plain.status, parsed.status, "\(files)")
            XCTAssertEqual(plain.out, parsed.out, "\(files)")
        }
        XCTAssertEqual(try CLI().qualify(["check", "examples/valid/01-small-charity-alone.xml"]).status, 0)
        XCTAssertEqual(try CLI().qualify(["check", "examples/invalid/01-missing-geography.json"]).status, 1)
        XCTAssertEqual(try CLI().qualify(["check", "no-such-file.xml"]).status, 2)
    }

    func testValidExampleExitsZero() throws {
        let result = try qualify(["check", "examples/valid/01-small-charity-alone.xml"])
        XCTAssertEqual(result.status, 0, result.out)
        XCTAssertTrue(result.out.contains("ready"), result.out)
        XCTAssertFalse(result.out.contains("\u{1B}["), "no colour when NO_COLOR is set or output is piped")
    }

    func testInvalidExampleExitsOneAndExplains() throws {
        let result = try qualify(["check", "examples/invalid/03-charity-number-wrong-format.xml"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.out.contains("Write it as 6 or 7 digits, like 1090095."), result.out)
        XCTAssertTrue(result.out.contains("line 15, column 7"), result.out)
    }

    func testUnreadableFileExitsTwoAndOtherFilesAreStillChecked() throws {
        let result = try qualify(["check", "no-such-file.xml", "examples/valid/02-consortium-with-prospective-partner.xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.out.contains("There is no file at no-such-file.xml"), result.out)
        XCTAssertTrue(result.out.contains("02-consortium-with-prospective-partner.xml: ready"), result.out)
        XCTAssertTrue(result.out.contains("Summary: 2 files checked."), result.out)
        XCTAssertTrue(result.out.contains("  Needs reviewer judgement    1\n  Could not be checked        1"), result.out)
    }

    /// The XML schema is compiled only when an XML file needs it. With a kit whose schema has
    /// a mistake, a JSON file is still checked and each XML file says why it was not (exit 2).
    func testABrokenXMLSchemaStopsOnlyTheXMLFiles() throws {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-broken-kit-\(UUID())")
        defer { try? FileManager.default.removeItem(at: kit) }
        for folder in ["schemas", "guidance"] {
            try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: kit.appendingPathComponent(folder))
        }
        let schema = kit.appendingPathComponent("schemas/qualification-1.0.xsd")
        let text = try String(contentsOf: schema, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "type=\"SubmissionIdType\"", with: "type=\"NoSuchType\"").utf8).write(to: schema)
        let json = try qualify(["--kit", kit.path, "check", "examples/valid/01-small-charity-alone.json"])
        XCTAssertEqual(json.status, 0, json.out)
        let both = try qualify(["--kit", kit.path, "check", "examples/valid/01-small-charity-alone.json",
                                "examples/valid/01-small-charity-alone.xml"])
        XCTAssertEqual(both.status, 2, both.out)
        XCTAssertTrue(both.out.contains("01-small-charity-alone.json: ready"), both.out)
        XCTAssertTrue(both.out.contains("NoSuchType"), both.out)
        // Loading the whole kit (the lint does) names the mistake, with no usage text after it.
        let lint = try qualify(["--kit", kit.path, "guidance", "lint"])
        XCTAssertEqual(lint.status, 2, lint.out)
        XCTAssertTrue(lint.out.contains("the XML schema does not compile") && lint.out.contains("NoSuchType"), lint.out)
        XCTAssertFalse(lint.out.contains("Usage:"), lint.out)
    }

    func testEveryReportFormatAndAnOutputFileWrittenWhole() throws {
        for format in ["json", "html", "markdown", "csv", "sarif", "junit"] {
            let result = try qualify(["check", "--format", format, "examples/invalid/03-charity-number-wrong-format.xml"])
            XCTAssertEqual(result.status, 1, format)
            XCTAssertTrue(result.out.contains("1090095"), format)
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try qualify(["check", "examples/valid", "--format", "json", "-o", out.path, "--fail-on", "ask"])
        XCTAssertEqual(result.status, 1, "a finding for officials fails the run with --fail-on ask")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        XCTAssertEqual((report?["summary"] as? [String: Any])?["files"] as? Int, 8)
        let summary = try qualify(["check", "examples/valid", "--summary-only"])
        XCTAssertEqual(summary.status, 0)
        XCTAssertTrue(summary.out.hasPrefix("Summary: 8 files checked"), summary.out)
    }

    func testStandardInput() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("examples/valid/04-national-provider.xml"), encoding: .utf8)
        let result = try qualify(["check", "-"], input: text)
        XCTAssertEqual(result.status, 0, result.out)
        XCTAssertTrue(result.out.hasPrefix("standard input: ready"), result.out)
    }

    func testFindsItsOwnFilesFromAnyFolder() throws {
        let example = Self.root.appendingPathComponent("examples/valid/01-small-charity-alone.xml").path
        let result = try qualify(["check", example], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.out)
    }

    func testVersionHelpAndUsage() throws {
        XCTAssertEqual(try qualify(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let help = try qualify(["check", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("Exit status: 0 when nothing blocks"), help.out)
        let usage = try qualify(["check"])
        XCTAssertEqual(usage.status, 2, "a usage mistake exits with 2")
        XCTAssertTrue(usage.out.contains("Usage: qualify check"), usage.out)
        XCTAssertEqual(try qualify(["check", "--format", "nonsense", "x.xml"]).status, 2)
    }
}

final class GuidanceCommandTests: XCTestCase {
    let cli = CLI()

    func testRulesListsEveryRuleAsTextAndJSON() throws {
        let text = try cli.qualify(["rules"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.out.contains("case-study.too-old\n  Officials will ask about this · assumption A2"), text.out)
        let json = try cli.qualify(["rules", "--format", "json"])
        let rules = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        XCTAssertGreaterThanOrEqual(rules?.count ?? 0, 40)
        XCTAssertEqual(Set(rules?.first?.keys.map { $0 } ?? []), ["id", "severity", "severityTitle", "title", "message", "assumption", "page"])
    }

    func testExplainShowsAPageOrSaysWhatExists() throws {
        let page = try cli.qualify(["explain", "case-study.too-old"])
        XCTAssertEqual(page.status, 0)
        XCTAssertTrue(page.out.contains("assumption A2"), page.out)
        XCTAssertTrue(page.out.contains("Examples:"), page.out)
        let missing = try cli.qualify(["explain", "too-old"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.out.contains("Did you mean:") && missing.out.contains("case-study.too-old"), missing.out)
    }

    func testInitWritesAStarterAndNeverReplacesAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-init-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("mine.json").path
        XCTAssertEqual(try cli.qualify(["init", "--format", "json", "-o", target]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target))
        XCTAssertEqual(try cli.qualify(["init", "-o", target]).status, 2)
        XCTAssertEqual(try cli.qualify(["check", target]).status, 1)
    }
}

final class GuidanceLintTests: XCTestCase {
    /// The guidance covers every rule and finding, every example behaves as written, and every
    /// page and message meets the gates: the same run an advisory-group member makes.
    func testGuidanceLintPasses() throws {
        let result = try CLI().qualify(["guidance", "lint"])
        XCTAssertEqual(result.status, 0, result.out)
        XCTAssertTrue(result.out.contains("The guidance passes every check."), result.out)
    }

    func testBookletIsBuiltWithEverything() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-booklet-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI().qualify(["guidance", "build", "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.out)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        for part in ["id=\"contents\"", "id=\"topics\"", "id=\"rules\"", "id=\"fields\"", "id=\"assumptions\"", "id=\"coverage\"",
                     "id=\"page-case-studies\"", "id=\"page-case-study.too-old\"", "ended on 2022-12-31, more than 3 years"] {
            XCTAssertTrue(html.contains(part), part)
        }
        XCTAssertFalse(html.contains("<script"), "the booklet has no scripts")
        XCTAssertFalse(html.contains("href=\"../"), "every link between pages stays inside the booklet")
    }
}

final class FixCommandTests: XCTestCase {
    func testFixPreviewsWritesANewFileAndNeverTheOriginal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-fix-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("mine.xml")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("examples/invalid/04-date-with-slashes.xml"), to: original)
        let before = try Data(contentsOf: original)
        let preview = try CLI().qualify(["fix", original.path])
        XCTAssertTrue(preview.out.contains("+      <endDate>2025-03-31</endDate>"), preview.out)
        XCTAssertEqual(try CLI().qualify(["fix", original.path, "--write", original.path]).status, 2)
        let fixed = folder.appendingPathComponent("mine-fixed.xml")
        XCTAssertEqual(try CLI().qualify(["fix", original.path, "--write", fixed.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: original), before, "the original is never changed")
        let diff = try CLI().qualify(["diff", original.path, fixed.path])
        XCTAssertTrue(diff.out.contains("fixed, 0 new, 0 still there"), diff.out)
        XCTAssertEqual(diff.status, 0)
    }
}

/// The web page in a real browser: headless Chromium uploads an invalid example, and axe-core
/// checks the home, result and guidance pages for accessibility problems.
final class BrowserTests: XCTestCase {
    /// Whether something accepts connections on this loopback port.
    static func isListening(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    func testUploadInARealBrowserAndAccessibility() throws {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        guard tools.allSatisfy(FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("Chromium and its driver are not installed (apt-get install chromium chromium-driver); .ci/run installs them")
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import selenium, axe_selenium_python"]
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw XCTSkip("python3 with selenium and axe-selenium-python is not installed; .ci/run installs them")
        }
        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = CLI().binary
        server.arguments = ["serve", "--port", "\(port)"]
        server.currentDirectoryURL = CLI.root
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        // The server runs every guidance example before it listens; wait for it, up to a minute.
        var ready = false
        for _ in 0..<120 where !ready {
            Thread.sleep(forTimeInterval: 0.5)
            ready = Self.isListening(port: port)
        }
        XCTAssertTrue(ready, "the server did not start")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", CLI.root.appendingPathComponent("Tests/Browser/browser_check.py").path, "http://127.0.0.1:\(port)",
                           CLI.root.appendingPathComponent("examples/invalid/14-misspelt-field-then-bad-email.xml").path,
                           CLI.root.appendingPathComponent("examples/valid/01-small-charity-alone.xml").path, CLI().binary.path]
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        print(text)
        XCTAssertEqual(check.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("upload: error summary shown"), text)
        XCTAssertTrue(text.contains("axe result: 0 violations"), text)
        for page in ["task list", "date input", "section with errors", "repeated items", "check your answers"] {
            XCTAssertTrue(text.contains("axe \(page): 0 violations"), page)
        }
        XCTAssertTrue(text.contains("form: qualify check finds nothing to fix in the download: yes"), text)
        XCTAssertTrue(text.contains("axe a page of small questions: 0 violations"), text)
        XCTAssertTrue(text.contains("form: from blank, the planted mistake was reported and fixed: yes"), text)
        XCTAssertTrue(text.contains("form: from blank, qualify check finds nothing to fix in the download: yes"), text)
        XCTAssertTrue(text.contains("booklet at 1200px: no sideways scroll, site header shown"), text)
    }
}
