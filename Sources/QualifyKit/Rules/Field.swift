import QualifyDocument

/// A value a rule reads, with where it is. A field is reached by stepping down from the field
/// that holds it, never found again from the root, and a rule's hit carries the field itself, so
/// the engine places a finding without walking the document a second time.
struct Field {
    /// The value; nil when the file leaves it out.
    let node: Node?
    let path: DocumentPath
    /// Where the value starts; for one that is missing (or has no position of its own), where
    /// the nearest section holding it starts, which is where a person will look to add it.
    let position: SourcePosition?

    init(node: Node?, path: DocumentPath, position: SourcePosition?) {
        self.node = node
        self.path = path
        self.position = node?.position ?? position
    }

    /// The whole document.
    init(root: Node) {
        self.init(node: root, path: .root, position: nil)
    }

    static func / (lhs: Field, key: String) -> Field {
        Field(node: lhs.node?[key], path: lhs.path.appending(key), position: lhs.position)
    }

    static func / (lhs: Field, index: Int) -> Field {
        let items = lhs.node?.items
        let node = items.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        return Field(node: node, path: lhs.path.appending(index: index), position: lhs.position)
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
            Field(node: items[index], path: path.appending(index: index), position: position)
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
        if case .index(let index)? = path.tokens.last { return index + 1 }
        return 1
    }
}
