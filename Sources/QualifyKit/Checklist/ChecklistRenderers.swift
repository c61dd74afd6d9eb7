/// The checklist as Markdown (to print or paste), HTML (one accessible page) or CSV.
public enum ChecklistRenderer {
    public static func markdown(_ list: Checklist) -> String {
        var out = "# Reviewer checklist\n\n| | |\n|---|---|\n"
        for fact in list.summary { out += "| \(fact.label) | \(cell(fact.value)) |\n" }
        if !list.formFindings.isEmpty {
            out += "\n## Problems with the form itself\n\n"
            for finding in list.formFindings { out += "- \(finding.severity.title): \(finding.message)\n" }
        }
        out += "\n## Automated checks\n\n| Result | What it looks for | Rule | Notes |\n|---|---|---|---|\n"
        for item in list.automated {
            out += "| \(item.result.mark) \(item.result.words) | \(cell(item.title)) | `\(item.rule)` | \(cell(item.notes.joined(separator: " "))) |\n"
        }
        out += "\n## For the reviewer to judge\n"
        for section in list.sections {
            out += "\n### \(section.title)\n"
            for question in section.questions {
                out += "\n#### \(question.subject)\n\n\(question.question)\n\n"
                for fact in question.facts {
                    out += "- \(fact.label): \(fact.link.map { "[\(fact.value)](\($0))" } ?? fact.value)\n"
                }
                out += "\nAnswer: [ ] Yes   [ ] No   [ ] Ask\n\nNotes:\n\n"
            }
        }
        out += "\n## Decision\n\n" + Checklist.decisions.map { "- [ ] \($0)\n" }.joined()
        return out + "\nReasons:\n\nReviewer:                    Date:\n"
    }

    public static func html(_ list: Checklist) -> String {
        var body = "<h1>Reviewer checklist</h1><table><caption>The submission</caption><tbody>"
        for fact in list.summary { body += "<tr><th scope=\"row\">\(e(fact.label))</th><td>\(e(fact.value))</td></tr>" }
        body += "</tbody></table>"
        if !list.formFindings.isEmpty {
            body += "<h2>Problems with the form itself</h2><ul>" + list.formFindings.map { "<li>\(e($0.severity.title)): \(e($0.message))</li>" }.joined() + "</ul>"
        }
        body += "<h2>Automated checks</h2><table><thead><tr><th scope=\"col\">Result</th><th scope=\"col\">What it looks for</th><th scope=\"col\">Rule</th><th scope=\"col\">Notes</th></tr></thead><tbody>"
        for item in list.automated {
            body += "<tr><td>\(item.result.mark) \(item.result.words)</td><td>\(e(item.title))</td><td><code>\(e(item.rule))</code></td><td>\(e(item.notes.joined(separator: " ")))</td></tr>"
        }
        body += "</tbody></table><h2>For the reviewer to judge</h2>"
        var number = 0
        for section in list.sections {
            body += "<h3>\(e(section.title))</h3>"
            for question in section.questions {
                number += 1
                body += "<fieldset><legend>\(e(question.subject))</legend><p>\(e(question.question))</p><dl>"
                for fact in question.facts {
                    let value = fact.link.map { "<a href=\"\(e($0))\">\(e(fact.value))</a>" } ?? e(fact.value)
                    body += "<dt>\(e(fact.label))</dt><dd>\(value)</dd>"
                }
                body += "</dl>" + ["Yes", "No", "Ask"].map { "<label><input type=\"radio\" name=\"q\(number)\"> \($0)</label> " }.joined()
                body += "<p><label for=\"n\(number)\">Notes</label><br><textarea id=\"n\(number)\" rows=\"3\" cols=\"60\"></textarea></p></fieldset>"
            }
        }
        body += "<h2>Decision</h2><fieldset><legend>Decision</legend>"
            + Checklist.decisions.map { "<label><input type=\"radio\" name=\"decision\"> \($0)</label><br>" }.joined()
            + "<p><label for=\"reasons\">Reasons</label><br><textarea id=\"reasons\" rows=\"4\" cols=\"60\"></textarea></p></fieldset>"
        return HTMLPage.page(title: "Reviewer checklist", body: body)
    }

    public static func csv(_ list: Checklist) -> String {
        var rows = [["part", "subject", "item", "value", "link"]]
        for fact in list.summary { rows.append(["submission", "", fact.label, fact.value, ""]) }
        for finding in list.formFindings { rows.append(["form", finding.place ?? finding.section, finding.severity.rawValue, finding.message, ""]) }
        for item in list.automated { rows.append(["automated", item.rule, item.title, item.result.rawValue, item.notes.joined(separator: " ")]) }
        for section in list.sections {
            for question in section.questions {
                rows.append([section.title, question.subject, "question", question.question, ""])
                for fact in question.facts { rows.append([section.title, question.subject, fact.label, fact.value, fact.link ?? ""]) }
            }
        }
        return rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ text: String) -> String { MarkdownReport.escape(text) }
    static func e(_ text: String) -> String { HTMLPage.escape(text) }
}
