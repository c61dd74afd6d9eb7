import Foundation
import XCTest

/// The program installed the way scripts/install.sh lays it out (bin/qualify with its kit in
/// share/qualify) works from any folder, and --kit chooses an edited copy of the kit.
final class InstallTests: XCTestCase {
    func testTheInstalledProgramFindsItsKitFromAnEmptyFolder() throws {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("qualify-install-\(UUID())")
        let empty = prefix.appendingPathComponent("somewhere-else")
        defer { try? fm.removeItem(at: prefix) }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/qualify"), withIntermediateDirectories: true)
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        let program = prefix.appendingPathComponent("bin/qualify")
        try fm.copyItem(at: CLI().binary, to: program)
        for folder in ["schemas", "guidance"] {
            try fm.copyItem(at: CLI.root.appendingPathComponent(folder), to: prefix.appendingPathComponent("share/qualify/\(folder)"))
        }
        let submission = empty.appendingPathComponent("mine.xml")
        try fm.copyItem(at: CLI.root.appendingPathComponent("examples/valid/01-small-charity-alone.xml"), to: submission)
        let installed = CLI(installed: program)
        let result = try installed.qualify(["check", "mine.xml"], in: empty)
        XCTAssertEqual(result.status, 0, result.out)
        XCTAssertTrue(result.out.contains("mine.xml: ready"), result.out)

        // An edited copy of the kit, chosen with --kit, is the one used.
        let edited = prefix.appendingPathComponent("edited")
        try fm.copyItem(at: prefix.appendingPathComponent("share/qualify"), to: edited)
        let messages = edited.appendingPathComponent("guidance/messages/en.yaml")
        let text = try String(contentsOf: messages, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "schema.wrong-format: \"", with: "schema.wrong-format: \"EDITED ").utf8).write(to: messages)
        let broken = empty.appendingPathComponent("broken.xml")
        try fm.copyItem(at: CLI.root.appendingPathComponent("examples/invalid/03-charity-number-wrong-format.xml"), to: broken)
        let withKit = try installed.qualify(["check", "--kit", edited.path, "broken.xml"], in: empty)
        XCTAssertTrue(withKit.out.contains("EDITED"), withKit.out)
        let missing = try installed.qualify(["check", "--kit", empty.path, "broken.xml"], in: empty)
        XCTAssertEqual(missing.status, 2, missing.out)
        XCTAssertTrue(missing.out.contains("does not hold schemas/qualification-1.0.xsd"), missing.out)
    }
}
