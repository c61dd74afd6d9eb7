public import QualifyDocument

/// One reason an instance does not match its schema.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// The keyword that failed, such as "minimum" or "additionalProperties"; "false" for a
    /// `false` schema, and empty when evaluation was cut short (`tooDeep`).
    public var keyword: String
    /// Where in the instance. Errors about a member (required, additionalProperties) point at it.
    public var instancePath: DocumentPath
    /// A JSON Pointer into the schema along the keywords taken, `$ref` included.
    public var schemaPath: String
    /// The failing keyword's absolute URI with a JSON Pointer fragment, when the schema has a base URI.
    public var absoluteKeywordLocation: String?
    public var details: ErrorDetails
    /// Short technical English for developers; people-facing text is built from `details`.
    public var message: String

    public init(keyword: String, instancePath: DocumentPath, schemaPath: String, absoluteKeywordLocation: String?, details: ErrorDetails, message: String) {
        self.keyword = keyword
        self.instancePath = instancePath
        self.schemaPath = schemaPath
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.details = details
        self.message = message
    }

    public var description: String {
        "\(instancePath.description.isEmpty ? "/" : instancePath.description): \(message) [\(schemaPath)]"
    }
}

/// The facts of a failure. Values from the schema or instance are given as compact JSON text,
/// and numbers as written, so nothing is rounded.
public enum ErrorDetails: Sendable, Equatable {
    /// A `false` schema, which nothing matches.
    case falseSchema
    case type(expected: [String], actual: String)
    /// `enum`: the allowed values as JSON text.
    case enumeration(allowed: [String])
    /// `const`: the one allowed value as JSON text.
    case constant(expected: String)
    case multipleOf(divisor: String, actual: String)
    case minimum(limit: String, exclusive: Bool, actual: String)
    case maximum(limit: String, exclusive: Bool, actual: String)
    /// Lengths count Unicode code points.
    case minLength(limit: Int, actual: Int)
    case maxLength(limit: Int, actual: Int)
    case pattern(String)
    case format(String)
    case minItems(limit: Int, actual: Int)
    case maxItems(limit: Int, actual: Int)
    /// Two items at these positions are equal.
    case uniqueItems(first: Int, second: Int)
    /// Fewer (or more) items matched `contains` than allowed.
    case minContains(limit: Int, actual: Int)
    case maxContains(limit: Int, actual: Int)
    case minProperties(limit: Int, actual: Int)
    case maxProperties(limit: Int, actual: Int)
    case required(property: String)
    /// `property` is required because `presentProperty` is present.
    case dependentRequired(property: String, presentProperty: String)
    /// A member not allowed by properties/patternProperties when additionalProperties is false.
    case additionalProperty(name: String)
    case unevaluatedProperty(name: String)
    /// An item past the positional schemas when the rest are not allowed.
    case additionalItem(index: Int)
    case unevaluatedItem(index: Int)
    /// A member name that does not match `propertyNames`; `reasons` are the name's own errors.
    case propertyName(name: String, reasons: [String])
    /// The instance matched a schema under `not`.
    case not
    /// More than one `oneOf` branch matched.
    case oneOfMultiple(passing: [Int])
    /// Evaluation nested deeper than the limit (a very deep instance or a runaway schema).
    case tooDeep(limit: Int)
    /// A `$ref` or `$dynamicRef` led back to itself without moving into the instance, so the
    /// schema can never decide; this is a fault in the schema.
    case referenceCycle
}
