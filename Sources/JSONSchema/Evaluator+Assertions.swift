import QualifyDocument

/// Assertions: keywords that judge the instance without applying subschemas.
extension Evaluator {
    @inline(never)
    mutating func assertion(_ keyword: UnsafeMutablePointer<Keyword>, _ node: SchemaNode, _ instance: Node) -> Bool {
        // The keyword first, then the instance: switching on both at once copied both.
        switch keyword.pointee {
        case .type(let types):
            if Self.matches(types, instance) { return true }
            report("type", node, .type(expected: types.names, actual: JSONEquality.typeName(instance)))
            return false
        case .enumeration(let allowed):
            if allowed.contains(instance) { return true }
            report("enum", node, .enumeration(allowed: allowed.values.map { JSONEquality.text($0) }))
            return false
        case .constant(let expected):
            if JSONEquality.equal(expected, instance) { return true }
            report("const", node, .constant(expected: JSONEquality.text(expected)))
            return false
        case .multipleOf(let divisor):
            guard case .number(let text) = instance.value else { return true }
            if let small = divisor.integer, let value = Int(text) {
                if value % small == 0 { return true }
            } else if let value = ExactDecimal(text), value.isMultiple(of: divisor.value) {
                return true
            }
            report("multipleOf", node, .multipleOf(divisor: divisor.text, actual: text))
            return false
        case .minimum(let limit, let exclusive):
            guard case .number(let text) = instance.value else { return true }
            // Most limits are "not below zero", which a number without a minus sign meets.
            if let small = limit.integer, small < 0 || (small == 0 && !exclusive), text.utf8.first != UInt8(ascii: "-") { return true }
            if let small = limit.integer, let value = Int(text) {
                if exclusive ? value > small : value >= small { return true }
            } else if let value = ExactDecimal(text), exclusive ? limit.value < value : !(value < limit.value) {
                return true
            }
            report(exclusive ? "exclusiveMinimum" : "minimum", node, .minimum(limit: limit.text, exclusive: exclusive, actual: text))
            return false
        case .maximum(let limit, let exclusive):
            guard case .number(let text) = instance.value else { return true }
            if let small = limit.integer, let value = Int(text) {
                if exclusive ? value < small : value <= small { return true }
            } else if let value = ExactDecimal(text), exclusive ? value < limit.value : !(limit.value < value) {
                return true
            }
            report(exclusive ? "exclusiveMaximum" : "maximum", node, .maximum(limit: limit.text, exclusive: exclusive, actual: text))
            return false
        case .minLength(let limit):
            guard case .string(let text) = instance.value else { return true }
            // Cheap bounds first: a string has at least utf8.count / 4 and at most utf8.count code points.
            if text.utf8.count / 4 >= limit { return true }
            let length = text.unicodeScalars.count
            if length >= limit { return true }
            report("minLength", node, .minLength(limit: limit, actual: length))
            return false
        case .maxLength(let limit):
            guard case .string(let text) = instance.value else { return true }
            if text.utf8.count <= limit { return true }
            let length = text.unicodeScalars.count
            if length <= limit { return true }
            report("maxLength", node, .maxLength(limit: limit, actual: length))
            return false
        case .pattern(let regex):
            guard case .string(let text) = instance.value else { return true }
            if regex.matches(text) { return true }
            report("pattern", node, .pattern(regex.source))
            return false
        case .format(let name, let check):
            guard case .string(let text) = instance.value else { return true }
            if check(text) { return true }
            report("format", node, .format(name))
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance.value else { return true }
            if items.count >= limit { return true }
            report("minItems", node, .minItems(limit: limit, actual: items.count))
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance.value else { return true }
            if items.count <= limit { return true }
            report("maxItems", node, .maxItems(limit: limit, actual: items.count))
            return false
        case .uniqueItems:
            guard case .array(let items) = instance.value else { return true }
            guard let (first, second) = JSONEquality.firstDuplicate(in: items) else { return true }
            report("uniqueItems", node, .uniqueItems(first: first, second: second))
            return false
        case .minProperties(let limit):
            guard case .object(let members) = instance.value else { return true }
            if members.count < limit || propertyCount(members) < limit {
                report("minProperties", node, .minProperties(limit: limit, actual: propertyCount(members)))
                return false
            }
            return true
        case .maxProperties(let limit):
            guard case .object(let members) = instance.value else { return true }
            if members.count <= limit || propertyCount(members) <= limit { return true }
            report("maxProperties", node, .maxProperties(limit: limit, actual: propertyCount(members)))
            return false
        case .required(let names):
            guard case .object(let members) = instance.value else { return true }
            return required(names, node, members)
        case .dependentRequired(let entries, let name):
            guard case .object(let members) = instance.value else { return true }
            return dependentRequired(entries, name, node, members)
        default:
            // Every assertion ignores instances of other types.
            return true
        }
    }

    static func matches(_ types: TypeSet, _ instance: Node) -> Bool {
        switch instance.value {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .string: return types.contains(.string)
        case .number(let text):
            return types.contains(.number) || (types.contains(.integer) && JSONEquality.isInteger(text))
        }
    }
}
