import Foundation
import Ink

/// `qualify guidance build`: the whole guidance as one self-contained, printable HTML page for
/// advisory-group members: contents, topics, every rule with its examples and the finding each
/// failing example really produces, the finding pages, the field reference, the assumptions and
/// a coverage map.
public struct Booklet: Sendable {
    let kit: Kit
    let library: GuidanceLibrary
    let outcomes: [ExampleRunner.Outcome]
    let coverage: Coverage
    let readability: [String: PageReadability]

    public init(kit: Kit, library: GuidanceLibrary, outcomes: [ExampleRunner.Outcome], coverage: Coverage,
                readability: [String: PageReadability] = [:]) {
        self.kit = kit
        self.library = library
        self.outcomes = outcomes
        self.coverage = coverage
        self.readability = readability
    }

    public func html(stylesheet: String? = nil) -> String {
        let topics = Coverage.topics.compactMap(library.page)
        let rules = library.pages(of: .rule).sorted { ($0.topic ?? "", $0.id) < ($1.topic ?? "", $1.id) }
        let findings = library.pages(of: .finding)
        var body = "<h1>Qualify guidance</h1>\n<p class=\"lead\">Everything Qualify tells people, in one place: "
            + "what to do, why each check exists and what it finds. This booklet is made from the files in "
            + "<code>guidance/</code>; edit those and build it again.</p>\n"
            + "<p class=\"meta\">Guidance version \(Self.escape(kit.guidanceVersion)). Draft guidance: written for this checker, "
            + "not published by the Ministry of Justice or HMPPS.</p>\n"
        body += contents(topics: topics, rules: rules)
        body += section("topics", "Topics", topics.map(render).joined())
        body += section("rules", "Checks across the form (\(rules.count))", rules.map(rule).joined())
        body += section("findings", "Problems with the form itself (\(findings.count))", findings.map(render).joined())
        if let reference = library.page("reference.fields") { body += section("fields", "Field reference", render(reference)) }
        body += section("assumptions", "Assumptions", assumptions())
        body += section("coverage", "Coverage map", coverageMap())
        return HTMLPage.page(title: "Qualify guidance", body: body, stylesheet: stylesheet)
    }

    private func contents(topics: [GuidancePage], rules: [GuidancePage]) -> String {
        var out = "<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>"
        out += "<li><a href=\"#topics\">Topics</a><ol>" + topics.map { "<li>\(link($0))</li>" }.joined() + "</ol></li>"
        out += "<li><a href=\"#rules\">Checks across the form</a></li><li><a href=\"#findings\">Problems with the form itself</a></li>"
        out += "<li><a href=\"#fields\">Field reference</a></li><li><a href=\"#assumptions\">Assumptions</a></li>"
        out += "<li><a href=\"#coverage\">Coverage map</a></li></ol></nav>\n"
        return out
    }

