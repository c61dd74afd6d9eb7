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
                          ("properties", object([("guidanceVersion", string(batch.provenance.guidanceVersion)),
                                                 ("rulesHash", string(batch.provenance.rulesHash)),
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
