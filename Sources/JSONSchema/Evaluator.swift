import QualifyDocument

/// What evaluated parts of an instance, so unevaluatedProperties and unevaluatedItems can see
/// the work of in-place applicators (allOf, $ref, if/then, ...).
struct Annotations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    /// Items before this index were evaluated by prefixItems (or array-form items).
    var itemPrefix = 0
    /// Items that matched `contains`.
    var itemIndexes: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        if !allProperties { properties.formUnion(other.properties) }
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !allItems { itemIndexes.formUnion(other.itemIndexes) }
    }

    func hasEvaluated(property name: String) -> Bool { allProperties || properties.contains(name) }
    func hasEvaluated(item index: Int) -> Bool { allItems || index < itemPrefix || itemIndexes.contains(index) }
}

struct Outcome {
    var valid: Bool
    /// Present when the caller asked for annotations.
    var annotations: Annotations?
}

/// One run of a program over one instance. In fast mode it stops at the first failure and
/// builds no errors or paths; otherwise it records every error with its paths.
struct Evaluator {
    /// Nested schema evaluations allowed before giving up; keeps the call stack bounded. The
    /// keyword handlers are marked @inline(never) so that the frames repeated per level stay
    /// small: 2,000 levels then need about 2 MB of stack in release builds.
    static let frameLimit = 2_000

    let program: Program
    var fast: Bool
    var errors: [ValidationError] = []
    var instancePath: [DocumentPath.Token] = []
    var schemaPath: [String] = []
    var instanceDepth = 0
    private var frames = 0
    private var dynamicScope: [Int] = []
    private var refTrail: [(node: Int, depth: Int)] = []
    /// Set when evaluation hit the depth limit: the outcome is then unknown, so the whole
    /// result is invalid whatever `not` or `if` made of it.
    private(set) var faulted = false
    private var faultReported = false

    init(program: Program, fast: Bool) {
        self.program = program
        self.fast = fast
    }

    mutating func evaluate(_ index: Int, _ instance: Node, collect: Bool) -> Outcome {
        let node = program.nodes[index]
        if node.keywords.isEmpty { return Outcome(valid: true, annotations: collect ? Annotations() : nil) }
        if frames >= Self.frameLimit || faulted {
            fault("", node, .tooDeep(limit: Self.frameLimit), keywordInPath: false)
            return Outcome(valid: false, annotations: nil)
        }
        frames += 1
        defer { frames -= 1 }
        let pushed = program.tracksDynamicScope && dynamicScope.last != node.resource
        if pushed { dynamicScope.append(node.resource) }
        defer { if pushed { dynamicScope.removeLast() } }
        var annotations: Annotations? = collect || node.collectsAnnotations ? Annotations() : nil
        var valid = true
        // A plain loop: reading the keywords in place through a closure saved a little time but
        // added frames to every level, and a deep document then overflowed the stack.
        let keywords = node.keywords
        for index in keywords.indices where !apply(keywords.baseAddress! + index, node, instance, &annotations) {
            valid = false
            if fast { break }
        }
        return Outcome(valid: valid, annotations: collect ? annotations : nil)
    }

    /// The keyword is read in place, where its node keeps it: passing it by value copied it.
    private mutating func apply(_ keyword: UnsafeMutablePointer<Keyword>, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        switch keyword.pointee {
        case .falseSchema:
            report("false", node, .falseSchema, keywordInPath: false)
            return false
        case .ref(let target):
            return follow(target, "$ref", node, instance, &annotations)
        case .dynamicRef(let target, let anchor):
            var resolved = target
            if let anchor {
                for resource in dynamicScope {
                    if let found = program.dynamicAnchors[resource][anchor] { resolved = found; break }
                }
            }
            return follow(resolved, "$dynamicRef", node, instance, &annotations)
        case .allOf(let branches): return allOf(branches, instance, &annotations)
        case .anyOf(let branches): return anyOf(branches, node, instance, &annotations)
        case .oneOf(let branches): return oneOf(branches, node, instance, &annotations)
        case .not(let target): return not(target, node, instance)
        case .conditional(let condition, let then, let otherwise):
            return conditional(condition, then, otherwise, instance, &annotations)
        case .dependentSchemas(let entries, let name): return dependentSchemas(entries, name, instance, &annotations)
        case .items(let rule): return items(rule, node, instance, &annotations)
        case .contains(let target, let minimum, let maximum):
            return contains(target, minimum, maximum, node, instance, &annotations)
        case .properties(let rule): return properties(rule, node, instance, &annotations)
        case .propertyNames(let target): return propertyNames(target, node, instance)
        case .unevaluatedItems(let target, let isFalse):
            return unevaluatedItems(target, isFalse, node, instance, &annotations)
        case .unevaluatedProperties(let target, let isFalse):
            return unevaluatedProperties(target, isFalse, node, instance, &annotations)
        default:
            return assertion(keyword, node, instance)
        }
    }

    /// Passes along a chain of nodes that are only a `$ref` (see `Shortcut`) doing what
    /// evaluating each would do, the depth limit and (when the chain needs it) the reference
    /// trail, and nothing else. Returns the chain's end, or nil when a node on the way refuses
    /// (the caller fails); references put on the trail stay there for the caller to take off.
    /// A child starts a new place in the document, where the trail holds nothing yet.
    private mutating func takeShortcut(from start: Int) -> Int? {
        let trail = program.shortcuts[start].needsTrail
        var current = start
        for hop in 0..<program.shortcuts[start].passed {
            if frames + hop >= Self.frameLimit { faulted = true }
            guard case .ref(let next) = program.nodes[current].keywords[0] else { preconditionFailure("a shortcut through a node that is not only a $ref") }
            if faulted || (trail && onTrail(next)) {
                if trail { refTrail.removeLast(hop) }
                return nil
            }
            if trail { refTrail.append((next, instanceDepth)) }
            current = next
        }
        return current
    }

