import Foundation
import XCTest
@testable import QualifyKit

final class StarterTests: XCTestCase {
    /// A blank starter is a to-do list: it only asks for things to be filled in, and it reads
    /// the same in XML and JSON.
    func testStartersListOnlyWhatIsLeftToFillIn() {
        let starter = Starter(model: Shared.kit.model)
        let xml = Shared.check(starter.xml(), name: "starter.xml")
        let json = Shared.check(starter.json(), name: "starter.json")
        for report in [xml, json] {
            XCTAssertEqual(report.outcome, .needsFixes)
            let kinds = Set(report.findings.map(\.id))
            XCTAssertTrue(kinds.isSubset(of: ["schema.empty", "rule.not-checked"]), "\(report.file): \(kinds.sorted())")
        }
        XCTAssertEqual(xml.findings.filter { $0.id == "schema.empty" }.map(\.path),
                       json.findings.filter { $0.id == "schema.empty" }.map(\.path))
    }

    func testEveryFieldIsExplainedInTheXMLStarter() throws {
        let model = Shared.kit.model
        let text = Starter(model: model).xml()
        var labels: Set<String> = []
        for type in model.types.values {
            if case .complex(let complex) = type { labels.formUnion(complex.fields.map(\.label)) }
            if case .list(let list) = type { labels.insert(list.item.label) }
        }
        for label in labels { XCTAssertTrue(text.contains("<!-- \(label)"), "no comment for \(label)") }
        XCTAssertFalse(text.contains("--->"))
    }

    func testFieldReferenceIsUpToDate() throws {
        let committed = try String(contentsOf: Repo.url(FieldReference.fileName), encoding: .utf8)
        XCTAssertEqual(committed, FieldReference(model: Shared.kit.model).markdown(),
                       "\(FieldReference.fileName) is stale: run `swift run qualify guidance fields --write`")
    }
}
