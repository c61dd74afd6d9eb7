public import Foundation

/// The assumptions the rules rest on (A1–A8) and the officials' choices of severity. None of
/// this is published Ministry of Justice policy; every value can be changed in
/// guidance/assumptions.yaml or a file given with --config.
public struct Configuration: Encodable, Sendable {
    public var caseStudiesPerCategoryMinimum = 1
    public var caseStudiesPerCategoryMaximum = 3
    public var caseStudyRecencyMonths = 36
    public var wordLimits: [String: Int] = [
        "serviceDescriptor": 500, "narrative": 1000, "noExampleExplanation": 500, "similarityExplanation": 200,
        "outcomes": 300, "role": 150, "noRegistrationReason": 200, "cohortDescription": 200,
    ]
    public var unqualifiedSubcontractorsNeedNotQualify = true
    public var refereesMustBeIndependent = true
    /// When set, every organisation's size is tested on this basis instead of the one it chose.
    public var sizeBasis: String?
    public var euroPerPound: Decimal = 1.17
    public var accountsMaximumAgeMonths = 24
    public var keySubcontractorSharePercent: Decimal = 10
    public var severities: [String: Severity] = [:]

    public init() {}

    public static func load(_ url: URL) throws -> Configuration {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ConfigurationReader(file: url.lastPathComponent).read(text)
    }

    public func severity(of rule: Rule) -> Severity { severities[rule.id] ?? rule.severity }
}
