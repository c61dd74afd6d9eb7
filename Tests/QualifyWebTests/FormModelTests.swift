import Foundation
import HummingbirdTesting
import XCTest
@testable import QualifyKit
@testable import QualifyWeb

/// The form is made from the XSD: a field added there appears with no template change.
final class FormModelTests: XCTestCase {
    func testANewFieldInTheSchemaAppearsOnItsSectionsPage() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-form-\(UUID())")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["schemas", "guidance"] {
            try FileManager.default.copyItem(at: WebTests.root.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        let templates = copy.appendingPathComponent("guidance/templates")
        let before = try FileManager.default.contentsOfDirectory(atPath: templates.path).sorted()
            .map { try Data(contentsOf: templates.appendingPathComponent($0)) }
        let xsd = copy.appendingPathComponent(Kit.schemaFile)
        let anchor = "<xs:element name=\"signatoryRole\""
        let added = """
            <xs:element name="volunteerHours" type="xs:nonNegativeInteger" minOccurs="0">
                    <xs:annotation>
                      <xs:documentation source="label">Volunteer hours a week</xs:documentation>
                      <xs:documentation source="hint">How many hours volunteers give each week, if you know.</xs:documentation>
                    </xs:annotation>
                  </xs:element>
                  \(anchor)
            """
        let text = try String(contentsOf: xsd, encoding: .utf8)
        XCTAssertTrue(text.contains(anchor))
        try text.replacingOccurrences(of: anchor, with: added).write(to: xsd, atomically: true, encoding: .utf8)

        let kit = try Kit(root: copy)
        var settings = WebSettings()
        settings.maxUploadBytes = 2 * 1_048_576
        try await WebApp.application(kit: kit, settings: settings).test(.router) { client in
            let page = try await FormBrowser.press("open:declaration", on: try await FormBrowser.blank(client: client), client: client)
            XCTAssertTrue(page.html.contains("<label for=\"f-declaration-volunteerHours\">Volunteer hours a week</label>"))
            XCTAssertTrue(page.html.contains("How many hours volunteers give each week, if you know."))
            XCTAssertTrue(page.html.contains("name=\"/declaration/volunteerHours\""))
            let saved = try await FormBrowser.press("tasks", on: page, changing: [("/declaration/volunteerHours", "12")], client: client)
            let download = try await FormBrowser.press("download:json", on: saved, client: client)
            XCTAssertTrue(download.html.contains("\"volunteerHours\": 12"), download.html)
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: templates.path).sorted()
            .map { try Data(contentsOf: templates.appendingPathComponent($0)) }
        XCTAssertEqual(before, after, "no template changed")
    }
}

/// guidance/form.yaml is edited by hand; a slip in it is named when the server starts.
final class FormSettingsTests: XCTestCase {
    func plan(_ yaml: String) throws -> FormPlan {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("form-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try FormPlan(model: WebTests.kit.model, settingsFile: file)
    }

    func testGroupSlipsAreNamed() throws {
        let cases = [
            ("groups:\n  a:\n    title: A\n    fields: [submissionId, nothing]\n", "'nothing'"),
            ("groups:\n  a:\n    title: A\n    fields: [submissionId]\n  b:\n    title: B\n    fields: [submissionId]\n", "two groups"),
            ("groups:\n  a:\n    fields: [submissionId]\n", "needs a title"),
            ("sections:\n  submissionId:\n    topic: x\ngroups:\n  a:\n    title: A\n    fields: [submissionId]\n", "in the group 'a'"),
        ]
        for (yaml, words) in cases {
            XCTAssertThrowsError(try plan(yaml), yaml) { XCTAssertTrue("\($0)".contains(words), "\($0)") }
        }
        let grouped = try plan("groups:\n  about:\n    title: About\n    fields: [submittedAt, submissionId]\n")
        XCTAssertEqual(grouped.sections.first?.fields.map(\.name), ["submissionId", "submittedAt"], "the form's order, not the list's")
        XCTAssertEqual(grouped.sections.first?.label, "About")
    }
}
