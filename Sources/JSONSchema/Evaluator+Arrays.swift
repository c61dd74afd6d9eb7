import QualifyDocument

/// Keywords about array items.
extension Evaluator {
    @inline(never)
    mutating func items(_ rule: ItemsRule, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let items = instance.items else { return true }
        let prefixCount = min(rule.prefix.count, items.count)
        if fast, annotations == nil, !rule.restIsFalse || items.count <= prefixCount {
            return allItems(rule, items, prefixCount)
        }
        var valid = true
        for index in 0..<prefixCount {
            if !child(rule.prefix[index], rule.prefixKeyword, fast ? nil : String(index), .index(index), items[index]) {
                valid = false
                if fast { return false }
            }
        }
        if let rest = rule.rest, items.count > prefixCount {
            for index in prefixCount..<items.count {
                if rule.restIsFalse {
                    report(rule.restKeyword, node, .additionalItem(index: index), member: .index(index))
                    valid = false
                } else if !child(rest, rule.restKeyword, nil, .index(index), items[index]) {
                    valid = false
                }
                if !valid && fast { return false }
            }
        }
        if annotations != nil {
            annotations!.itemPrefix = max(annotations!.itemPrefix, prefixCount)
            if rule.rest != nil { annotations!.allItems = true }
        }
        return valid
    }

    /// `items` in a yes/no run that collects nothing: the first failure decides. Apart, so that
    /// the frame repeated for every level of a deep document stays small.
    @inline(never)
    private mutating func allItems(_ rule: ItemsRule, _ items: [Node], _ prefixCount: Int) -> Bool {
        for index in 0..<prefixCount where !child(rule.prefix[index], items[index]) { return false }
        guard let rest = rule.rest else { return true }
        for index in prefixCount..<items.count where !child(rest, items[index]) { return false }
        return true
    }

    @inline(never)
    mutating func contains(_ target: Int, _ minimum: Int, _ maximum: Int?, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let items = instance.items else { return true }
        let collect = annotations != nil
        var matched: [Int] = []
        quietly { this in
            for (index, item) in items.enumerated() {
                this.instanceDepth += 1
                let ok = this.evaluate(target, item, collect: false).valid
                this.instanceDepth -= 1
                if ok {
                    matched.append(index)
                    // Without annotations or an upper bound, enough matches settle it.
                    if !collect && maximum == nil && matched.count >= minimum { break }
                }
            }
        }
        if collect { annotations!.itemIndexes.formUnion(matched) }
        if matched.count < minimum {
            report(minimum == 1 ? "contains" : "minContains", node, .minContains(limit: minimum, actual: matched.count))
            return false
        }
        if let maximum, matched.count > maximum {
            report("maxContains", node, .maxContains(limit: maximum, actual: matched.count))
            return false
        }
        return true
    }

    @inline(never)
    mutating func unevaluatedItems(_ target: Int, _ isFalse: Bool, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let items = instance.items else { return true }
        let seen = annotations ?? Annotations()
        var valid = true
        for index in items.indices where !seen.hasEvaluated(item: index) {
            if isFalse {
                report("unevaluatedItems", node, .unevaluatedItem(index: index), member: .index(index))
                valid = false
            } else if !child(target, "unevaluatedItems", nil, .index(index), items[index]) {
                valid = false
            }
            if !valid && fast { return false }
        }
        annotations?.allItems = true
        return valid
    }
}
