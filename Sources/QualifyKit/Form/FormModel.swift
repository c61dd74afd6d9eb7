public import Foundation
import QualifyXML

/// The submission form as the published XSD describes it: every field with its label, hint,
/// how often it may appear and what its values may be. Read from the schema's own annotations,
/// so that the schema stays the one place where a field is defined.
public struct FormModel: Sendable {
    public let namespace: String
    public let rootName: String
    public let rootLabel: String
    /// The form versions this model accepts in the root's `schemaVersion`.
    public let versions: [String]
    public let rootType: String
    public let types: [String: FormType]
    /// Places already put into words, for findings at the same place in the next file.
    let placeWords = PlaceWords()
    /// How the XML mapping walks the types, worked out on first use.
    let mappingPlans = MappingPlans()
    /// The patterns and maximum lengths the quick schema leaves to the mapping.
    let quickFacets = QuickFacets()
    /// Each top-level section's place in the form, by its label ("Whole file" first), for
    /// sorting findings; made on first use.
    var sectionOrder: [String: Int] {
        sectionOrders.value {
            var order: [String: Int] = ["Whole file": -1]
            if case .complex(let root)? = type(named: rootType) {
                for (index, field) in root.fields.enumerated() { order[field.label] = index }
            }
            return order
        }
    }
    private let sectionOrders = MadeOnce<[String: Int]>()

    public func type(named name: String) -> FormType? {
        types[name] ?? Self.builtins[name] ?? SimpleType.builtin(name).map(FormType.simple)
    }

    /// XSD's own types by every name the schema may use, made once rather than on each lookup.
    private static let builtins: [String: FormType] = Dictionary(uniqueKeysWithValues:
        ["string", "decimal", "integer", "nonNegativeInteger", "date", "dateTime", "boolean", "anyURI"].flatMap { local in
            ["", "xs:", "xsd:"].map { ($0 + local, FormType.simple(SimpleType.builtin($0 + local)!)) }
        })
}

public struct FieldDecl: Sendable {
    public let name: String
    public let typeName: String
    public let minOccurs: Int
    /// nil means no upper limit.
    public let maxOccurs: Int?
    public let label: String
    public let hint: String
    /// Left out when naming a place in the form, because the label adds nothing there.
    public let omitFromPlace: Bool

    public var isRequired: Bool { minOccurs > 0 }
}

public enum FormType: Sendable {
    /// A section: fields in a fixed order.
    case complex(ComplexType)
    /// A list of repeated items with one name.
    case list(ListType)
    case simple(SimpleType)
}

public struct ComplexType: Sendable {
    public let name: String
    public let fields: [FieldDecl]
    /// Each field's place in `fields`; sections are looked up for every element of every file.
    private let positions: [String: Int]

    public init(name: String, fields: [FieldDecl]) {
        self.name = name
        self.fields = fields
        positions = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func field(_ name: String) -> FieldDecl? { positions[name].map { fields[$0] } }
    public func order(of name: String) -> Int? { positions[name] }
}

public struct ListType: Sendable {
    public let name: String
    public let item: FieldDecl
}

public struct SimpleType: Sendable {
    public enum Base: String, Sendable {
        case string, decimal, integer, nonNegativeInteger, date, dateTime, boolean, anyURI
    }

    public struct Choice: Sendable {
        public let value: String
        public let label: String
        /// Further facts from the choice's annotations, such as a police area's region.
        public var facts: [String: String] = [:]
    }

    public let name: String
    public let base: Base
    public var choices: [Choice] = []
    public var patterns: [XSDPattern] = []
    public var minLength: Int?
    public var maxLength: Int?
    public var minInclusive: Decimal?
    public var maxInclusive: Decimal?
    public var fractionDigits: Int?
    /// How to write a value, in words ("6 or 7 digits, like 1090095").
    public var format: String?

    public var isText: Bool { base == .string || base == .anyURI }

    /// Carries the schema's not-blank pattern.
    var mustNotBeBlank: Bool { patterns.contains { $0.source == XSDRegex.notBlankPattern } }

    static func builtin(_ name: String) -> SimpleType? {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        guard let base = Base(rawValue: local) else { return nil }
        return SimpleType(name: name, base: base)
    }
}

/// An XSD pattern compiled for the same whole-value match that XSD makes, by libxml2's own
/// regular expressions (ICU's differ on `\s`, `\d` and more, and were slower).
public struct XSDPattern: Sendable {
    public let source: String
    let regex: XSDRegex

    init?(_ source: String) {
        guard let regex = XSDRegex(source) else { return nil }
        self.source = source
        self.regex = regex
    }

    public func matches(_ value: String) -> Bool { regex.matches(value) }
}
