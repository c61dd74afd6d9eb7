import QualifyDocument

/// Turns schema documents into a `Program`. Locations are compiled on first reference, so a
/// pointer into anything (even an unknown keyword) works, and each location compiles once.
final class Compiler {
    let registry: SchemaRegistry
    let options: SchemaOptions
    private(set) var nodes: [SchemaNode] = []
    private var indexByLocation: [Location: Int] = [:]
    private var pending: [(Int, Location)] = []
    private var usesDynamicScope = false

    init(options: SchemaOptions) {
        self.options = options
        self.registry = SchemaRegistry(options: options)
    }

    func compile(_ schema: Node) throws(SchemaError) -> Program {
        let document = try registry.addDocument(schema, uri: "", dialect: Dialect(options.defaultDraft))
        let root = index(of: Location(document: document, pointer: []))
        var dynamicAnchors: [[String: Int]] = []
        while true {
            while let (index, location) = pending.popLast() {
                nodes[index] = try compileNode(at: location)
            }
            // Dynamic anchors of every resource must be ready before evaluation may look them up.
            guard usesDynamicScope, dynamicAnchors.count < registry.resources.count else { break }
            for resource in registry.resources[dynamicAnchors.count...] {
                dynamicAnchors.append(resource.dynamicAnchors.mapValues { index(of: $0) })
            }
        }
        return Program(nodes: nodes, root: root, dynamicAnchors: dynamicAnchors, tracksDynamicScope: usesDynamicScope)
    }

    /// The node index for a location, queueing it for compilation when new.
    func index(of location: Location) -> Int {
        if let known = indexByLocation[location] { return known }
        let index = nodes.count
        nodes.append(SchemaNode(resource: 0))
        indexByLocation[location] = index
        pending.append((index, location))
        return index
    }

    private func compileNode(at location: Location) throws(SchemaError) -> SchemaNode {
        let scope = registry.scope(at: location)
        let described = registry.describe(location)
        let absolute = described.hasPrefix("#") ? nil : described
        guard let value = registry.node(at: location) else {
            throw SchemaError(kind: .notASchema, location: described)
        }
        switch value.value {
        case .bool(true):
            return SchemaNode(resource: scope.resource, absoluteLocation: absolute)
        case .bool(false):
            return SchemaNode(keywords: [.falseSchema], resource: scope.resource, absoluteLocation: absolute)
        case .object:
            let context = KeywordContext(compiler: self, schema: value, location: location, scope: scope, described: described)
            return SchemaNode(keywords: try context.keywords(), resource: scope.resource, absoluteLocation: absolute)
        default:
            throw SchemaError(kind: .notASchema, location: described)
        }
    }

    func reference(_ text: String, dynamic: Bool, context: KeywordContext) throws(SchemaError) -> Keyword {
        let (target, anchor) = try registry.resolve(text, from: context.scope, at: context.location)
        let index = index(of: target)
        guard dynamic else { return .ref(index) }
        if anchor != nil { usesDynamicScope = true }
        return .dynamicRef(index, anchor: anchor)
    }
}
