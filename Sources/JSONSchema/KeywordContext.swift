import QualifyDocument

/// Reads the keywords of one object schema into compiled keywords, in a fixed order: cheap
/// assertions first (so the fast path fails early), in-place applicators next, and the
/// unevaluated* keywords last because they depend on everything else's annotations.
struct KeywordContext {
    let compiler: Compiler
    let schema: Node
    let location: Location
    let scope: Scope
    let described: String

    var dialect: Dialect { scope.dialect }

    func invalid(_ keyword: String) -> SchemaError {
        SchemaError(kind: .invalidKeyword(keyword), location: described + "/" + JSONPointer.escape(keyword))
    }

    func subschema(_ tokens: String...) -> Int {
        compiler.index(of: Location(document: location.document, pointer: location.pointer + tokens))
    }

    func isFalse(_ tokens: String...) -> Bool {
        if case .bool(false)? = JSONPointer.walk(schema, tokens)?.value { return true }
        return false
    }

    func keywords() throws(SchemaError) -> [Keyword] {
        var result: [Keyword] = []
        if let ref = schema["$ref"] {
            guard case .string(let text) = ref.value else { throw invalid("$ref") }
            // Before 2019-09 a $ref replaces the whole schema it sits in.
            if dialect.family == .draft7 { return [try compiler.reference(text, dynamic: false, context: self)] }
        }
        if dialect.validation { result += try validationKeywords() }
        if options.assertFormats || dialect.formatAssertion, case .string(let name)? = schema["format"]?.value,
           let check = Formats.check(for: name) {
            result.append(.format(name, check))
        }
        if case .string(let text)? = schema["$ref"]?.value {
            result.append(try compiler.reference(text, dynamic: false, context: self))
        }
        if dialect.family == .draft202012, let ref = schema["$dynamicRef"] {
            guard case .string(let text) = ref.value else { throw invalid("$dynamicRef") }
            result.append(try compiler.reference(text, dynamic: true, context: self))
        }
        if dialect.family == .draft201909, case .string(let text)? = schema["$recursiveRef"]?.value {
            result.append(try compiler.reference(text, dynamic: false, context: self))
        }
        if dialect.applicator { result += try applicatorKeywords() }
        if dialect.unevaluated && dialect.family != .draft7 {
            if schema["unevaluatedProperties"] != nil {
                result.append(.unevaluatedProperties(subschema("unevaluatedProperties"), isFalse: isFalse("unevaluatedProperties")))
            }
            if schema["unevaluatedItems"] != nil {
                result.append(.unevaluatedItems(subschema("unevaluatedItems"), isFalse: isFalse("unevaluatedItems")))
            }
        }
        return result
    }

    var options: SchemaOptions { compiler.options }

    private func applicatorKeywords() throws(SchemaError) -> [Keyword] {
        var result: [Keyword] = []
        for name in ["allOf", "anyOf", "oneOf"] {
            guard let value = schema[name] else { continue }
            guard let items = value.items, !items.isEmpty else { throw invalid(name) }
            let indexes = items.indices.map { subschema(name, String($0)) }
            result.append(name == "allOf" ? .allOf(indexes) : name == "anyOf" ? .anyOf(indexes) : .oneOf(indexes))
        }
        if schema["not"] != nil { result.append(.not(subschema("not"))) }
        if schema["if"] != nil {
            result.append(.conditional(if: subschema("if"), then: schema["then"] == nil ? nil : subschema("then"),
                                       else: schema["else"] == nil ? nil : subschema("else")))
        }
        if dialect.family != .draft7, let value = schema["dependentSchemas"] {
            guard let members = value.members else { throw invalid("dependentSchemas") }
            result.append(.dependentSchemas(members.map { ($0.key, subschema("dependentSchemas", $0.key)) }, keyword: "dependentSchemas"))
        }
        if let value = schema["dependencies"] {
            guard let members = value.members else { throw invalid("dependencies") }
            var schemas: [(String, Int)] = []
            var names: [(String, [String])] = []
            for member in members {
                if let list = member.node.items {
                    names.append((member.key, try strings(list, "dependencies")))
                } else {
                    schemas.append((member.key, subschema("dependencies", member.key)))
                }
            }
            if !names.isEmpty { result.append(.dependentRequired(names, keyword: "dependencies")) }
            if !schemas.isEmpty { result.append(.dependentSchemas(schemas, keyword: "dependencies")) }
        }
        if let rule = try propertiesRule() { result.append(.properties(rule)) }
        if schema["propertyNames"] != nil { result.append(.propertyNames(subschema("propertyNames"))) }
        if let rule = try itemsRule() { result.append(.items(rule)) }
        if schema["contains"] != nil {
            var minimum = 1
            var maximum: Int?
            if dialect.family != .draft7 && dialect.validation {
                if let value = schema["minContains"] { minimum = try count(value, "minContains") }
                if let value = schema["maxContains"] { maximum = try count(value, "maxContains") }
            }
            result.append(.contains(subschema("contains"), min: minimum, max: maximum))
        }
        return result
    }

