/// Short developer-facing messages. Text for people is built elsewhere from `ErrorDetails`.
enum ErrorMessages {
    static func text(_ details: ErrorDetails) -> String {
        switch details {
        case .falseSchema: return "no value is allowed here (false schema)"
        case .type(let expected, let actual):
            return "expected \(expected.joined(separator: " or ")), found \(actual)"
        case .enumeration(let allowed):
            return "must be one of \(list(allowed))"
        case .constant(let expected): return "must equal \(expected)"
        case .multipleOf(let divisor, let actual): return "\(actual) is not a multiple of \(divisor)"
        case .minimum(let limit, let exclusive, let actual):
            return "\(actual) must be \(exclusive ? "greater than" : "at least") \(limit)"
        case .maximum(let limit, let exclusive, let actual):
            return "\(actual) must be \(exclusive ? "less than" : "at most") \(limit)"
        case .minLength(let limit, let actual): return "must have at least \(limit) characters, has \(actual)"
        case .maxLength(let limit, let actual): return "must have at most \(limit) characters, has \(actual)"
        case .pattern(let pattern): return "must match the pattern \(JSONEquality.quoted(pattern))"
        case .format(let format): return "is not a valid \(format)"
        case .minItems(let limit, let actual): return "must have at least \(limit) items, has \(actual)"
        case .maxItems(let limit, let actual): return "must have at most \(limit) items, has \(actual)"
        case .uniqueItems(let first, let second): return "items \(first) and \(second) are equal; items must be unique"
        case .minContains(let limit, let actual):
            return "must contain at least \(limit) matching item\(limit == 1 ? "" : "s"), has \(actual)"
        case .maxContains(let limit, let actual): return "must contain at most \(limit) matching items, has \(actual)"
        case .minProperties(let limit, let actual): return "must have at least \(limit) properties, has \(actual)"
        case .maxProperties(let limit, let actual): return "must have at most \(limit) properties, has \(actual)"
        case .required(let property): return "required property \(JSONEquality.quoted(property)) is missing"
        case .dependentRequired(let property, let present):
            return "property \(JSONEquality.quoted(property)) is required when \(JSONEquality.quoted(present)) is present"
        case .additionalProperty(let name): return "property \(JSONEquality.quoted(name)) is not allowed"
        case .unevaluatedProperty(let name): return "property \(JSONEquality.quoted(name)) is not allowed (unevaluated)"
        case .additionalItem(let index): return "item \(index) is not allowed; the array has too many items"
        case .unevaluatedItem(let index): return "item \(index) is not allowed (unevaluated)"
        case .propertyName(let name, let reasons):
            let why = reasons.first.map { ": \($0)" } ?? ""
            return "property name \(JSONEquality.quoted(name)) is not valid\(why)"
        case .not: return "must not match the schema under not"
        case .oneOfMultiple(let passing):
            return "must match exactly one oneOf branch, but matches branches \(passing.map(String.init).joined(separator: ", "))"
        case .tooDeep(let limit): return "schema evaluation nested deeper than \(limit) steps"
        case .referenceCycle: return "reference cycle: the schema refers back to itself without consuming the instance"
        }
    }

    private static func list(_ values: [String]) -> String {
        if values.count <= 10 { return values.joined(separator: ", ") }
        return values.prefix(10).joined(separator: ", ") + ", … (\(values.count) values)"
    }
}
