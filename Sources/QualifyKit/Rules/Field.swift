import QualifyDocument

/// A value a rule reads, with where it is. A field is reached by stepping down from the field
/// that holds it, never found again from the root, and a rule's hit carries the field itself, so
/// the engine places a finding without walking the document a second time.
struct Field {
    /// The value; nil when the file leaves it out.
    let node: Node?
    /// The way here from the root, kept inline: rules take thousands of steps in every file,
    /// and only the few fields a finding names need their path written out.
    private let route: Route
    /// Where the value starts; for one that is missing (or has no position of its own), where
    /// the nearest section holding it starts, which is where a person will look to add it.
    let position: SourcePosition?

    private init(node: Node?, route: Route, position: SourcePosition?) {
        self.node = node
        self.route = route
        self.position = node?.position ?? position
    }

    /// The whole document.
    init(root: Node) {
        self.init(node: root, route: Route(), position: nil)
    }

    /// The path from `root`, the document this field was reached in.
    func path(in root: Node) -> DocumentPath { route.path(in: root) }

    /// One look at the members: rules take this step hundreds of times in every file.
    static func / (lhs: Field, key: String) -> Field {
        if case .object(let members)? = lhs.node?.value, let index = Node.firstMember(key, in: members) {
            return Field(node: members[index].node, route: lhs.route.member(index, key), position: lhs.position)
        }
        return Field(node: nil, route: lhs.route.written(.key(key)), position: lhs.position)
    }

    static func / (lhs: Field, index: Int) -> Field {
        if case .array(let items)? = lhs.node?.value, items.indices.contains(index) {
            return Field(node: items[index], route: lhs.route.item(index), position: lhs.position)
        }
        return Field(node: nil, route: lhs.route.written(.index(index)), position: lhs.position)
    }

    /// The member at this place among the object's members: under a key written twice, the one
    /// meant, where `/` gives the first.
    func member(_ index: Int) -> Field {
        guard let members = node?.members, members.indices.contains(index) else { return Field(node: nil, route: route, position: position) }
        return Field(node: members[index].node, route: route.member(index, members[index].key), position: position)
    }

    /// Follows a path from this field (from the root for the sections rules start from).
    func at(_ path: DocumentPath) -> Field {
        var field = self
        for token in path.tokens {
            switch token {
            case .key(let key): field = field / key
            case .index(let index): field = field / index
            }
        }
        return field
    }

    /// The items of the list here, each a field of its own; none when there is no list.
    var items: [Field] {
        guard let items = node?.items else { return [] }
        return items.indices.map { index in Field(node: items[index], route: route.item(index), position: position) }
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
    var number: Int { (route.lastItem ?? 0) + 1 }
}