    /// Whether `target` was reached by a reference at this instance depth already.
    private func onTrail(_ target: Int) -> Bool {
        var index = refTrail.count - 1
        while index >= 0, refTrail[index].depth == instanceDepth {
            if refTrail[index].node == target { return true }
            index -= 1
        }
        return false
    }

    /// Follows a reference; meeting the same target at the same instance depth again would loop.
    private mutating func follow(_ target: Int, _ name: String, _ node: SchemaNode, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        if onTrail(target) {
            // A reference back to itself that consumes nothing can never be satisfied, so it
            // fails here (the least fixed point), and a surrounding anyOf or not decides.
            report(name, node, .referenceCycle)
            return false
        }
        refTrail.append((target, instanceDepth))
        defer { refTrail.removeLast() }
        return inPlace(target, name, nil, instance, &annotations)
    }

    /// Evaluates a subschema against the same instance, keeping its annotations.
    mutating func inPlace(_ target: Int, _ first: String, _ second: String?, _ instance: Node, _ annotations: inout Annotations?) -> Bool {
        let pushed = enterSchema(first, second)
        let outcome = evaluate(target, instance, collect: annotations != nil)
        leaveSchema(pushed)
        if let found = outcome.annotations { annotations?.merge(found) }
        return outcome.valid
    }

    /// Evaluates a subschema against a member or item of the instance.
    mutating func child(_ target: Int, _ first: String, _ second: String?, _ token: DocumentPath.Token, _ value: Node) -> Bool {
        let pushed = enterSchema(first, second)
        instanceDepth += 1
        if !fast { instancePath.append(token) }
        let valid = evaluate(target, value, collect: false).valid
        if !fast { instancePath.removeLast() }
        instanceDepth -= 1
        leaveSchema(pushed)
        return valid
    }

    /// The same in a yes/no run, which keeps no paths, so makes none. Here, and only here (so
    /// that `evaluate`, repeated for every level of a deep document, keeps a small frame), a
    /// chain of nodes that are only a `$ref` is passed over (see `Shortcut`).
    mutating func child(_ target: Int, _ value: Node) -> Bool {
        instanceDepth += 1
        defer { instanceDepth -= 1 }
        guard !program.shortcuts.isEmpty, program.shortcuts[target].passed > 0 else { return isValid(target, value) }
        let shortcut = program.shortcuts[target]
        guard let end = takeShortcut(from: target) else { return false }
        frames += shortcut.passed
        defer {
            frames -= shortcut.passed
            if shortcut.needsTrail { for _ in 0..<shortcut.passed { refTrail.removeLast() } }
        }
        return isValid(end, value)
    }

    /// `evaluate` for a yes/no run of a node that collects nothing (the common case), without
    /// the outcome and annotations it would make and drop.
    private mutating func isValid(_ index: Int, _ instance: Node) -> Bool {
        let node = program.nodes[index]
        if node.collectsAnnotations || program.tracksDynamicScope { return evaluate(index, instance, collect: false).valid }
        if node.keywords.isEmpty { return true }
        if frames >= Self.frameLimit || faulted {
            fault("", node, .tooDeep(limit: Self.frameLimit), keywordInPath: false)
            return false
        }
        frames += 1
        defer { frames -= 1 }
        var none: Annotations?
        let keywords = node.keywords
        for index in keywords.indices where !apply(keywords.baseAddress! + index, node, instance, &none) { return false }
        return true
    }

    /// Pushes schema path tokens (none in fast mode); returns how many to pop.
    mutating func enterSchema(_ first: String, _ second: String? = nil) -> Int {
        if fast { return 0 }
        schemaPath.append(first)
        guard let second else { return 1 }
        schemaPath.append(second)
        return 2
    }

    mutating func leaveSchema(_ count: Int) {
        if count > 0 { schemaPath.removeLast(count) }
    }

    /// Runs `body` without recording errors, for checks whose own errors are never shown.
    mutating func quietly<T>(_ body: (inout Evaluator) -> T) -> T {
        let saved = fast
        fast = true
        defer { fast = saved }
        return body(&self)
    }

    /// Marks the run as undecidable and reports why, once, the first time errors are wanted.
    mutating func fault(_ keyword: String, _ node: SchemaNode, _ details: ErrorDetails, keywordInPath: Bool = true) {
        faulted = true
        guard !fast, !faultReported else { return }
        faultReported = true
        report(keyword, node, details, keywordInPath: keywordInPath)
    }

    /// Records an error for `keyword` of `node`; `member` points the error at a member or item.
    @inline(never)
    mutating func report(_ keyword: String, _ node: SchemaNode, _ details: ErrorDetails,
                         member: DocumentPath.Token? = nil, keywordInPath: Bool = true) {
        guard !fast else { return }
        var tokens = instancePath
        if let member { tokens.append(member) }
        var path = schemaPath.map { "/" + JSONPointer.escape($0) }.joined()
        var absolute = node.absoluteLocation
        if keywordInPath {
            path += "/" + JSONPointer.escape(keyword)
            absolute = absolute.map { $0 + "/" + JSONPointer.escape(keyword) }
        }
        errors.append(ValidationError(keyword: keyword, instancePath: DocumentPath(tokens), schemaPath: path,
                                      absoluteKeywordLocation: absolute, details: details, message: ErrorMessages.text(details)))
    }
}
