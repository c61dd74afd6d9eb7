import Foundation
import XCTest
@testable import QualifyKit

final class SchemaTests: XCTestCase {
    func testPublishedJSONSchemaIsUpToDateWithTheXSD() throws {
        let committed = try String(contentsOf: Repo.url(JSONSchemaExport.fileName), encoding: .utf8)
        XCTAssertEqual(committed, JSONSchemaExport.schema(for: Shared.kit.model),
                       "\(JSONSchemaExport.fileName) is stale: run `swift run qualify schema --write`")
    }

    func testJSONSchemaIsValidAgainstTheDraft202012MetaSchema() throws {
        let script = """
            import json, sys, jsonschema
            jsonschema.Draft202012Validator.check_schema(json.load(open(sys.argv[1])))
            """
        guard let probe = runProgram("python3", ["-c", "import jsonschema"]), probe.status == 0 else {
            throw XCTSkip("python3 with jsonschema is not installed; .ci/run installs it")
        }
        let result = runProgram("python3", ["-c", script, Repo.url(JSONSchemaExport.fileName).path])
        XCTAssertEqual(result?.status, 0, result?.err ?? "")
    }

    func testEveryFieldHasAPlainLabelAndHint() {
        let model = Shared.kit.model
        var fields: [FieldDecl] = []
        for type in model.types.values {
            switch type {
            case .complex(let complex): fields += complex.fields
            case .list(let list): fields.append(list.item)
            case .simple: break
            }
        }
        XCTAssertGreaterThan(fields.count, 100)
        for field in fields {
            XCTAssertFalse(field.label.isEmpty, field.name)
            XCTAssertFalse(field.hint.isEmpty, "\(field.name) has no hint")
            XCTAssertNil(["Your ", "The ", "A "].first { field.label.hasPrefix($0) }, "\(field.name): '\(field.label)' must read well after 'the'")
            XCTAssertLessThanOrEqual(PlainLanguage.wordCount(in: field.hint), 25, "\(field.name): hint too long")
            XCTAssertEqual(PlainLanguage.avoidHits(in: field.label + " " + field.hint), [], field.name)
        }
    }

    func testModelKnowsTheDomainLists() throws {
        let model = Shared.kit.model
        guard case .simple(let categories)? = model.type(named: "CategoryCodeType"),
              case .simple(let regions)? = model.type(named: "RegionCodeType"),
              case .simple(let areas)? = model.type(named: "PccAreaType") else {
            return XCTFail("category, region or police area type is missing")
        }
        XCTAssertEqual(categories.choices.count, 14)
        XCTAssertEqual(regions.choices.map(\.value), (UnicodeScalar("A").value...UnicodeScalar("L").value).map { String(UnicodeScalar($0)!) })
        XCTAssertEqual(areas.choices.count, 41)
        XCTAssertEqual(model.versions, ["1.0"])
    }
}
