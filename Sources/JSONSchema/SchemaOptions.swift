public import QualifyDocument

/// The dialects a schema may be written in. A schema's own `$schema` wins over the default.
public enum Draft: String, Sendable, CaseIterable {
    case draft7
    case draft202012
}

public struct SchemaOptions: Sendable {
    /// Used when a schema has no (or an unknown) `$schema`.
    public var defaultDraft: Draft = .draft202012
    /// Makes `format` an assertion; by default it is only an annotation, as the spec says.
    public var assertFormats = false
    /// Other schema documents by URI, for `$ref` across documents. Nothing is ever fetched.
    public var remotes: [String: Node] = [:]

    public init(defaultDraft: Draft = .draft202012, assertFormats: Bool = false, remotes: [String: Node] = [:]) {
        self.defaultDraft = defaultDraft
        self.assertFormats = assertFormats
        self.remotes = remotes
    }
}

/// Why a schema could not be compiled.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A schema must be an object or a boolean.
        case notASchema
        /// A keyword's value has the wrong type or shape.
        case invalidKeyword(String)
        /// A `pattern` or `patternProperties` key is not a usable regular expression.
        case invalidPattern(String)
        /// A `$ref` or `$dynamicRef` leads to no known schema.
        case unresolvableReference(String)
        /// A meta-schema requires a vocabulary this validator does not know.
        case unknownRequiredVocabulary(String)
        /// Subschemas nest deeper than the validator follows.
        case tooDeep(limit: Int)
    }

    public var kind: Kind
    /// Where in the schema: an absolute URI with a JSON Pointer fragment.
    public var location: String

    public init(kind: Kind, location: String) {
        self.kind = kind
        self.location = location
    }

    public var description: String {
        switch kind {
        case .notASchema: return "\(location): a schema must be an object or a boolean"
        case .invalidKeyword(let keyword): return "\(location): invalid value for \(keyword)"
        case .invalidPattern(let pattern): return "\(location): invalid regular expression \(pattern)"
        case .unresolvableReference(let uri): return "\(location): cannot resolve reference \(uri)"
        case .unknownRequiredVocabulary(let uri): return "\(location): unknown required vocabulary \(uri)"
        case .tooDeep(let limit): return "\(location): subschemas nest deeper than \(limit) levels"
        }
    }
}
