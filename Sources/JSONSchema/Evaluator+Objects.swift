import QualifyDocument

/// Keywords about object members.
extension Evaluator {
    @inline(never)
    mutating func properties(_ rule: PropertiesRule, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let members = instance.members else { return true }
        if fast, annotations == nil { return properties(rule, members) }
        var valid = true
        for member in members {
            var matched = false
            if let target = rule.named.target(of: member.key) {
                matched = true
                if !child(target, "properties", member.key, .key(member.key), member.node) {
                    valid = false
                    if fast { return false }
                }
            }
            for pattern in rule.patterns where pattern.regex.matches(member.key) {
                matched = true
                if !child(pattern.node, "patternProperties", pattern.regex.source, .key(member.key), member.node) {
                    valid = false
                    if fast { return false }
                }
            }
            if !matched, let additional = rule.additional {
                matched = true
                if rule.additionalIsFalse {
                    report("additionalProperties", node, .additionalProperty(name: member.key), member: .key(member.key))
                    valid = false
                    if fast { return false }
                } else if !child(additional, "additionalProperties", nil, .key(member.key), member.node) {
                    valid = false
                    if fast { return false }
                }
            }
            if matched, annotations != nil { annotations!.properties.insert(member.key) }
        }
        return valid
    }

    /// `properties` in a yes/no run that collects nothing: the first failure decides.
    @inline(never)
    private mutating func properties(_ rule: PropertiesRule, _ members: [Member]) -> Bool {
        for index in members.indices {
            let key = members[index].key
            var matched = false
            if let target = rule.named.target(of: key) {
                matched = true
                if !child(target, members[index].node) { return false }
            }
            for pattern in rule.patterns where pattern.regex.matches(key) {
                matched = true
                if !child(pattern.node, members[index].node) { return false }
            }
            if !matched, let additional = rule.additional {
                if rule.additionalIsFalse || !child(additional, members[index].node) { return false }
            }
        }
        return true
    }

    @inline(never)
    mutating func propertyNames(_ target: Int, _ node: SchemaNode, _ instance: Node) -> Bool {
        guard let members = instance.members else { return true }
        var valid = true
        for member in members {
            let name = Node(.string(member.key))
            if quietly({ $0.evaluate(target, name, collect: false).valid }) { continue }
            valid = false
            if fast { return false }
            report("propertyNames", node, .propertyName(name: member.key, reasons: reasons(target, name)), member: .key(member.key))
        }
        return valid
    }

    /// The name's own errors explain a propertyNames failure; they are kept as text only,
    /// because their paths would point into the name rather than into the document.
    @inline(never)
    func reasons(_ target: Int, _ name: Node) -> [String] {
        var inner = Evaluator(program: program, fast: false)
        _ = inner.evaluate(target, name, collect: false)
        return inner.errors.map(\.message)
    }

    @inline(never)
    mutating func unevaluatedProperties(_ target: Int, _ isFalse: Bool, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let members = instance.members else { return true }
        let seen = annotations ?? Annotations()
        var valid = true
        for member in members where !seen.hasEvaluated(property: member.key) {
            if isFalse {
                report("unevaluatedProperties", node, .unevaluatedProperty(name: member.key), member: .key(member.key))
                valid = false
            } else if !child(target, "unevaluatedProperties", nil, .key(member.key), member.node) {
                valid = false
            }
            if !valid && fast { return false }
        }
        annotations?.allProperties = true
        return valid
    }

    /// Names matched as `NameTable` and the rules match them.
    func hasMember(_ members: [Member], _ name: String) -> Bool {
        Node.firstMember(name, in: members) != nil
    }

    @inline(never)
    mutating func required(_ names: [String], _ node: SchemaNode, _ members: [Member]) -> Bool {
        var valid = true
        // Scanning is cheaper than hashing until both lists are long.
        let present: Set<String>? = names.count * members.count > 512 ? Set(members.map(\.key)) : nil
        for name in names where !(present?.contains(name) ?? hasMember(members, name)) {
            if fast { return false }
            valid = false
            report("required", node, .required(property: name), member: .key(name))
        }
        return valid
    }

    @inline(never)
    mutating func dependentRequired(_ entries: [(String, [String])], _ keyword: String, _ node: SchemaNode, _ members: [Member]) -> Bool {
        var valid = true
        for (trigger, names) in entries where hasMember(members, trigger) {
            for name in names where !hasMember(members, name) {
                if fast { return false }
                valid = false
                report(keyword, node, .dependentRequired(property: name, presentProperty: trigger), member: .key(name))
            }
        }
        return valid
    }

    /// Members counted by distinct name, since a repeated key is still one property.
    func propertyCount(_ members: [Member]) -> Int {
        if members.count < 2 { return members.count }
        return Set(members.map(\.key)).count
    }
}
