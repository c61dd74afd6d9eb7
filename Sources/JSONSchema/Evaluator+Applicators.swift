import QualifyDocument

/// The in-place applicators: subschemas that look at the same instance.
extension Evaluator {
    @inline(never)
    mutating func allOf(_ branches: [Int], _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        var valid = true
        for (index, branch) in branches.enumerated() where !inPlace(branch, "allOf", fast ? nil : String(index), instance, &annotations) {
            valid = false
            if fast { break }
        }
        return valid
    }

    /// Branches are first tried without errors; only when the keyword fails are the failing
    /// branches run again to explain it, so a valid instance never pays for error text.
    @inline(never)
    mutating func anyOf(_ branches: [Int], _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        let collect = annotations != nil
        var matched = false
        for branch in branches {
            let outcome = quietly { $0.evaluate(branch, instance, collect: collect) }
            guard outcome.valid else { continue }
            matched = true
            if let found = outcome.annotations { annotations?.merge(found) }
            // Annotations need every passing branch; validity needs only one.
            if !collect { break }
        }
        if matched { return true }
        if !fast { errors += explain(branches, "anyOf", instance) }
        return false
    }

    @inline(never)
    mutating func oneOf(_ branches: [Int], _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        let collect = annotations != nil
        var passing: [Int] = []
        var passingAnnotations: Annotations?
        for (index, branch) in branches.enumerated() {
            let outcome = quietly { $0.evaluate(branch, instance, collect: collect) }
            guard outcome.valid else { continue }
            passing.append(index)
            passingAnnotations = outcome.annotations
            if fast && passing.count > 1 { return false }
        }
        if passing.count == 1 {
            if let found = passingAnnotations { annotations?.merge(found) }
            return true
        }
        if passing.count > 1 {
            report("oneOf", node, .oneOfMultiple(passing: passing))
        } else if !fast {
            errors += explain(branches, "oneOf", instance)
        }
        return false
    }

    /// The errors of the best failing branch, found by running every branch with errors on.
    private mutating func explain(_ branches: [Int], _ keyword: String, _ instance: Node) -> [ValidationError] {
        var failures: [(index: Int, errors: [ValidationError])] = []
        for (index, branch) in branches.enumerated() {
            let mark = errors.count
            let pushed = enterSchema(keyword, String(index))
            _ = evaluate(branch, instance, collect: false)
            leaveSchema(pushed)
            failures.append((index, Array(errors[mark...])))
            errors.removeSubrange(mark...)
        }
        return bestBranch(failures) ?? []
    }

    /// The failing branch most likely meant, as python-jsonschema's best_match judges: one whose
    /// `type` fits the instance, then the one that got deepest into it, then the fewest errors.
    func bestBranch(_ failures: [(index: Int, errors: [ValidationError])]) -> [ValidationError]? {
        let here = instancePath.count
        func score(_ errors: [ValidationError]) -> (Int, Int, Int) {
            let typeMismatch = errors.contains {
                $0.instancePath.tokens.count == here && ($0.keyword == "type" || $0.keyword == "false")
            }
            let depth = errors.map { $0.instancePath.tokens.count }.max() ?? here
            // A branch without errors can only be one cut short by a fault; it explains nothing.
            return (errors.isEmpty ? -1 : typeMismatch ? 0 : 1, depth, -errors.count)
        }
        var best: (score: (Int, Int, Int), errors: [ValidationError])?
        for failure in failures {
            let current = score(failure.errors)
            if best == nil || current > best!.score { best = (current, failure.errors) }
        }
        return best?.errors
    }

    @inline(never)
    mutating func not(_ target: Int, _ node: SchemaNode, _ instance: Node) -> Bool {
        let matched = quietly { $0.evaluate(target, instance, collect: false).valid }
        if matched { report("not", node, .not) }
        return !matched
    }

    @inline(never)
    mutating func conditional(_ condition: Int, _ then: Int?, _ otherwise: Int?, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        let collect = annotations != nil
        let outcome = quietly { $0.evaluate(condition, instance, collect: collect) }
        if outcome.valid {
            if let found = outcome.annotations { annotations?.merge(found) }
            guard let then else { return true }
            return inPlace(then, "then", nil, instance, &annotations)
        }
        guard let otherwise else { return true }
        return inPlace(otherwise, "else", nil, instance, &annotations)
    }

    @inline(never)
    mutating func dependentSchemas(_ entries: [(String, Int)], _ keyword: String, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        guard let members = instance.members else { return true }
        var valid = true
        for (name, target) in entries where members.contains(where: { $0.key == name }) {
            if !inPlace(target, keyword, name, instance, &annotations) {
                valid = false
                if fast { break }
            }
        }
        return valid
    }
}