    private func propertiesRule() throws(SchemaError) -> PropertiesRule? {
        let properties = schema["properties"], patterns = schema["patternProperties"], additional = schema["additionalProperties"]
        if properties == nil && patterns == nil && additional == nil { return nil }
        var named: [String: Int] = [:]
        if let properties {
            guard let members = properties.members else { throw invalid("properties") }
            for member in members where named[member.key] == nil {
                named[member.key] = subschema("properties", member.key)
            }
        }
        var compiled: [(regex: ECMARegex, node: Int)] = []
        if let patterns {
            guard let members = patterns.members else { throw invalid("patternProperties") }
            for member in members {
                guard let regex = ECMARegex.compile(member.key) else {
                    throw SchemaError(kind: .invalidPattern(member.key), location: described + "/patternProperties")
                }
                compiled.append((regex, subschema("patternProperties", member.key)))
            }
        }
        return PropertiesRule(named: named, patterns: compiled,
                              additional: additional == nil ? nil : subschema("additionalProperties"),
                              additionalIsFalse: isFalse("additionalProperties"))
    }

    private func itemsRule() throws(SchemaError) -> ItemsRule? {
        if dialect.family == .draft202012 {
            var prefix: [Int] = []
            if let value = schema["prefixItems"] {
                guard let items = value.items else { throw invalid("prefixItems") }
                prefix = items.indices.map { subschema("prefixItems", String($0)) }
            }
            let rest = schema["items"] == nil ? nil : subschema("items")
            if schema["items"]?.items != nil { throw invalid("items") }
            if prefix.isEmpty && rest == nil && schema["prefixItems"] == nil { return nil }
            return ItemsRule(prefix: prefix, prefixKeyword: "prefixItems", rest: rest, restKeyword: "items", restIsFalse: isFalse("items"))
        }
        guard let value = schema["items"] else { return nil }
        if let items = value.items {
            let prefix = items.indices.map { subschema("items", String($0)) }
            let rest = schema["additionalItems"] == nil ? nil : subschema("additionalItems")
            return ItemsRule(prefix: prefix, prefixKeyword: "items", rest: rest, restKeyword: "additionalItems", restIsFalse: isFalse("additionalItems"))
        }
        return ItemsRule(prefix: [], prefixKeyword: "items", rest: subschema("items"), restKeyword: "items", restIsFalse: isFalse("items"))
    }

    func strings(_ list: [Node], _ keyword: String) throws(SchemaError) -> [String] {
        var result: [String] = []
        for item in list {
            guard case .string(let text) = item.value else { throw invalid(keyword) }
            result.append(text)
        }
        return result
    }

    /// A non-negative integer such as minLength; 2.0 counts as 2.
    func count(_ value: Node, _ keyword: String) throws(SchemaError) -> Int {
        guard case .number(let text) = value.value, let number = ExactDecimal(text), let result = number.clampedInt else {
            throw invalid(keyword)
        }
        return result
    }
}
