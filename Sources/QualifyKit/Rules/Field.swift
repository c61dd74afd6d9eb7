import QualifyDocument

/// A value a rule reads, with where it is. A field is reached by stepping down from the field
/// that holds it, never found again from the root, and a rule's hit carries the field itself, so
/// the engine places a finding without walking the document a second time.
struct Field {
    /// The value; nil when the file leaves it out.
    let node: Node?
    /// The way here from the root, as links: stepping down adds one link instead of copying
    /// the whole path, and most fields a rule reads never need their path written out.
    private let trail: Trail?
    /// Where the value starts; for one that is missing (or has no position of its own), where
    /// the nearest section holding it starts, which is where a person will look to add it.
    let position: SourcePosition?

    private init(node: Node?, trail: Trail?, position: SourcePosition?) {
        self.node = node
        self.trail = trail
        self.position = node?.position ?? position
    }

    init(node: Node?, path: DocumentPath, position: SourcePosition?) {
        let trail = path.tokens.reduce(nil as Trail?) { Trail(parent: $0, token: $1) }
        self.init(node: node, trail: trail, position: position)
    }

    /// The whole document.
    init(root: Node) {
        self.init(node: root, trail: nil, position: nil)
    }

    var path: DocumentPath {
        guard let trail else { return .root }
        var tokens = [DocumentPath.Token](repeating: .index(0), count: trail.depth)
        var link: Trail? = trail
        while let current = link {
            tokens[current.depth - 1] = current.token
            link = current.parent
        }
        return DocumentPath(tokens)
    }

    static func / (lhs: Field, key: String) -> Field {
        Field(node: lhs.node?[key], trail: Trail(parent: lhs.trail, token: .key(key)), position: lhs.position)
    }

    static func / (lhs: Field, index: Int) -> Field {
        let items = lhs.node?.items
        let node = items.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        return Field(node: node, trail: Trail(parent: lhs.trail, token: .index(index)), position: lhs.position)
    }

    /// Follows a path from this field (from the root for the sections rules start from).
    func at(_ path: DocumentPath) -> Field {
        path.tokens.reduce(self) { field, token in
            switch token {
            case .key(let key): return field / key
            case .index(let index): return field / index
            }
        }
    }

    /// The items of the list here, each a field of its own; none when there is no list.
    var items: [Field] {
        guard let items = node?.items else { return [] }
        return items.indices.map { index in
            Field(node: items[index], trail: Trail(parent: trail, token: .index(index)), position: position)
        }
    }

    var text: String? {
        guard case .string(let text)? = node?.value else { return nil }
        let trimmed = text.trimmedSpace
        return trimmed.isEmpty ? nil : trimmed
    }

    var bool: Bool? {
        if case .bool(let flag)? = node?.value { return flag }
        return nil
    }

    /// 1-based position in its list, for naming an untitled entry ("Case study 2").
    var number: Int {
        if case .index(let index)? = trail?.token { return index + 1 }
        return 1
    }
}

/// One step of a field's way from the root.
private final class Trail {
    let parent: Trail?
    let token: DocumentPath.Token
    let depth: Int

    init(parent: Trail?, token: DocumentPath.Token) {
        self.parent = parent
        self.token = token
        depth = (parent?.depth ?? 0) + 1
    }
}
