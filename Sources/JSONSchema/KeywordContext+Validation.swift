import QualifyDocument

extension KeywordContext {
    /// The validation vocabulary: assertions on the instance itself.
    func validationKeywords() throws(SchemaError) -> [Keyword] {
        var result: [Keyword] = []
        if let value = schema["type"] { result.append(.type(try types(value))) }
        if let value = schema["const"] { result.append(.constant(value)) }
        if let value = schema["enum"] {
            guard let items = value.items else { throw invalid("enum") }
            result.append(.enumeration(Choices(items)))
        }
        if schema["multipleOf"] != nil {
            let limit = try number("multipleOf")
            guard !limit.value.negative && !limit.value.isZero else { throw invalid("multipleOf") }
            result.append(.multipleOf(limit))
        }
        if schema["minimum"] != nil { result.append(.minimum(try number("minimum"), exclusive: false)) }
        if schema["exclusiveMinimum"] != nil { result.append(.minimum(try number("exclusiveMinimum"), exclusive: true)) }
        if schema["maximum"] != nil { result.append(.maximum(try number("maximum"), exclusive: false)) }
        if schema["exclusiveMaximum"] != nil { result.append(.maximum(try number("exclusiveMaximum"), exclusive: true)) }
        if let value = schema["minLength"] { result.append(.minLength(try count(value, "minLength"))) }
        if let value = schema["maxLength"] { result.append(.maxLength(try count(value, "maxLength"))) }
        if let value = schema["pattern"] {
            guard case .string(let text) = value.value else { throw invalid("pattern") }
            guard let regex = ECMARegex.compile(text) else {
                throw SchemaError(kind: .invalidPattern(text), location: described + "/pattern")
            }
            result.append(.pattern(regex))
        }
        if let value = schema["minItems"] { result.append(.minItems(try count(value, "minItems"))) }
        if let value = schema["maxItems"] { result.append(.maxItems(try count(value, "maxItems"))) }
        if case .bool(true)? = schema["uniqueItems"]?.value { result.append(.uniqueItems) }
        if let value = schema["minProperties"] { result.append(.minProperties(try count(value, "minProperties"))) }
        if let value = schema["maxProperties"] { result.append(.maxProperties(try count(value, "maxProperties"))) }
        if let value = schema["required"] {
            guard let items = value.items else { throw invalid("required") }
            let names = try strings(items, "required")
            if !names.isEmpty { result.append(.required(names)) }
        }
        if dialect.family != .draft7, let value = schema["dependentRequired"] {
            guard let members = value.members else { throw invalid("dependentRequired") }
            var entries: [(String, [String])] = []
            for member in members {
                guard let items = member.node.items else { throw invalid("dependentRequired") }
                entries.append((member.key, try strings(items, "dependentRequired")))
            }
            result.append(.dependentRequired(entries, keyword: "dependentRequired"))
        }
        return result
    }

    private func types(_ value: Node) throws(SchemaError) -> TypeSet {
        let names: [Node] = value.items ?? [value]
        var set: TypeSet = []
        for name in names {
            guard case .string(let text) = name.value, let type = TypeSet.names.first(where: { $0.0 == text })?.1 else {
                throw invalid("type")
            }
            set.insert(type)
        }
        return set
    }

    private func number(_ keyword: String) throws(SchemaError) -> NumberLimit {
        guard case .number(let text)? = schema[keyword]?.value, let value = ExactDecimal(text) else { throw invalid(keyword) }
        return NumberLimit(value: value, text: text, integer: Int(text))
    }
}
