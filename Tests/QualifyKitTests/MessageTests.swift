import Foundation
import QualifyDocument
import QualifyXML
import XCTest
@testable import QualifyKit

/// Every message a person can see meets the writing standard, with the form's real labels
/// filled in at every place in the form they can appear.
final class MessageTests: XCTestCase {
    /// Every field of the form, with list positions filled in as the second item.
    func allPaths(_ model: FormModel) -> [DocumentPath] {
        var result: [DocumentPath] = []
        func visit(_ type: FormType?, _ path: DocumentPath, depth: Int) {
            guard depth < 12 else { return }
            switch type {
            case .complex(let complex)?:
                for field in complex.fields {
                    let child = path.appending(field.name)
                    result.append(child)
                    visit(model.type(named: field.typeName), child, depth: depth + 1)
                }
            case .list(let list)?:
                let child = path.appending(index: 1)
                result.append(child)
                visit(model.type(named: list.item.typeName), child, depth: depth + 1)
            default:
                break
            }
        }
        visit(model.type(named: model.rootType), .root, depth: 0)
        return result
    }

    /// The problems that can really happen at a field of this type.
    func applicableKinds(_ type: FormType?) -> [Problem.Kind] {
        let always: [Problem.Kind] = [.missing, .unknownField, .repeated, .wrongPlace, .structure, .unexpectedText]
        switch type {
        case .complex?: return always + [.notASection]
        case .list?: return always + [.notAList, .tooMany, .tooFew]
        case .simple(let simple)?:
            var kinds = always + [.empty, .notText]
            switch simple.base {
            case .string, .anyURI: kinds += [.tooLong, .tooShort, .wrongFormat] + (simple.choices.isEmpty ? [] : [.notInList])
            case .date, .dateTime: kinds += [.notADate]
            case .boolean: kinds += [.notYesNo]
            case .decimal: kinds += [.notANumber, .tooSmall, .tooLarge, .tooManyDecimals]
            case .integer, .nonNegativeInteger: kinds += [.notAWholeNumber, .tooSmall, .tooLarge]
            }
            return kinds
        case nil: return always
        }
    }

    func renderedMessages() -> [(where: String, message: String)] {
        let kit = Shared.kit
        let builder = FindingBuilder(catalogue: kit.catalogue, places: Places(model: kit.model))
        var messages: [(String, String)] = []
        let facts = ["count": "14", "max": "120", "min": "1", "format": "6 or 7 digits, like 1090095",
                     "example": "2024-03-31", "after": "legalName", "expected": "1.0"]
        let places = Places(model: kit.model)
        for path in allPaths(kit.model) {
            for kind in applicableKinds(places.type(at: path)) {
                let problem = Problem(kind, at: path, position: SourcePosition(line: 3, column: 5),
                                      value: "Something a person wrote", facts: facts)
                messages.append((path.description + " " + kind.id, builder.finding(for: problem).message))
            }
        }
        let inputs: [InputProblem] = [
            .unreadable(reason: .notFound), .unreadable(reason: .folder), .unreadable(reason: .permission),
            .unreadable(reason: .notAFile), .unreadable(reason: .other), .screen(.empty),
            .screen(.tooLarge(size: 12_000_000, limit: 10_485_760)), .screen(.binary(kind: .officeDocument)),
            .screen(.binary(kind: .pdf)), .screen(.binary(kind: .image)), .screen(.binary(kind: .unknown)),
            .screen(.utf16), .screen(.notUTF8(line: 4)), .notXMLOrJSON,
        ] + [XMLReadProblem.Kind.doctype, .tagMismatch(opened: "legalName", closed: "legalNmae"), .unexpectedEnd,
             .lonelyAmpersand, .undeclaredEntity(name: "nbsp"), .tooDeep, .extraContent, .noRootElement,
             .badCharacter, .brokenTag, .other].map { .xml(XMLReadProblem(kind: $0, line: 3, column: 4, detail: "")) }
        for input in inputs {
            messages.append((input.key, input.finding(file: "examples/my-submission.xml", catalogue: kit.catalogue).message))
        }
        return messages
    }

    func testEveryMessageMeetsThePlainLanguageGate() {
        let messages = renderedMessages()
        XCTAssertGreaterThan(messages.count, 1000)
        var failures: [String] = []
        for (place, message) in messages {
            let problems = PlainLanguage.check(message: message).problems
            if !problems.isEmpty { failures.append("\(place): \(problems.joined(separator: "; ")) — \(message)") }
        }
        XCTAssertEqual(failures.count, 0, "\n" + failures.prefix(40).joined(separator: "\n"))
    }

    /// Every entry in the catalogue, including ones no field test reaches, filled with plain values.
    func testEveryCatalogueEntryMeetsTheGate() {
        let catalogue = Shared.kit.catalogue
        let values = ["place": "Case study 2, outcomes", "parent": "Case study 2", "field": "outcomes", "value": "yes",
                      "file": "my-submission.xml", "line": "12", "column": "4", "found": "yes", "limit": "512",
                      "size": "12 MB", "format": "JSON", "opened": "title", "closed": "titel", "name": "nbsp",
                      "expected": "1.0", "count": "4", "max": "3", "min": "1", "item": "case study", "choices": "'SAME' or 'SIMILAR'",
                      "example": "2024-03-31", "suggestion": "legalName", "suggestionLabel": "legal name", "after": "legalName"]
        XCTAssertGreaterThan(catalogue.messages.count, 80)
        for (key, _) in catalogue.messages.sorted(by: { $0.key < $1.key }) {
            let message = catalogue.render(key, values)
            XCTAssertEqual(PlainLanguage.check(message: message).problems, [], "\(key): \(message)")
            XCTAssertFalse(message.contains("{") && !message.contains("'{'"), "\(key): a placeholder is not filled: \(message)")
        }
    }

    func testNoMessageFallsBackOrLeavesAPlaceholder() {
        let fallback = Shared.kit.catalogue.template("fallback") ?? "?"
        for (place, message) in renderedMessages() {
            XCTAssertFalse(message.contains("{") && message.contains("}") && !message.contains("'{'"),
                           "\(place): placeholder left in: \(message)")
            XCTAssertFalse(message.hasSuffix(String(fallback.suffix(20))), "\(place) has no message of its own")
            XCTAssertFalse(message.contains("''"), "\(place): an empty value in: \(message)")
        }
    }

    func testCatalogueFallsBackToEnglishNeverToAKey() {
        let catalogue = MessageCatalogue(language: "cy", messages: ["input.empty": "Mae'r ffeil yn wag."],
                                         english: Shared.kit.catalogue.messages)
        XCTAssertEqual(catalogue.render("input.empty", [:]), "Mae'r ffeil yn wag.")
        XCTAssertEqual(catalogue.render("schema.missing", ["parent": "Applicant", "field": "legal name"]),
                       "Applicant: enter the legal name.")
        XCTAssertFalse(catalogue.render("no.such.key", ["place": "Applicant"]).contains("no.such.key"))
    }

    func testMessagesNameTheFieldByItsLabel() {
        let report = Shared.checker.check(file: Repo.url("examples/invalid/03-charity-number-wrong-format.xml"))
        let message = try? XCTUnwrap(report.findings.first?.message)
        XCTAssertEqual(message, "Applicant, charity number: '12345' is not in the right form. "
                       + "Write it as 6 or 7 digits, like 1090095.")
    }
}
