import Foundation
import Hummingbird
import QualifyKit

/// The pages, as plain HTML that works without JavaScript. Everything a person sent is escaped.
enum Pages {
    static func e(_ text: String) -> String { HTMLPage.escape(text) }

    static func layout(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) – Qualify</title>
        <link rel="stylesheet" href="/assets/style.css">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header><p class="service"><a href="/">Check a qualification submission</a></p><nav aria-label="Site"><a href="/guidance">Guidance</a></nav></header>
        <main id="main">
        \(body)
        </main>
        <footer><p>Qualify \(QualifyVersion.tool). Nothing you check here is kept or logged.</p></footer>
        </body>
        </html>

        """
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func home(maxUploadBytes: Int) -> String {
        layout(title: "Check your submission", body: """
            <h1>Check your qualification submission</h1>
            <p class="lead">Find out what to fix before you send your submission for the Probation Services Dynamic Framework.</p>
            <p>You can check an XML or JSON file. Nothing you send is kept: the check happens, you see the result, and it is gone.</p>
            <form method="post" action="/check" enctype="multipart/form-data">
            <div class="field">
            <label for="file">Choose your submission file</label>
            <p class="hint" id="file-hint">An XML or JSON file, up to \(maxUploadBytes / 1_048_576) MB.</p>
            <input type="file" id="file" name="file" accept=".xml,.json,application/xml,application/json" aria-describedby="file-hint">
            </div>
            <div class="field">
            <label for="text">Or paste the text of your submission</label>
            <textarea id="text" name="text" rows="8" spellcheck="false"></textarea>
            </div>
            <button type="submit">Check my submission</button>
            </form>
            <h2>Starting a new submission?</h2>
            <p>Download a starter file. Every field is in it, with a note saying what to write.</p>
            <ul><li><a href="/starter.xml" download>Starter file (XML)</a></li><li><a href="/starter.json" download>Starter file (JSON)</a></li></ul>
            <h2>Help</h2>
            <ul><li><a href="/guidance/topic.getting-ready">Getting your submission ready</a></li>
            <li><a href="/guidance/topic.case-studies">What case studies are for</a></li>
            <li><a href="/guidance/topic.supply-chains">Small organisations in a supply chain</a></li>
            <li><a href="/guidance/topic.consortia">Consortia and partners</a></li></ul>
            """)
    }

    static func result(_ report: Report, submission: [UInt8], name: String) -> String {
        var body = "<p><a href=\"/\" class=\"back\">Check another file</a></p><h1>Result for \(e(name))</h1>"
        let blocking = report.findings.enumerated().filter { $0.element.severity.blocks }
        if !blocking.isEmpty {
            body += "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">"
                + "<h2 id=\"error-summary-title\">There is a problem</h2><ul>"
                + blocking.map { "<li><a href=\"#finding-\($0.offset)\">\(e($0.element.message))</a></li>" }.joined() + "</ul></div>"
        }
        body += "<p class=\"outcome \(BatchReport.triage(report).rawValue)\">\(e(headline(report)))</p>"
        var section: String?
        for (index, finding) in report.findings.enumerated() {
            if finding.section != section {
                if section != nil { body += "</div>" }
                section = finding.section
                body += "<div class=\"section\"><h2>\(e(finding.section))</h2>"
            }
            body += "<div class=\"finding \(finding.severity.rawValue)\" id=\"finding-\(index)\"><p class=\"severity\">\(e(finding.severity.title))</p>"
                + "<p>\(e(finding.message))</p>"
            if let value = finding.value, !value.isEmpty { body += "<p class=\"wrote\">You wrote: <code>\(e(value))</code></p>" }
            body += "<p class=\"meta\">\(e(details(finding))) · <a href=\"/guidance/\(e(finding.id))\">How to fix this</a></p></div>"
        }
        if section != nil { body += "</div>" }
        body += downloads(submission: submission, name: name)
        return layout(title: report.findings.contains { $0.severity.blocks } ? "There is a problem" : "Check result", body: body)
    }

    static func headline(_ report: Report) -> String {
        switch BatchReport.triage(report) {
        case .ready: return "Nothing here stops your submission. Read any notes below before you send it."
        case .needsReview: return "Nothing here stops your submission, but officials will ask about the points below."
        case .needsFixes: return "Fix the points marked 'Must fix before you submit', then check again."
        case .notChecked: return "This file could not be checked. The reason is below."
        }
    }

    static func details(_ finding: Finding) -> String {
        var parts: [String] = []
        if let place = finding.place { parts.append(place) }
        if let line = finding.line { parts.append("line \(line)") }
        return parts.joined(separator: " · ")
    }

    /// Downloads send the submission back with the form, so nothing has to be kept on the server.
    static func downloads(submission: [UInt8], name: String) -> String {
        let text = Data(submission).base64EncodedString()
        let choices = [("html", "Report (web page)"), ("json", "Report (JSON)"), ("csv", "Report (spreadsheet, CSV)"),
                       ("checklist", "Reviewer checklist (web page)")]
        var out = "<h2>Downloads</h2><ul class=\"downloads\">"
        for (format, label) in choices {
            out += "<li><form method=\"post\" action=\"/report\" enctype=\"multipart/form-data\">"
                + "<input type=\"hidden\" name=\"submission64\" value=\"\(text)\">"
                + "<input type=\"hidden\" name=\"name\" value=\"\(e(name))\"><input type=\"hidden\" name=\"format\" value=\"\(format)\">"
                + "<button type=\"submit\" class=\"secondary\">\(label)</button></form></li>"
        }
        return out + "</ul>"
    }

    static func guidance(_ page: GuidancePage, configuration: Configuration) -> String {
        let html = Booklet.markdown(page.body(for: configuration), demoteFrom: 0)
            .replacingOccurrences(of: "href=\"#page-", with: "href=\"/guidance/")
            .replacingOccurrences(of: "<h3>", with: "<h1>").replacingOccurrences(of: "</h3>", with: "</h1>")
            .replacingOccurrences(of: "<h4>", with: "<h2>").replacingOccurrences(of: "</h4>", with: "</h2>")
            .replacingOccurrences(of: "<h5>", with: "<h3>").replacingOccurrences(of: "</h5>", with: "</h3>")
        return layout(title: page.title, body: "<p><a href=\"/guidance\" class=\"back\">All guidance</a></p>\(html)")
    }
}
