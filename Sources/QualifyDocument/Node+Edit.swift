extension Node {
    /// A copy with the value at `path` replaced; a missing last member is added, and an index
    /// one past the end appends. Sections on the way must exist.
    public func setting(_ path: DocumentPath, to newValue: Node) -> Node {
        guard let first = path.tokens.first else { return newValue }
        let rest = DocumentPath(Array(path.tokens.dropFirst()))
        var copy = self
        switch (first, value) {
        case (.key(let key), .object(var members)):
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].node = members[index].node.setting(rest, to: newValue)
            } else if rest.tokens.isEmpty {
                members.append(Member(key: key, node: newValue))
            }
            copy.value = .object(members)
        case (.index(let index), .array(var items)):
            if items.indices.contains(index) {
                items[index] = items[index].setting(rest, to: newValue)
            } else if index == items.count, rest.tokens.isEmpty {
                items.append(newValue)
            }
            copy.value = .array(items)
        default:
            break
        }
        return copy
    }

    /// A copy without the value at `path`; nothing changes when it is not there.
    public func removing(_ path: DocumentPath) -> Node {
        guard let first = path.tokens.first else { return self }
        let rest = DocumentPath(Array(path.tokens.dropFirst()))
        var copy = self
        switch (first, value) {
        case (.key(let key), .object(var members)):
            if rest.tokens.isEmpty {
                members.removeAll { $0.key == key }
            } else if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].node = members[index].node.removing(rest)
            }
            copy.value = .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            if rest.tokens.isEmpty {
                items.remove(at: index)
            } else {
                items[index] = items[index].removing(rest)
            }
            copy.value = .array(items)
        default:
            break
        }
        return copy
    }
}
