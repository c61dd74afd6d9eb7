import Foundation
import Hummingbird
import QualifyKit

/// What the page templates are given. The markup itself is in guidance/templates.
enum Pages {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    struct Home {
        var maxMegabytes: Int
    }

    /// One finding as the result page and the form show it: the one finding partial.
    struct FindingView {
        var id = "", severity = "", severityClass = "", message = "", value = "", details = "", guidanceID = ""
        var hasValue = false, hasDetails = false

        init(_ finding: Finding, index: Int) {
            id = "finding-\(index)"
            severity = finding.severity.title
            severityClass = finding.severity.rawValue
            message = finding.message
            value = finding.value ?? ""
            hasValue = !value.isEmpty
            details = Pages.details(finding)
            hasDetails = !details.isEmpty
            guidanceID = finding.id
        }
    }

    struct CouldNotRead {
        var title: String
        var text: String
        var findings: [FindingView]
    }

    struct Result {
        struct Section {
            var name: String
            var findings: [FindingView]
        }

        struct Download {
            var format: String
            var label: String
        }

        var name = "", headline = "", triage = "", submission64 = ""
        var hasBlocking = false
        var blocking: [FindingView] = []
        var sections: [Section] = []
        var downloads = [("html", "Report (web page)"), ("json", "Report (JSON)"), ("csv", "Report (spreadsheet, CSV)"),
                         ("checklist", "Reviewer checklist (web page)")].map { Download(format: $0.0, label: $0.1) }
    }

    /// Downloads send the submission back with the form, so nothing has to be kept on the server.
    static func result(_ report: Report, submission: [UInt8], name: String, catalogue: MessageCatalogue, templates: Templates) -> String {
        let views = report.findings.enumerated().map { FindingView($0.element, index: $0.offset) }
        var page = Result(name: name, headline: Headline.advice(report, catalogue: catalogue), triage: BatchReport.triage(report).rawValue,
                          submission64: Data(submission).base64EncodedString())
        page.blocking = zip(report.findings, views).filter { $0.0.severity.blocks }.map(\.1)
        page.hasBlocking = !page.blocking.isEmpty
        for (finding, view) in zip(report.findings, views) {
            if page.sections.last?.name == finding.section { page.sections[page.sections.count - 1].findings.append(view) } else {
                page.sections.append(.init(name: finding.section, findings: [view]))
            }
        }
        return templates.page("result", title: page.hasBlocking ? "There is a problem" : "Check result", page)
    }

    static func details(_ finding: Finding) -> String {
        var parts: [String] = []
        if let place = finding.place { parts.append(place) }
        if let line = finding.line { parts.append("line \(line)") }
        return parts.joined(separator: " · ")
    }

    struct Booklet {
        var html: String
    }

    /// The booklet's own page, inside the site's layout, so it has the same header and style.
    static func booklet(_ page: String, templates: Templates) -> String {
        let start = page.range(of: "<main>")?.upperBound ?? page.startIndex
        let end = page.range(of: "</main>", options: .backwards)?.lowerBound ?? page.endIndex
        return templates.page("booklet", title: "Guidance", Booklet(html: String(page[start..<end])))
    }

    static func guidance(_ page: GuidancePage, configuration: Configuration, templates: Templates) -> String {
        let html = QualifyKit.Booklet.markdown(page.body(for: configuration), demoteFrom: 0)
            .replacingOccurrences(of: "href=\"#page-", with: "href=\"/guidance/")
            .replacingOccurrences(of: "<h3>", with: "<h1>").replacingOccurrences(of: "</h3>", with: "</h1>")
            .replacingOccurrences(of: "<h4>", with: "<h2>").replacingOccurrences(of: "</h4>", with: "</h2>")
            .replacingOccurrences(of: "<h5>", with: "<h3>").replacingOccurrences(of: "</h5>", with: "</h3>")
        return templates.page("booklet", title: page.title, Booklet(html: "<p><a href=\"/guidance\" class=\"back\">All guidance</a></p>\(html)"))
    }
}
