import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QualifyDocument
import XCTest
@testable import QualifyKit
@testable import QualifyWeb

/// Every example through the form: what goes in comes out, and the task list counts what the
/// checker counts.
final class FormRoundTripTests: XCTestCase {
    static func examples(_ folder: String) -> [URL] {
        let url = WebTests.root.appendingPathComponent("examples/\(folder)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }.map { url.appendingPathComponent($0) }
    }

    /// Carry on with the file, open and save every section unchanged, then download it.
    func testEveryValidExampleComesBackUnchanged() async throws {
        let files = Self.examples("valid")
        XCTAssertGreaterThanOrEqual(files.count, 8)
        try await WebTests.app().test(.router) { client in
            for file in files {
                let original = [UInt8](try Data(contentsOf: file))
                var page = try await FormBrowser.upload(original, name: file.lastPathComponent, client: client)
                XCTAssertEqual(page.status, .ok, file.lastPathComponent)
                let sections = FormBrowser.openable(page.html)
                XCTAssertGreaterThanOrEqual(sections.count, 9, file.lastPathComponent)
                for key in sections {
                    page = try await FormBrowser.press("open:\(key)", on: page, client: client)
                    XCTAssertTrue(page.action.hasSuffix("/section/\(key)"), "\(file.lastPathComponent) \(key)")
                    page = try await FormBrowser.press("tasks", on: page, client: client)
                    XCTAssertTrue(page.html.contains("Your qualification submission"), "\(file.lastPathComponent) \(key)")
                }
                let format = file.pathExtension
                let download = try await FormBrowser.press("download:\(format)", on: page, client: client)
                XCTAssertEqual(download.headers[.contentDisposition], "attachment; filename=\"qualification-submission.\(format)\"")
                let checker = Checker(kit: WebTests.kit)
                let before = checker.inspect(bytes: original, file: "a"), after = checker.inspect(bytes: download.body, file: "b")
                guard let a = before.document?.root, let b = after.document?.root else { return XCTFail("\(file.lastPathComponent) unreadable") }
                XCTAssertEqual(Canonical.differences(a, b), [], file.lastPathComponent)
                XCTAssertEqual(after.report.findings.map(\.id), before.report.findings.map(\.id), file.lastPathComponent)
            }
        }
    }

    /// The task list shows each problem in the section of the field it points at, and the
    /// count in all is the checker's.
    func testInvalidExamplesShowTheirProblemsInTheRightSections() async throws {
        let kit = WebTests.kit
        let plan = try FormPlan(model: kit.model, settingsFile: WebTests.root.appendingPathComponent("guidance/form.yaml"))
        let readable = try await WebTests.app().test(.router) { client -> Int in
            var readable = 0
            for file in Self.examples("invalid") {
                let bytes = [UInt8](try Data(contentsOf: file))
                let inspection = Checker(kit: kit).inspect(bytes: bytes, file: file.lastPathComponent)
                let page = try await FormBrowser.upload(bytes, name: file.lastPathComponent, client: client)
                guard let document = inspection.document else {
                    XCTAssertEqual(page.status, .unprocessableContent, file.lastPathComponent)
                    XCTAssertTrue(page.html.contains("Your file cannot be read"), file.lastPathComponent)
                    for finding in inspection.report.findings { XCTAssertTrue(page.html.contains(Markup.escape(finding.message)), file.lastPathComponent) }
                    continue
                }
                readable += 1
                let mustFix = inspection.report.count(.mustFix)
                XCTAssertTrue(page.html.contains(mustFix == 1 ? "There is 1 thing to fix in all." : "There are \(mustFix) things to fix in all."),
                              "\(file.lastPathComponent): \(mustFix)")
                var shown = 0
                for section in plan.sections {
                    let names = section.fields.map(\.name)
                    let inSection = inspection.report.findings.filter { finding in
                        finding.severity.blocks && names.contains { DocumentPath(pointer: finding.path)?.tokens.first == .key($0) }
                    }
                    let status = FormBrowser.status(of: section.label, in: page.html) ?? "missing"
                    if inSection.isEmpty {
                        XCTAssertTrue(["Completed", "Not started", "Not needed"].contains(status), "\(file.lastPathComponent) \(section.label): \(status)")
                    } else if names.allSatisfy({ document.root[$0] == nil || section.given.contains($0) }) {
                        XCTAssertEqual(status, "Not started", "\(file.lastPathComponent) \(section.label)")
                        shown += inSection.count
                    } else {
                        let things = inSection.count == 1 ? "1 thing" : "\(inSection.count) things"
                        XCTAssertTrue(status.contains(things), "\(file.lastPathComponent) \(section.label): \(status) for \(things)")
                        shown += inSection.count
                    }
                }
                let wholeFile = inspection.report.findings.filter { $0.severity.blocks && ($0.path.isEmpty || $0.path == "/") }
                for finding in wholeFile { XCTAssertTrue(page.html.contains(Markup.escape(finding.message)), file.lastPathComponent) }
                XCTAssertEqual(shown + wholeFile.count, mustFix, file.lastPathComponent)
            }
            return readable
        }
        XCTAssertGreaterThan(readable, 20)
    }
}
