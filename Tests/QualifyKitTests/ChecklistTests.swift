import Foundation
import XCTest
@testable import QualifyKit

/// The checklist for each valid example shows the facts a reviewer needs, taken from it.
final class ChecklistTests: XCTestCase {
    func checklist(_ name: String) -> Checklist {
        let inspection = Shared.checker.inspect(file: Repo.url("examples/valid/\(name)"), name: name)
        return ChecklistBuilder(kit: Shared.kit).build(inspection)
    }

    func facts(_ list: Checklist, _ section: String) -> [String: String] {
        var result: [String: String] = [:]
        for question in list.sections.first(where: { $0.title.hasPrefix(section) })?.questions ?? [] {
            for fact in question.facts { result[question.subject + " / " + fact.label] = fact.value + (fact.link.map { " <\($0)>" } ?? "") }
        }
        return result
    }

    func testCaseStudyFactsAreTakenFromTheSubmission() {
        let list = checklist("01-small-charity-alone.xml")
        let studies = facts(list, "Case studies")
        let second = studies.keys.filter { $0.hasPrefix("Case study 2:") }
        XCTAssertTrue(second.contains { $0.hasSuffix("/ Why it is similar") }, "the explanation for a similar service is shown")
        XCTAssertEqual(studies.first { $0.key.hasPrefix("Case study 1:") && $0.key.hasSuffix("/ Dates") }?.value, "2022-04-01 to 2025-03-31")
        XCTAssertEqual(studies.first { $0.key.hasPrefix("Case study 2:") && $0.key.hasSuffix("/ Dates") }?.value, "From 2023-09-01, still going")
        for label in ["Categories", "Same or similar", "Words", "Customer", "Funding", "Referee", "Referee email", "Agreed to be contacted"] {
            XCTAssertTrue(studies.keys.contains { $0.hasPrefix("Case study 1:") && $0.hasSuffix("/ \(label)") }, label)
        }
        XCTAssertEqual(list.automated.count, RuleEngine.rules.count)
        XCTAssertTrue(list.automated.allSatisfy { $0.result == .passed })
    }

    func testOrganisationsCarryTheirRegisterLinks() {
        let organisations = facts(checklist("02-consortium-with-prospective-partner.xml"), "Organisations")
        XCTAssertEqual(organisations["Applicant: Pennine Pathways Trust / Company number"],
                       "05318846 (Companies House) <https://find-and-update.company-information.service.gov.uk/company/05318846>")
        XCTAssertTrue(organisations["Applicant: Pennine Pathways Trust / Charity number"]?.contains("charity-details/1109273") ?? false)
        XCTAssertTrue(organisations.keys.contains { $0.hasPrefix("Consortium member: Mersey Skills") })
    }

    func testConsortiumSupplyChainSizeAndExclusions() {
        let consortium = facts(checklist("02-consortium-with-prospective-partner.xml"), "Consortium")
        XCTAssertEqual(consortium.first { $0.key.hasSuffix("/ Lancashire Tenancy Support CIC") }?.value.hasPrefix("Not confirmed yet"), true, "\(consortium)")
        XCTAssertNotNil(consortium.first { $0.key.hasSuffix("/ Expected to form on") })
        let exclusions = facts(checklist("02-consortium-with-prospective-partner.xml"), "Exclusion")
        XCTAssertEqual(exclusions.first { $0.key.hasSuffix("/ A reason we may exclude") }?.value, "Yes")
        XCTAssertNotNil(exclusions.first { $0.key.hasSuffix("/ Steps taken since") })
        let chain = facts(checklist("03-prime-with-niche-supply-chain.xml"), "Supply chain")
        XCTAssertEqual(chain["Subcontractor: Sangat Recovery Circle / Share of the work"], "3%")
        XCTAssertEqual(chain["Subcontractor: Sangat Recovery Circle / Relied on to qualify"], "No")
        XCTAssertNotNil(chain["Subcontractor: Sangat Recovery Circle / Specialist service"])
        let size = facts(checklist("01-small-charity-alone.xml"), "Size")
        XCTAssertEqual(size["Eastgate Women's Centre / Size declared"], "Micro")
        XCTAssertTrue(size["Eastgate Women's Centre / Size from its figures"]?.hasPrefix("Micro under") ?? false)
    }

    func testRenderingsAndAChecklistForABrokenFile() {
        let list = checklist("04-national-provider.xml")
        XCTAssertTrue(ChecklistRenderer.markdown(list).contains("## Decision"))
        XCTAssertTrue(ChecklistRenderer.html(list).contains("<legend>Decision</legend>"))
        XCTAssertTrue(ChecklistRenderer.csv(list).hasPrefix("part,subject,item,value,link\r\n"))
        let broken = ChecklistBuilder(kit: Shared.kit).build(Shared.checker.inspect(bytes: [], file: "empty.xml"))
        XCTAssertEqual(broken.sections.count, 0)
        XCTAssertEqual(broken.formFindings.first?.id, "input.empty")
        XCTAssertTrue(broken.automated.allSatisfy { $0.result == .waiting })
    }
}
