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
        self.reads = ReadLog(enabled: logsReads)
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
        return Decimal(string: text)
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
        /// The consortium member or subcontractor entry holding it; the applicant's own field.
        let entry: Field
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
        let start = reads.fields.count
        let found = findOrganisations()
        cache.organisations = found
        cache.reads = Array(reads.fields[start...])
        reads.hasOrganisations = true
        return found
    }

    private func findOrganisations() -> [Organisation] {
        var result: [Organisation] = []
        func add(_ field: Field, _ role: Role, entry: Field) {
            guard field.node?.members != nil else { return }
            let ref = text(field / "ref")
            result.append(Organisation(path: field, role: role, entry: entry, ref: ref,
                                       name: text(field / "legalName") ?? ref ?? "an organisation"))
        }
        let applicant = field(Paths.applicant)
        add(applicant, .applicant, entry: applicant)
        for member in items(Paths.consortiumMembers) { add(member / "organisation", .member, entry: member) }
        for sub in items(Paths.subcontractors) { add(sub / "organisation", .subcontractor, entry: sub) }
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

/// A calendar date without a time zone, which is all the rules need.
struct Day: Comparable, CustomStringConvertible {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        // Rules read dates many times a file, so this is a plain scan, not a regular expression.
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard bytes.count >= range.upperBound else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole months from this day to a later one (negative when the other is earlier).
    func months(until other: Day) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day { months -= 1 }
        return months
    }

    var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

enum Words {
    /// The number of runs of non-space characters. Case studies are long, and looking up each
    /// character's properties was a tenth of the time per file, so ASCII text (most of it) is
    /// counted byte by byte, and other text scalar by scalar; only the rare text where joining
    /// scalars into characters could change the count keeps the exact character rules.
    static func count(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte >= 0x80 { return countScalars(text) ?? text.split { $0.isWhitespace }.count }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// A character is white space when its first scalar is, so counting scalars agrees with
    /// counting characters unless a scalar joins a space to a neighbour: a combining mark, a
    /// joiner or a spacing mark after a space, or a "prepended" sign before one. Nil then.
    private static func countScalars(_ text: String) -> Int? {
        var count = 0
        var inWord = false
        var previous: UInt32 = 0x20
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let space = isSpace(value)
            if value >= 0x80, !space, isSpace(previous), joinsPrevious(scalar) { return nil }
            if space, !isControl(value), isPrepend(previous) { return nil }
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
            previous = value
        }
        return count
    }

    /// Unicode's White_Space property.
    private static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// Grapheme_Cluster_Break Extend (marks and emoji skin tones), ZWJ or SpacingMark.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || scalar.properties.isGraphemeExtend || scalar.properties.isEmojiModifier
            || scalar.properties.generalCategory == .spacingMark
    }

    /// Grapheme_Cluster_Break=Prepend (Unicode 15): these join the next character to themselves.
    private static func isPrepend(_ value: UInt32) -> Bool {
        switch value {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// The words joined by single spaces: every run of white space becomes one space, and none is
    /// left at either end. Byte by byte for ASCII, as in `count`; the form's hints go through
    /// this when the tool starts, and the character rules were a sixth of start-up.
    static func collapsed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.split { $0.isWhitespace }.joined(separator: " ") }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

final class ReadLog {
    let enabled: Bool
    private(set) var fields: [Field] = []
    /// Whether the reads behind the organisations are in `fields` already.
    var hasOrganisations = false

    init(enabled: Bool) { self.enabled = enabled }

    func note(_ field: Field) {
        if enabled { fields.append(field) }
    }

    static func += (log: ReadLog, more: [Field]) {
        if log.enabled { log.fields += more }
    }

    /// Ready for the next rule.
    func clear() {
        fields.removeAll(keepingCapacity: true)
        hasOrganisations = false
    }
}

final class OrganisationCache {
    var organisations: [Submission.Organisation]?
    var reads: [Field] = []
}
