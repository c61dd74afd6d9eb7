import Foundation
import QualifyDocument

/// A read-only view of a submission for rules: typed values that are nil when a field is
/// missing or not in the right form, so a rule never guesses. Made once for each document; the
/// fields it hands out carry their own node, path and position.
struct Submission {
    let root: Field
    let model: FormModel
    /// Every value a rule reads, so that a rule whose input has a problem of its own is held
    /// back instead of reporting a consequence of that problem.
    let reads: ReadLog
    /// Shared by every rule run over one document, so organisations are found once.
    private let cache = OrganisationCache()

    /// `logsReads`: whether the reads are kept. A document with no problem the rules could
    /// stumble on (most of them) has no rule to hold back, so nothing need be kept.
    init(root: Node, model: FormModel, logsReads: Bool = true) {
        self.root = Field(root: root)
        self.model = model
        self.reads = ReadLog(enabled: logsReads, root: root)
    }

    /// The label of a choice ("Accommodation" for ACCOMMODATION), for messages.
    func label(_ code: String, in typeName: String) -> String {
        guard case .simple(let simple)? = model.type(named: typeName) else { return code }
        return simple.choices.first { $0.value == code }?.label ?? code
    }

    func categoryLabel(_ code: String) -> String { label(code, in: "CategoryCodeType") }

    /// A fact the schema records about a choice, such as the region of a police area.
    func fact(_ name: String, of code: String, in typeName: String) -> String? {
        guard case .simple(let simple)? = model.type(named: typeName) else { return nil }
        return simple.choices.first { $0.value == code }?.facts[name]
    }

    /// One of the fixed places rules start from ("/caseStudies"); everything below it is reached
    /// by stepping down from the field.
    func field(_ place: some FieldPlace) -> Field { place.field(from: root) }

    func node(_ place: some FieldPlace) -> Node? { field(place).node }

    func text(_ place: some FieldPlace) -> String? {
        let field = field(place)
        reads.note(field)
        return field.text
    }

    func bool(_ place: some FieldPlace) -> Bool? {
        let field = field(place)
        reads.note(field)
        return field.bool
    }

    func decimal(_ place: some FieldPlace) -> Decimal? {
        let field = field(place)
        reads.note(field)
        guard case .number(let text)? = field.node?.value else { return nil }
        return Self.decimal(text)
    }

    /// Foundation's reading of a number, made directly for the plain ones (`-` then up to 18
    /// digits with at most one point), which are nearly all: its parser was a thirtieth of a check.
    static func decimal(_ text: String) -> Decimal? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var significand: UInt64 = 0, digits = 0, fraction = 0, point = false
        for byte in bytes {
            if byte == UInt8(ascii: "."), !point, digits > 0 {
                point = true
            } else if byte >= 0x30, byte <= 0x39, digits < 18 {
                significand = significand * 10 + UInt64(byte - 0x30)
                digits += 1
                if point { fraction += 1 }
            } else {
                return Decimal(string: text)
            }
        }
        guard digits > 0, !point || fraction > 0 else { return Decimal(string: text) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(significand))
    }

    func day(_ place: some FieldPlace) -> Day? { text(place).flatMap(Day.init) }

    /// The items of the list at a place; none when it is absent.
    func items(_ place: some FieldPlace) -> [Field] { field(place).items }

    func texts(_ place: some FieldPlace) -> [String] { items(place).compactMap { text($0) } }

    var submitted: Day? { day(Paths.submittedAt) }

    enum Role: String { case applicant, member, subcontractor }

    struct Organisation {
        let path: Field
        let role: Role
        let ref: String?
        let name: String
    }

    /// Worked out once for each document; rules look organisations up many times. A rule that
    /// uses the cached list still logs the reads behind it, so it is held back like any other.
    var organisations: [Organisation] {
        if let known = cache.organisations {
            if !reads.hasOrganisations { reads += cache.reads }
            reads.hasOrganisations = true
            return known
        }
        let start = reads.paths.count
        let found = findOrganisations()
        cache.organisations = found
        cache.reads = Array(reads.paths[start...])
        reads.hasOrganisations = true
        return found
    }

    private func findOrganisations() -> [Organisation] {
        var result: [Organisation] = []
        func add(_ field: Field, _ role: Role) {
            guard field.node?.members != nil else { return }
            let ref = text(field / "ref")
            result.append(Organisation(path: field, role: role, ref: ref, name: text(field / "legalName") ?? ref ?? "an organisation"))
        }
        add(field(Paths.applicant), .applicant)
        for member in items(Paths.consortiumMembers) { add(member / "organisation", .member) }
        for sub in items(Paths.subcontractors) { add(sub / "organisation", .subcontractor) }
        return result
    }

    func organisation(ref: String) -> Organisation? { organisations.first { $0.ref == ref } }

    var applicantRef: String? { text(Paths.applicantRef) }

    var appliedCategories: [String] { items(Paths.serviceCategories).compactMap { text($0 / "category") } }

    var deliveryModel: String? { text(Paths.deliveryModel) }
}

/// The fixed places rules start from, read once rather than each time a rule runs.
enum Paths {
    static let submittedAt = DocumentPath("/submittedAt")
    static let deliveryModel = DocumentPath("/deliveryModel")
    static let applicant = DocumentPath("/applicant")
    static let applicantRef = DocumentPath("/applicant/ref")
    static let consortiumMembers = DocumentPath("/consortium/members")
    static let subcontractors = DocumentPath("/subcontractors")
    static let serviceCategories = DocumentPath("/serviceCategories")
    static let noExampleExplanation = DocumentPath("/noExampleExplanation")
    static let exclusionDeclarations = DocumentPath("/exclusionDeclarations")
}

/// Where a rule reads: a field it already holds, or one of the fixed places it starts from.
protocol FieldPlace {
    func field(from root: Field) -> Field
}

extension Field: FieldPlace {
    func field(from root: Field) -> Field { self }
}

extension DocumentPath: FieldPlace {
    func field(from root: Field) -> Field { root.at(self) }
}

final class ReadLog {
    let enabled: Bool
    /// The document the fields come from, which their paths are read back in.
    private let root: Node
    private(set) var paths: [DocumentPath] = []
    /// Whether the reads behind the organisations are in `paths` already.
    var hasOrganisations = false

    init(enabled: Bool, root: Node) {
        self.enabled = enabled
        self.root = root
    }

    func note(_ field: Field) {
        if enabled { paths.append(field.path(in: root)) }
    }

    static func += (log: ReadLog, more: [DocumentPath]) {
        if log.enabled { log.paths += more }
    }

    /// Ready for the next rule.
    func clear() {
        paths.removeAll(keepingCapacity: true)
        hasOrganisations = false
    }
}

final class OrganisationCache {
    var organisations: [Submission.Organisation]?
    var reads: [DocumentPath] = []
}
