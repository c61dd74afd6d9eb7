/// Which keywords a schema resource understands: the draft it is written in and, from 2019-09
/// on, the vocabularies its meta-schema turns on.
struct Dialect: Hashable, Sendable {
    enum Family: Hashable, Sendable {
        case draft7
        case draft201909
        case draft202012
    }

    var family: Family
    var applicator = true
    var validation = true
    var unevaluated = true
    var formatAssertion = false

    static let draft7 = Dialect(family: .draft7, unevaluated: false)
    static let draft201909 = Dialect(family: .draft201909)
    static let draft202012 = Dialect(family: .draft202012)

    init(family: Family, applicator: Bool = true, validation: Bool = true, unevaluated: Bool = true, formatAssertion: Bool = false) {
        self.family = family
        self.applicator = applicator
        self.validation = validation
        self.unevaluated = unevaluated
        self.formatAssertion = formatAssertion
    }

    init(_ draft: Draft) {
        self = draft == .draft7 ? .draft7 : .draft202012
    }

    /// The dialect a well-known meta-schema URI names, or nil for any other URI.
    static func standard(_ uri: String) -> Dialect? {
        var key = uri
        if key.hasSuffix("#") { key.removeLast() }
        if key.hasPrefix("https://") { key.removeFirst(8) } else if key.hasPrefix("http://") { key.removeFirst(7) }
        switch key {
        case "json-schema.org/draft/2020-12/schema", "json-schema.org/schema": return .draft202012
        case "json-schema.org/draft/2019-09/schema": return .draft201909
        case "json-schema.org/draft-07/schema", "json-schema.org/draft-06/schema", "json-schema.org/draft-04/schema":
            return .draft7
        default: return nil
        }
    }

    /// Applies a meta-schema's `$vocabulary`: only the listed vocabularies stay on. An unknown
    /// vocabulary that is required makes the schema unusable; an optional one is ignored.
    func applying(vocabulary: [(uri: String, required: Bool)]) throws(VocabularyError) -> Dialect {
        var result = Dialect(family: family, applicator: false, validation: false, unevaluated: false, formatAssertion: false)
        for (uri, required) in vocabulary {
            switch Self.vocabularyName(uri) {
            case "applicator": result.applicator = true
            case "validation": result.validation = true
            case "unevaluated": result.unevaluated = true
            case "format-assertion": result.formatAssertion = true
            case "core", "meta-data", "content", "format-annotation", "format": break
            default: if required { throw VocabularyError(uri: uri) }
            }
        }
        if family == .draft201909 && result.applicator { result.unevaluated = true }
        return result
    }

    private static func vocabularyName(_ uri: String) -> String? {
        for prefix in ["https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"]
        where uri.hasPrefix(prefix) {
            return String(uri.dropFirst(prefix.count))
        }
        return nil
    }

    /// Keywords whose value is one subschema.
    var singleSchemaKeywords: [String] {
        switch family {
        case .draft7:
            return ["additionalItems", "additionalProperties", "contains", "not", "if", "then", "else", "propertyNames", "items"]
        case .draft201909:
            return ["additionalItems", "additionalProperties", "contains", "not", "if", "then", "else", "propertyNames",
                    "items", "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        case .draft202012:
            return ["additionalProperties", "contains", "not", "if", "then", "else", "propertyNames", "items",
                    "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        }
    }

    /// Keywords whose value is an array of subschemas.
    var schemaArrayKeywords: [String] {
        switch family {
        case .draft7, .draft201909: return ["allOf", "anyOf", "oneOf", "items"]
        case .draft202012: return ["allOf", "anyOf", "oneOf", "prefixItems"]
        }
    }

    /// Keywords whose value maps names to subschemas; `dependencies` maps to schemas or arrays.
    var schemaMapKeywords: [String] {
        switch family {
        case .draft7: return ["properties", "patternProperties", "definitions", "dependencies"]
        case .draft201909, .draft202012:
            return ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]
        }
    }
}

struct VocabularyError: Error {
    var uri: String
}
