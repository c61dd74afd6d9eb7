import QualifyDocument

/// A place in one of the loaded schema documents.
struct Location: Hashable {
    var document: Int
    var pointer: [String]

    func appending(_ tokens: String...) -> Location {
        Location(document: document, pointer: pointer + tokens)
    }
}

/// What holds at a schema location: the base URI for resolving references, the dialect, and the
/// schema resource (the nearest `$id`) it belongs to.
struct Scope {
    var base: URIReference
    var dialect: Dialect
    var resource: Int
}

struct Resource {
    var uri: String
    var location: Location
    var dynamicAnchors: [String: Location] = [:]
}

/// Every identifier in the loaded documents: resources by URI, anchors, and which locations are
/// schemas. Only keyword positions that hold subschemas are searched, so an `$id` inside `enum`
/// or an unknown keyword is just data.
final class SchemaRegistry {
    let options: SchemaOptions
    private(set) var documents: [Node] = []
    private(set) var scopes: [Location: Scope] = [:]
    private(set) var resources: [Resource] = []
    private var resourceByURI: [String: Int] = [:]
    private var anchors: [String: Location] = [:]

    init(options: SchemaOptions) {
        self.options = options
    }

    func node(at location: Location) -> Node? {
        JSONPointer.walk(documents[location.document], location.pointer)
    }

    /// The scope recorded for a location, or the nearest recorded ancestor's for places such as
    /// the inside of an unknown keyword that a pointer reached.
    func scope(at location: Location) -> Scope {
        var pointer = location.pointer
        while true {
            if let scope = scopes[Location(document: location.document, pointer: pointer)] { return scope }
            pointer.removeLast()
        }
    }

    func addDocument(_ root: Node, uri: String, dialect: Dialect) throws(SchemaError) -> Int {
        let document = documents.count
        documents.append(root)
        let base = URIReference(URIReference(uri).withoutFragment)
        try walk(root, Location(document: document, pointer: []), base: base, dialect: dialect, resource: nil, depth: 0)
        let rootResource = scopes[Location(document: document, pointer: [])]!.resource
        if resourceByURI[base.text] == nil { resourceByURI[base.text] = rootResource }
        return document
    }

    /// Schemas nested deeper than this are refused rather than risking the call stack.
    static let depthLimit = 1_000

    private func walk(_ node: Node, _ location: Location, base: URIReference, dialect: Dialect, resource: Int?, depth: Int) throws(SchemaError) {
        guard depth < Self.depthLimit else {
            throw SchemaError(kind: .tooDeep(limit: Self.depthLimit), location: base.text + "#" + JSONPointer.text(location.pointer))
        }
        guard let members = node.members else {
            scopes[location] = Scope(base: base, dialect: dialect, resource: resource ?? newResource(base.text, location))
            return
        }
        var base = base, dialect = dialect, resource = resource
        if case .string(let uri)? = node["$schema"]?.value, resource == nil || node["$id"] != nil {
            dialect = try self.dialect(forMetaSchema: uri, fallback: dialect, at: location)
        }
        // In draft-07 a $ref makes every sibling keyword, $id included, meaningless.
        let refOnly = dialect.family == .draft7 && node["$ref"] != nil
        if !refOnly, case .string(let id)? = node["$id"]?.value {
            if dialect.family == .draft7 && id.hasPrefix("#") {
                anchors[base.withoutFragment + id] = location
            } else {
                let resolved = base.resolving(id)
                base = URIReference(resolved.withoutFragment)
                resource = newResource(base.text, location)
                if let fragment = resolved.fragment, !fragment.isEmpty {
                    anchors[base.text + "#" + fragment] = location
                }
            }
        }
        let current = resource ?? newResource(base.text, location)
        scopes[location] = Scope(base: base, dialect: dialect, resource: current)
        if refOnly { return }
        if dialect.family != .draft7, case .string(let name)? = node["$anchor"]?.value {
            anchors[base.text + "#" + name] = location
        }
        if dialect.family == .draft202012, case .string(let name)? = node["$dynamicAnchor"]?.value {
            anchors[base.text + "#" + name] = location
            resources[current].dynamicAnchors[name] = location
        }
        for member in members {
            let child = location.appending(member.key)
            if dialect.singleSchemaKeywords.contains(member.key) {
                if let items = member.node.items, member.key == "items" {
                    for (index, item) in items.enumerated() {
                        try walk(item, child.appending(String(index)), base: base, dialect: dialect, resource: current, depth: depth + 1)
                    }
                } else {
                    try walk(member.node, child, base: base, dialect: dialect, resource: current, depth: depth + 1)
                }
            } else if dialect.schemaArrayKeywords.contains(member.key), let items = member.node.items {
                for (index, item) in items.enumerated() {
                    try walk(item, child.appending(String(index)), base: base, dialect: dialect, resource: current, depth: depth + 1)
                }
            } else if dialect.schemaMapKeywords.contains(member.key), let entries = member.node.members {
                for entry in entries where entry.node.items == nil {
                    try walk(entry.node, child.appending(entry.key), base: base, dialect: dialect, resource: current, depth: depth + 1)
                }
            }
        }
    }

