import QualifyDocument

/// The compiled form: every schema location reached from the root becomes one `SchemaNode`, and
/// subschemas and reference targets are indexes into `nodes`, so cycles cost nothing.
struct Program: Sendable {
    var nodes: [SchemaNode]
    var root: Int
    /// Per schema resource: `$dynamicAnchor` names and the node each names.
    var dynamicAnchors: [[String: Int]]
    /// Resources are tracked during evaluation only when some `$dynamicRef` needs them.
    var tracksDynamicScope: Bool
    /// Per node: where a run that keeps no paths may go straight to, and how many nodes it
    /// passes on the way (see `Shortcut`).
    var shortcuts: [Shortcut] = []

    init(nodes: [SchemaNode], root: Int, dynamicAnchors: [[String: Int]], tracksDynamicScope: Bool) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.tracksDynamicScope = tracksDynamicScope
        shortcuts = tracksDynamicScope ? [] : nodes.indices.map { Shortcut(from: $0, in: nodes) }
    }
}

/// Most of a schema's properties are only a `$ref` to a definition, so every value took two
/// evaluations, the first of which did nothing but follow the reference. A yes/no run, which
/// records no paths, goes straight to the end of such a chain when it steps into a member or
/// an item. The nodes passed still count
/// towards the depth limit, so a deep document is refused exactly where it was before. Not
/// taken when resources must be tracked (`$dynamicRef`), nor through a chain that loops back,
/// nor to a node with no keywords (which returns before the depth limit is looked at).
struct Shortcut: Sendable {
    var target: Int
    var passed: Int
    /// Whether the references passed must go on the reference trail. They need not when
    /// nothing evaluated at the same place in the document from the chain's end can follow a
    /// reference back into the chain, which is nearly always.
    var needsTrail = true

    init(from start: Int, in nodes: [SchemaNode]) {
        var current = start
        var seen: Set<Int> = [start]
        while nodes[current].keywords.count == 1, case .ref(let next) = nodes[current].keywords[0],
              !nodes[next].keywords.isEmpty, seen.insert(next).inserted {
            current = next
        }
        // A chain that loops back is left to the reference trail, which reports it.
        if case .ref(let next)? = nodes[current].keywords.first, nodes[current].keywords.count == 1, seen.contains(next) {
            current = start
            seen = [start]
        }
        target = current
        passed = seen.count - 1
        if passed > 0 {
            seen.remove(start)
            needsTrail = Self.refersInPlace(from: current, toAnyOf: seen, in: nodes)
        }
    }

    /// Whether a reference to one of `targets` can be followed from `start` without moving to
    /// a member or an item (where the trail starts afresh). Every applicator other than
    /// properties and items counts as staying in place, to be safe.
    static func refersInPlace(from start: Int, toAnyOf targets: Set<Int>, in nodes: [SchemaNode]) -> Bool {
        var visited: Set<Int> = []
        var pending = [start]
        while let index = pending.popLast() {
            guard visited.insert(index).inserted else { continue }
            for keyword in nodes[index].keywords {
                switch keyword {
                case .ref(let next), .dynamicRef(let next, _):
                    if targets.contains(next) { return true }
                    pending.append(next)
                case .allOf(let branches), .anyOf(let branches), .oneOf(let branches): pending += branches
                case .not(let next), .propertyNames(let next): pending.append(next)
                case .contains(let next, _, _), .unevaluatedItems(let next, _), .unevaluatedProperties(let next, _): pending.append(next)
                case .conditional(let condition, let then, let otherwise): pending += [condition, then, otherwise].compactMap { $0 }
                case .dependentSchemas(let entries, _): pending += entries.map(\.1)
                default: break
                }
            }
        }
        return false
    }
}

/// A class, so that evaluating a node copies one reference, not its keywords and location.
/// Unchecked: the keywords are written once, in `init`, and only read after.
final class SchemaNode: @unchecked Sendable {
    /// In memory the node owns, so that evaluation reads each keyword in place instead of
    /// copying it out of an array.
    let keywords: UnsafeMutableBufferPointer<Keyword>
    let resource: Int
    /// The schema's absolute URI with a pointer fragment, for absoluteKeywordLocation.
    let absoluteLocation: String?
    /// Has unevaluatedProperties or unevaluatedItems, so it needs annotations from its applicators.
    let collectsAnnotations: Bool

