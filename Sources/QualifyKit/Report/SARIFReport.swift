import Foundation
import QualifyDocument

/// SARIF 2.1.0, for code-scanning dashboards and other tools that read static-analysis results.
public enum SARIFReport {
    public static func render(_ batch: BatchReport, kit: Kit) -> String {
        let ids = Set(batch.reports.flatMap { $0.findings.map(\.id) }).sorted()
        let rules = ids.map { id -> Node in
            let title = kit.catalogue.template("rule.\(id).title") ?? id
            let severity = batch.reports.lazy.flatMap(\.findings).first { $0.id == id }?.severity ?? .mustFix
            return object([
                ("id", string(id)), ("name", string(id)),
                ("shortDescription", object([("text", string(title))])),
                ("helpUri", string(Finding(id: id, severity: severity, message: "", section: "", place: nil, path: "",
                                           line: nil, column: nil, value: nil).guidancePage)),
                ("defaultConfiguration", object([("level", string(level(severity)))])),
            ])
        }
        var results: [Node] = []
        for report in batch.reports {
            for finding in report.findings {
                var region: [(String, Node)] = []
                if let line = finding.line { region.append(("startLine", number(line))) }
                if let column = finding.column { region.append(("startColumn", number(column))) }
                var physical: [(String, Node)] = [("artifactLocation", object([("uri", string(uri(report.file)))]))]
                if !region.isEmpty { physical.append(("region", object(region))) }
                var location: [(String, Node)] = [("physicalLocation", object(physical))]
                if !finding.path.isEmpty {
                    location.append(("logicalLocations", Node(.array([object([
                        ("fullyQualifiedName", string(finding.path)), ("name", string(finding.place ?? finding.section)),
                    ])]))))
                }
                results.append(object([
                    ("ruleId", string(finding.id)), ("ruleIndex", number(ids.firstIndex(of: finding.id) ?? 0)),
                    ("level", string(level(finding.severity))), ("message", object([("text", string(finding.message))])),
                    ("locations", Node(.array([object(location)]))),
                ]))
            }
        }
        let driver = object([("name", string("qualify")), ("version", string(QualifyVersion.tool)),
                             ("semanticVersion", string(QualifyVersion.tool)), ("rules", Node(.array(rules)))])
        let run = object([("tool", object([("driver", driver)])), ("results", Node(.array(results))),
                          ("properties", object([("rulesHash", string(batch.provenance.rulesHash)),
                                                 ("configurationHash", string(batch.provenance.configurationHash))]))])
        return JSONWriter.write(object([("$schema", string("https://json.schemastore.org/sarif-2.1.0.json")),
                                        ("version", string("2.1.0")), ("runs", Node(.array([run])))]))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .mustFix: return "error"
        case .ask: return "warning"
        case .advice, .info: return "note"
        }
    }

    /// A relative URI reference for the file as it was named, so results stay portable.
    static func uri(_ file: String) -> String {
        file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
    }

    static func object(_ members: [(String, Node)]) -> Node { Node(.object(members.map { Member(key: $0.0, node: $0.1) })) }
    static func string(_ text: String) -> Node { Node(.string(text)) }
    static func number(_ value: Int) -> Node { Node(.number(String(value))) }
}

/// JUnit XML: one test suite per file, one test case per rule (and one for the form itself), so
/// CI dashboards show which checks a submission passed.
public enum JUnitReport {
    public static func render(_ batch: BatchReport) -> String {
        let ruleIDs = RuleEngine.rules.map(\.id)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = batch.reports.reduce(0) { total, report in total + cases(report, ruleIDs).filter { !$0.1.isEmpty }.count }
        let tests = batch.reports.count * (ruleIDs.count + 1)
        out += "<testsuites name=\"qualify\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for report in batch.reports {
            let entries = cases(report, ruleIDs)
            out += "  <testsuite name=\"\(escape(report.file))\" tests=\"\(entries.count)\" failures=\"\(entries.filter { !$0.1.isEmpty }.count)\">\n"
            for (name, findings) in entries {
                out += "    <testcase classname=\"\(escape(report.file))\" name=\"\(escape(name))\""
                guard let first = findings.first else {
                    out += "/>\n"
                    continue
                }
                out += ">\n      <failure message=\"\(escape(first.message))\" type=\"\(first.severity.rawValue)\">"
                out += escape(findings.map { "\($0.line.map { "line \($0): " } ?? "")\($0.message)" }.joined(separator: "\n"))
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The form check first (everything that is not a rule), then every rule in order.
    static func cases(_ report: Report, _ ruleIDs: [String]) -> [(String, [Finding])] {
        let form = report.findings.filter { !RuleEngine.ruleIDs.contains($0.id) && $0.severity <= .advice }
        return [("form", form)] + ruleIDs.map { id in (id, report.findings.filter { $0.id == id && $0.severity <= .advice }) }
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