    private func newResource(_ uri: String, _ location: Location) -> Int {
        resources.append(Resource(uri: uri, location: location))
        let index = resources.count - 1
        resourceByURI[uri] = index
        return index
    }

    /// The dialect a `$schema` value names: a published meta-schema, or a custom one from the
    /// remotes whose `$vocabulary` decides which keywords apply.
    func dialect(forMetaSchema uri: String, fallback: Dialect, at location: Location, depth: Int = 0) throws(SchemaError) -> Dialect {
        if let standard = Dialect.standard(uri) { return standard }
        let key = URIReference(uri).withoutFragment
        guard depth < 8, let meta = options.remotes[key] ?? options.remotes[uri] else { return fallback }
        var dialect = fallback
        if case .string(let parent)? = meta["$schema"]?.value, parent != uri {
            dialect = try self.dialect(forMetaSchema: parent, fallback: fallback, at: location, depth: depth + 1)
        }
        guard dialect.family != .draft7, let entries = meta["$vocabulary"]?.members else { return dialect }
        let vocabulary = entries.map { (uri: $0.key, required: $0.node.scalarText != "false") }
        do {
            return try dialect.applying(vocabulary: vocabulary)
        } catch {
            throw SchemaError(kind: .unknownRequiredVocabulary(error.uri), location: describe(location))
        }
    }

    /// Where a reference leads, loading a remote or bundled meta-schema on first use. The anchor
    /// name is returned when the target carries a `$dynamicAnchor` of that name.
    func resolve(_ reference: String, from scope: Scope, at location: Location) throws(SchemaError) -> (Location, dynamicAnchor: String?) {
        let target = scope.base.resolving(reference)
        let uri = target.withoutFragment
        let fragment = PercentDecoding.decode(target.fragment ?? "")
        let failure = SchemaError(kind: .unresolvableReference(reference), location: describe(location))
        guard let resource = try resourceIndex(uri, dialect: scope.dialect) else { throw failure }
        let root = resources[resource].location
        if fragment.isEmpty { return (root, nil) }
        if let tokens = JSONPointer.tokens(fragment) {
            let found = Location(document: root.document, pointer: root.pointer + tokens)
            guard node(at: found) != nil else { throw failure }
            return (found, nil)
        }
        guard let found = anchors[uri + "#" + fragment] else { throw failure }
        let dynamic = resources[resource].dynamicAnchors[fragment] == found ? fragment : nil
        return (found, dynamic)
    }

    private func resourceIndex(_ uri: String, dialect: Dialect) throws(SchemaError) -> Int? {
        if let known = resourceByURI[uri] { return known }
        let document: Node
        if let remote = options.remotes[uri] ?? options.remotes[uri + "#"] {
            document = remote
        } else if let bundled = MetaSchemas.parsed[uri] {
            document = bundled
        } else {
            return nil
        }
        _ = try addDocument(document, uri: uri, dialect: dialect)
        return resourceByURI[uri]
    }

    /// A location as an absolute URI with a JSON Pointer fragment, relative to its resource.
    func describe(_ location: Location) -> String {
        let scope = self.scope(at: location)
        let resource = resources[scope.resource]
        var pointer = location.pointer
        if resource.location.document == location.document, pointer.starts(with: resource.location.pointer) {
            pointer.removeFirst(resource.location.pointer.count)
        }
        return resource.uri + "#" + JSONPointer.text(pointer)
    }
}