    init(keywords: [Keyword] = [], resource: Int, absoluteLocation: String? = nil) {
        self.keywords = .allocate(capacity: keywords.count)
        _ = self.keywords.initialize(from: keywords)
        self.resource = resource
        self.absoluteLocation = absoluteLocation
        collectsAnnotations = keywords.contains {
            if case .unevaluatedItems = $0 { return true }
            if case .unevaluatedProperties = $0 { return true }
            return false
        }
    }

    deinit {
        keywords.deinitialize()
        keywords.deallocate()
    }
}

/// The instance types `type` can name; integer is a subset of number.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    var names: [String] { Self.names.filter { contains($0.1) }.map(\.0) }
}

/// The items of an array: positional schemas first, then one schema for the rest. The keyword
/// names differ by draft (prefixItems/items or items/additionalItems). A class, so that copying
/// the keyword during evaluation is one reference count, not one per field.
final class ItemsRule: Sendable {
    let prefix: [Int]
    let prefixKeyword: String
    let rest: Int?
    let restKeyword: String
    let restIsFalse: Bool

    init(prefix: [Int], prefixKeyword: String, rest: Int?, restKeyword: String, restIsFalse: Bool) {
        self.prefix = prefix
        self.prefixKeyword = prefixKeyword
        self.rest = rest
        self.restKeyword = restKeyword
        self.restIsFalse = restIsFalse
    }
}

/// properties, patternProperties and additionalProperties decide together which schema each
/// member meets, so they are one rule.
final class PropertiesRule: Sendable {
    let named: NameTable
    let patterns: [(regex: ECMARegex, node: Int)]
    let additional: Int?
    let additionalIsFalse: Bool

    init(named: [String: Int], patterns: [(regex: ECMARegex, node: Int)], additional: Int?, additionalIsFalse: Bool) {
        self.named = NameTable(named)
        self.patterns = patterns
        self.additional = additional
        self.additionalIsFalse = additionalIsFalse
    }
}

struct NumberLimit: Sendable {
    var value: ExactDecimal
    var text: String
    /// Set when the limit is a plain integer, so integer instances compare without parsing.
    var integer: Int?
}

/// One compiled keyword (or a group that must be judged together, such as properties with
/// additionalProperties). Subschemas are node indexes.
enum Keyword: Sendable {
    case falseSchema
    case ref(Int)
    case dynamicRef(Int, anchor: String?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(String, Int)], keyword: String)
    case items(ItemsRule)
    case contains(Int, min: Int, max: Int?)
    case properties(PropertiesRule)
    case propertyNames(Int)
    case unevaluatedItems(Int, isFalse: Bool)
    case unevaluatedProperties(Int, isFalse: Bool)
    case type(TypeSet)
    case enumeration(Choices)
    case constant(Node)
    case multipleOf(NumberLimit)
    case minimum(NumberLimit, exclusive: Bool)
    case maximum(NumberLimit, exclusive: Bool)
    case minLength(Int)
    case maxLength(Int)
    case pattern(ECMARegex)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])], keyword: String)
    case format(String, FormatCheck)
}

/// An `enum`'s values. When every value is a string (a form's code lists), a string instance is
/// compared with each by its bytes alone, with no value copied: lists such as the 41 police
/// areas are checked at almost every entry of a submission.
final class Choices: Sendable {
    let values: [Node]
    /// The values' texts when all of them are strings; nil otherwise.
    let texts: [String]?

    init(_ values: [Node]) {
        self.values = values
        var texts: [String] = []
        for value in values {
            guard case .string(let text) = value.value else { break }
            texts.append(text)
        }
        self.texts = texts.count == values.count ? texts : nil
    }

    func contains(_ instance: Node) -> Bool {
        guard let texts else { return values.contains { JSONEquality.equal($0, instance) } }
        guard case .string(let text) = instance.value else { return false }
        return texts.contains { JSONEquality.sameScalars($0, text) }
    }
}
