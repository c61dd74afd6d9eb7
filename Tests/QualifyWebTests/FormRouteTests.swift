import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import QualifyKit
@testable import QualifyWeb

/// Each page of the guided form and each way a request to it can go wrong.
final class FormRouteTests: XCTestCase {
    func testABlankStartListsTheFormsSectionsInOrder() async throws {
        guard case .complex(let root)? = WebTests.kit.model.type(named: WebTests.kit.model.rootType) else { return XCTFail("no root") }
        // Each field of the form is a task, or a question on the page of the group that holds it.
        let plan = try FormPlan(model: WebTests.kit.model, settingsFile: WebTests.root.appendingPathComponent("guidance/form.yaml"))
        let labels = root.fields.map { field in plan.sections.first { $0.fields.contains { $0.name == field.name } }!.label }
            .reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        XCTAssertEqual(labels, plan.sections.map(\.label), "sections follow the form's order")
        try await WebTests.app().test(.router) { client in
            let page = try await FormBrowser.blank(client: client)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.cacheControl], "no-store")
            let html = page.html
            var from = html.startIndex
            for label in labels {
                guard let found = html.range(of: "<span class=\"task-name\">\(Markup.escape(label))</span>", range: from..<html.endIndex) else {
                    return XCTFail("\(label) missing or out of order")
                }
                from = found.upperBound
            }
            XCTAssertEqual(FormBrowser.status(of: "Applicant", in: html), "Not started")
            // A blank start is not a list of mistakes.
            XCTAssertTrue(html.contains("You have completed 0 of"), html)
            XCTAssertFalse(html.contains("to fix in all"), html)
            // Whether a consortium section is needed depends on an answer not yet given.
            XCTAssertEqual(FormBrowser.status(of: "Consortium", in: html), "Cannot start yet")
            let sole = try Array(Data(contentsOf: WebTests.root.appendingPathComponent("examples/valid/01-small-charity-alone.xml")))
            let uploaded = try await FormBrowser.upload(sole, name: "sole.xml", client: client)
            XCTAssertEqual(FormBrowser.status(of: "Consortium", in: uploaded.html), "Not needed")
            XCTAssertTrue(html.contains("anything you have not saved is lost"))
            XCTAssertTrue(html.contains("novalidate") && !html.contains(" required"))
        }
    }

    /// Save and continue: the error summary, each message beside its field, "Error: " in the
    /// title, and what was typed kept.
    func testSaveShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() async throws {
        try await WebTests.app().test(.router) { client in
            var page = try await FormBrowser.press("open:declaration", on: try await FormBrowser.blank(client: client), client: client)
            XCTAssertTrue(page.html.contains("<legend class=\"page-legend\"><h1>Declaration</h1></legend>"))
            XCTAssertFalse(page.html.contains("There is a problem"), "a section not started opens without errors")
            page = try await FormBrowser.press("save", on: page, changing: [
                ("/declaration/signatoryName", "Margaret Lowe"), ("/declaration/signedOn:day", "31"),
                ("/declaration/signedOn:month", "02"), ("/declaration/signedOn:year", "2026"),
                ("/declaration/confirmsTrueAndComplete", "true"),
            ], client: client)
            let html = page.html
            XCTAssertTrue(html.contains("<title>Error: Declaration – Qualify</title>"), html)
            XCTAssertTrue(html.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
            XCTAssertTrue(html.contains("href=\"#f-declaration-signedOn-day\""), "the summary links the day box")
            XCTAssertTrue(html.contains("href=\"#f-declaration-signatoryRole\""))
            XCTAssertTrue(html.contains("value=\"31\"") && html.contains("value=\"Margaret Lowe\""), "what was typed stays")
            XCTAssertTrue(html.contains("id=\"f-declaration-signedOn-day\" name=\"/declaration/signedOn:day\" type=\"text\" inputmode=\"numeric\" value=\"31\" aria-invalid=\"true\""))
            XCTAssertTrue(html.contains("aria-describedby=\"f-declaration-signedOn-hint f-declaration-signedOn-error\""))
            XCTAssertTrue(html.contains("href=\"/guidance/schema."), "each message links its guidance page")
            XCTAssertTrue(page.action.hasSuffix("/section/declaration"), "errors keep the person on the section")
            // The whole date typed in the day box is kept, and shown with its message.
            page = try await FormBrowser.press("save", on: page, changing: [("/declaration/signedOn:day", "31/03/2024"),
                ("/declaration/signedOn:month", ""), ("/declaration/signedOn:year", "")], client: client)
            XCTAssertTrue(page.html.contains("31/03/2024"), "the message shows what was written")
            XCTAssertTrue(page.html.contains("value=\"31\"") && page.html.contains("value=\"03\"") && page.html.contains("value=\"2024\""))
            // Fixed: the next section that applies opens.
            page = try await FormBrowser.press("save", on: page, changing: [("/declaration/signedOn:day", "16"), ("/declaration/signedOn:month", "2"),
                ("/declaration/signedOn:year", "2026"), ("/declaration/signatoryRole", "Chair"), ("/declaration/authorisedToCommit", "true")], client: client)
            XCTAssertTrue(page.html.contains("<h1>Check your answers</h1>"), "the last section leads to Check your answers")
            XCTAssertTrue(page.html.contains("16 / 02 / 2026"), "a day of 2 is written 02")
        }
    }

    func testMoneyAndWordLimitsAndChoicesFollowTheModel() async throws {
        let valid = try WebTests.example("valid/01-small-charity-alone.json")
        try await WebTests.app().test(.router) { client in
            var page = try await FormBrowser.press("open:applicant", on: try await FormBrowser.upload(valid, name: "a.json", client: client), client: client)
            XCTAssertTrue(page.html.contains("<span class=\"prefix\" aria-hidden=\"true\">£</span><input type=\"text\" id=\"f-applicant-size-annualTurnoverGBP\""))
            XCTAssertTrue(page.html.contains("type=\"checkbox\" id=\"f-applicant-classifications-"), "a repeated code list is checkboxes")
            XCTAssertTrue(page.html.contains("<select id=\"f-applicant-legalForm\""), "a long code list is a select")
            XCTAssertTrue(page.html.contains("type=\"radio\" id=\"f-applicant-size-isSmallOrganisation-0\" name=\"/applicant/size/isSmallOrganisation\" value=\"true\" checked"))
            page = try await FormBrowser.press("save", on: page, changing: [("/applicant/size/annualTurnoverGBP", "181,640")], client: client)
            XCTAssertTrue(page.html.contains("value=\"181,640\""), "a wrong number stays as typed")
            XCTAssertTrue(page.html.contains("<title>Error: Applicant"))
            page = try await FormBrowser.press("open:caseStudies", on: page, client: client)
            XCTAssertTrue(page.html.contains("Write 1,000 words or fewer."), "the word limit comes from the assumptions")
            XCTAssertTrue(page.html.contains("<h2 id=\"f-caseStudies-1-heading\" tabindex=\"-1\">Case study 2: Steady Ground: peer-led wellbeing groups for women in Hull</h2>"))
            XCTAssertTrue(page.html.contains(">Remove case study 2</button>"))
            XCTAssertTrue(page.html.contains("href=\"/guidance/case-studies\""), "the section links its topic")
            page = try await FormBrowser.press("add:/caseStudies", on: page, client: client)
            XCTAssertTrue(page.html.contains(">Case study 3</h2>") && page.html.contains(">Remove case study 3</button>"))
            page = try await FormBrowser.press("remove:/caseStudies/0", on: page, client: client)
            XCTAssertTrue(page.html.contains(">Case study 1: Steady Ground"), "the second became the first")
            XCTAssertFalse(page.html.contains(">Remove case study 3</button>"))
            let ids = page.html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
            XCTAssertEqual(ids.count, Set(ids).count, "ids are unique")
        }
    }

    func testCheckYourAnswersShowsEveryFindingWithAChangeButton() async throws {
        let broken = try WebTests.example("invalid/15-missing-referee-email.xml")
        let report = Checker(kit: WebTests.kit).check(bytes: broken, file: "x")
        try await WebTests.app().test(.router) { client in
            let page = try await FormBrowser.press("check-answers", on: try await FormBrowser.upload(broken, name: "x.xml", client: client), client: client)
            XCTAssertTrue(page.html.contains("<title>Error: Check your answers – Qualify</title>"))
            for finding in report.findings { XCTAssertTrue(page.html.contains(Markup.escape(finding.message)), finding.message) }
            XCTAssertTrue(page.html.contains("formaction=\"/form/check-answers#f-caseStudies-"))
            XCTAssertTrue(page.html.contains(">Change<span class=\"visually-hidden\">"))
            let download = try await FormBrowser.press("download:xml", on: page, client: client)
            XCTAssertEqual(Checker(kit: WebTests.kit).check(bytes: download.body, file: "x").findings.map(\.message), report.findings.map(\.message),
                           "the download gives what the page showed")
            let json = try await FormBrowser.press("download:json", on: page, client: client)
            XCTAssertEqual(Checker(kit: WebTests.kit).check(bytes: json.body, file: "x").findings.map(\.id), report.findings.map(\.id))
            let checklist = try await FormBrowser.press("checklist", on: page, client: client)
            XCTAssertTrue(checklist.html.contains("Reviewer checklist"))
        }
    }

    func testEveryFailureIsAPlainPage() async throws {
        try await WebTests.app(maxUpload: 50_000).test(.router) { client in
            let blank = try await FormBrowser.blank(client: client)
            let noDraft = try await FormBrowser.send("/form/tasks", [("action", "tasks")], client: client)
            XCTAssertEqual(noDraft.status, .badRequest)
            XCTAssertTrue(noDraft.html.contains("Your answers did not come with the page"))
            let garbage = try await FormBrowser.send("/form/tasks", [("draft", Data("hello".utf8).base64EncodedString()), ("action", "tasks")], client: client)
            XCTAssertEqual(garbage.status, .unprocessableContent)
            XCTAssertTrue(garbage.html.contains("Your file cannot be read"))
            let big = try await FormBrowser.send("/form/tasks", [("draft", Data(repeating: 65, count: 60_000).base64EncodedString())], client: client)
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertTrue(big.html.contains("The file is too large"))
            let unknown = try await FormBrowser.send("/form/section/nothing", FormBrowser.fields(blank.html), client: client)
            XCTAssertEqual(unknown.status, .notFound)
            for action in ["remove:/applicant", "remove:/declaration/0", "add:/applicant/legalName", "add:/nowhere/9", "remove:", "open:nothing", "zzz"] {
                let page = try await FormBrowser.send("/form/section/applicant", FormBrowser.fields(blank.html) + [("action", action)], client: client)
                XCTAssertEqual(page.status, .ok, action)
            }
            try await client.execute(uri: "/form/tasks", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { response in
                XCTAssertEqual(response.status, .unsupportedMediaType)
            }
            try await client.execute(uri: "/check", method: .get) { response in
                XCTAssertEqual(response.status, .methodNotAllowed)
                XCTAssertEqual(response.headers[.allow], "POST")
                XCTAssertTrue(String(buffer: response.body).contains("<a href=\"/\">Go to the start page</a>"))
                WebTests.assertSecure(response)
            }
            try await client.execute(uri: "/", method: .head) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.body.readableBytes, 0)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
            }
        }
    }

    /// A draft is untrusted: any shape of JSON the checker can read opens, saves and downloads.
    func testOddlyShapedDraftsNeverBreakThePage() async throws {
        let odd = #"{"schemaVersion":"1.0","applicant":"a name","caseStudies":{"x":1},"geography":[1,2],"# + #""declaration":{"signedOn":5,"extra":{"a":[null]}},"serviceCategories":[{"category":null,"deliveredBy":"x"}]}"#
        try await WebTests.app().test(.router) { client in
            var page = try await FormBrowser.upload(Array(odd.utf8), name: "odd.json", client: client)
            XCTAssertEqual(page.status, .ok)
            for key in FormBrowser.openable(page.html) {
                page = try await FormBrowser.press("open:\(key)", on: page, client: client)
                XCTAssertEqual(page.status, .ok, key)
                page = try await FormBrowser.press("tasks", on: page, client: client)
                XCTAssertEqual(page.status, .ok, key)
            }
            let download = try await FormBrowser.press("download:xml", on: page, client: client)
            XCTAssertTrue([.ok, .unprocessableContent].contains(download.status))
        }
    }

    /// A date and time is asked as the date boxes and an hour and a minute, in UK time, never as
    /// 2026-02-17T14:05:00+00:00 typed by hand; what a file already had (seconds, zone) is kept.
    func testADateAndTimeIsAskedAsBoxes() async throws {
        try await WebTests.app().test(.router) { client in
            var page = try await FormBrowser.press("open:about", on: try await FormBrowser.blank(client: client), client: client)
            XCTAssertTrue(page.html.contains("name=\"/submittedAt:hour\"") && page.html.contains("name=\"/submittedAt:minute\""), page.html)
            XCTAssertTrue(page.html.contains("name=\"/submittedAt:day\""))
            page = try await FormBrowser.press("tasks", on: page, changing: [("/submittedAt:day", "17"), ("/submittedAt:month", "2"),
                ("/submittedAt:year", "2026"), ("/submittedAt:hour", "14"), ("/submittedAt:minute", "5")], client: client)
            XCTAssertEqual(FormBrowser.status(of: "About this submission", in: page.html), "In progress, 1 thing left to answer", page.html)
            page = try await FormBrowser.press("open:about", on: page, client: client)
            XCTAssertTrue(page.html.contains("name=\"/submittedAt:zone\" value=\"+00:00\""), "February is GMT")
            XCTAssertTrue(page.html.contains("value=\"14\"") && page.html.contains("value=\"05\""), page.html)
            // Summer time, and a time typed wrongly stays as typed with its message.
            page = try await FormBrowser.press("save", on: page, changing: [("/submittedAt:month", "7"), ("/submittedAt:zone", ""),
                ("/submittedAt:hour", "2pm")], client: client)
            XCTAssertTrue(page.html.contains("There is a problem"), page.html)
            XCTAssertTrue(page.html.contains("2026-07-17 2pm:05"), "what was typed is shown with its message")
        }
        XCTAssertEqual(DateTimeParts.ukOffset("2026-07-17"), "+01:00")
        XCTAssertEqual(DateTimeParts.join(date: "2026-07-17", hour: "9", minute: "", second: "", zone: ""), "2026-07-17T09:00:00+01:00")
        XCTAssertEqual(DateTimeParts.join(date: nil, hour: "", minute: "", second: "", zone: ""), nil)
    }

    /// Small questions about the submission itself (its reference, the framework, when it was
    /// sent) share one page, as guidance/form.yaml groups them, instead of a task each.
    func testSmallQuestionsAboutTheSubmissionShareOnePage() async throws {
        try await WebTests.app().test(.router) { client in
            let blank = try await FormBrowser.blank(client: client)
            XCTAssertEqual(FormBrowser.status(of: "About this submission", in: blank.html), "Not started", blank.html)
            XCTAssertNil(FormBrowser.status(of: "Submission reference", in: blank.html), "a grouped question is not a task of its own")
            XCTAssertNil(FormBrowser.status(of: "Date and time sent", in: blank.html))
            var page = try await FormBrowser.press("open:about", on: blank, client: client)
            XCTAssertTrue(page.html.contains("<h1>About this submission</h1>"), page.html)
            XCTAssertTrue(page.html.contains("name=\"/submissionId\"") && page.html.contains("name=\"/submittedAt:day\""))
            XCTAssertFalse(page.html.contains("<h1 class=\"label-heading\">"), "one heading a page: the questions are not headings")
            page = try await FormBrowser.press("save", on: page, changing: [("/submissionId", "HMPPS-DF-2026-00417"),
                ("/submittedAt:day", "17"), ("/submittedAt:month", "2"), ("/submittedAt:year", "2026"),
                ("/submittedAt:hour", "14"), ("/submittedAt:minute", "5")], client: client)
            XCTAssertTrue(page.action.hasSuffix("/section/applicant"), "saved, the next section opens: \(page.action)")
            page = try await FormBrowser.press("tasks", on: page, client: client)
            XCTAssertEqual(FormBrowser.status(of: "About this submission", in: page.html), "Completed", page.html)
        }
    }

    /// "Section 2 of 11" on a page counts what the task list counts: the sections that apply.
    func testASectionsNumberCountsWhatTheTaskListCounts() async throws {
        try await WebTests.app().test(.router) { client in
            let blank = try await FormBrowser.blank(client: client)
            guard let match = blank.html.firstMatch(of: /completed \d+ of (\d+) sections/) else { return XCTFail(blank.html) }
            let asked = Int(match.1)!
            let keys = FormBrowser.openable(blank.html)
            XCTAssertEqual(keys.count, asked)
            for (offset, key) in keys.enumerated() {
                let page = try await FormBrowser.press("open:\(key)", on: blank, client: client)
                XCTAssertTrue(page.html.contains("<p class=\"caption\">Section \(offset + 1) of \(asked)</p>"), key)
            }
        }
    }

    /// "Save and continue" on a required section left blank says what each question needs, as
    /// GOV.UK forms do, rather than that the whole section is missing from a file.
    func testSavingABlankSectionAsksForEachQuestion() async throws {
        try await WebTests.app().test(.router) { client in
            var page = try await FormBrowser.press("open:declaration", on: try await FormBrowser.blank(client: client), client: client)
            page = try await FormBrowser.press("save", on: page, client: client)
            XCTAssertTrue(page.action.hasSuffix("/section/declaration"), "the person stays on the section")
            XCTAssertFalse(page.html.contains("has no declaration section"), page.html)
            XCTAssertTrue(page.html.contains("href=\"#f-declaration-signatoryName\""), "the summary links each question")
            page = try await FormBrowser.press("open:about", on: page, client: client)
            page = try await FormBrowser.press("save", on: page, client: client)
            XCTAssertFalse(page.html.contains("has no submission reference section"), page.html)
            XCTAssertTrue(page.html.contains("href=\"#f-submissionId\""), page.html)
            // Going back to the task list without typing leaves a section not started.
            page = try await FormBrowser.press("open:applicant", on: page, client: client)
            page = try await FormBrowser.press("tasks", on: page, client: client)
            XCTAssertEqual(FormBrowser.status(of: "Applicant", in: page.html), "Not started")
        }
    }
}