    private func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\"><h2>\(Self.escape(title))</h2>\n\(content)</section>\n"
    }

    private func link(_ page: GuidancePage) -> String {
        "<a href=\"#\(Self.anchor(page.id))\">\(Self.escape(page.title))</a>"
    }

    private func render(_ page: GuidancePage) -> String {
        "<article id=\"\(Self.anchor(page.id))\">\(Self.markdown(page.body(for: kit.configuration), demoteFrom: 1))\(source(page))</article>\n"
    }

    /// Which file to edit: the first thing someone proposing a change needs.
    private func source(_ page: GuidancePage) -> String {
        let folder = page.file.deletingLastPathComponent().lastPathComponent
        return "<p class=\"meta\">This page is the file <code>guidance/\(Self.escape(folder))/\(Self.escape(page.file.lastPathComponent))</code>.</p>"
    }

    private func rule(_ page: GuidancePage) -> String {
        let listing = RuleListing.all(kit: kit).first { $0.id == page.id }
        var out = "<article id=\"\(Self.anchor(page.id))\"><p class=\"meta\"><code>\(page.id)</code> · "
            + Self.escape(listing?.severityTitle ?? "")
            + (page.assumption.map { " · <strong>rests on assumption \($0)</strong>" } ?? "") + "</p>\n"
        out += Self.markdown(page.body(for: kit.configuration), demoteFrom: 1) + source(page)
        out += "<h4>Examples</h4><ul class=\"examples\">"
        for outcome in outcomes where outcome.page == page.id {
            out += "<li><strong>\(Self.escape(outcome.example.title))</strong> (from example submission \(outcome.example.baseline)): "
            if outcome.example.passes {
                out += "no finding."
            } else {
                out += outcome.findings.map { "<q>\(Self.escape($0.message))</q>" }.joined(separator: " ")
            }
            if let failure = outcome.failure { out += " <span class=\"bad\">Does not behave as written: \(Self.escape(failure))</span>" }
            out += "</li>"
        }
        return out + "</ul></article>\n"
    }

    private func assumptions() -> String {
        let file = kit.root.appendingPathComponent(Kit.assumptionsFile)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return "<p>None of these is published Ministry of Justice policy. Officials can change each one in "
            + "<code>\(Kit.assumptionsFile)</code>. This is the file as it is now:</p><pre>\(Self.escape(text))</pre>"
    }

    private func coverageMap() -> String {
        var out = "<p>\(coverage.problems.isEmpty ? "Every check and every kind of finding has a page, and every example behaves as written." : "\(coverage.problems.count) \(coverage.problems.count == 1 ? "gap" : "gaps"):")</p>"
        if !coverage.problems.isEmpty { out += "<ul>" + coverage.problems.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>" }
        out += "<table><thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Kind</th><th scope=\"col\">Page</th>"
            + "<th scope=\"col\">Examples as written</th><th scope=\"col\">Reading ease</th><th scope=\"col\">Grade</th></tr></thead><tbody>"
        for row in coverage.rows {
            let score = readability[row.id]
            out += "<tr><td><code>\(row.id)</code></td><td>\(row.kind.rawValue)</td><td>\(row.hasPage ? "yes" : "<span class=\"bad\">missing</span>")</td>"
                + "<td>\(row.kind == .rule ? "\(row.examplesBehaving) of \(row.examples)" : "")</td>"
                + "<td>\(score.map { String(format: "%.0f", $0.readingEase) } ?? "")</td>"
                + "<td>\(score.map { String(format: "%.1f", $0.grade) } ?? "")</td></tr>"
        }
        return out + "</tbody></table>"
    }

    public static func markdown(_ text: String, demoteFrom level: Int) -> String {
        var html = MarkdownParser().html(from: text)
        for heading in stride(from: 5, through: 1, by: -1) {
            html = html.replacingOccurrences(of: "<h\(heading)>", with: "<h\(heading + 2)>")
                .replacingOccurrences(of: "</h\(heading)>", with: "</h\(heading + 2)>")
        }
        // Links between pages become links inside the booklet.
        return html.replacingOccurrences(of: "href=\"(\\.\\./|\\./)?(rules|topics|findings|reference)/([^\"#]+)\\.md\"",
                                         with: "href=\"#page-$3\"", options: .regularExpression)
    }

    static func anchor(_ id: String) -> String {
        "page-" + (id.hasPrefix("topic.") ? String(id.dropFirst(6)) : id.hasPrefix("reference.") ? String(id.dropFirst(10)) : id)
    }

    static func escape(_ text: String) -> String { HTMLPage.escape(text) }

    static func page(title: String, body: String) -> String { HTMLPage.page(title: title, body: body) }
}

/// Reading figures for one guidance page, shown in the coverage map.
public struct PageReadability: Sendable {
    public let readingEase: Double
    public let grade: Double

    public init(readingEase: Double, grade: Double) {
        self.readingEase = readingEase
        self.grade = grade
    }
}
