import QualifyDocument

/// Compares two documents as data: member order, positions and formatting do not count;
/// keys, list order, value types and exact text do. List item names count where both sides
/// have them, since XML keeps them.
enum Canonical {
    static func differences(_ lhs: Node, _ rhs: Node, at path: DocumentPath = .root) -> [DocumentPath] {
        switch (lhs.value, rhs.value) {
        case (.object(let a), .object(let b)):
            let left = Dictionary(grouping: a, by: \.key), right = Dictionary(grouping: b, by: \.key)
            var found: [DocumentPath] = []
            for key in Set(left.keys).union(right.keys).sorted() {
                let l = left[key] ?? [], r = right[key] ?? []
                guard l.count == r.count else {
                    found.append(path.appending(key))
                    continue
                }
                for (x, y) in zip(l, r) { found += differences(x.node, y.node, at: path.appending(key)) }
            }
            return found
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return [path] }
            return zip(a, b).enumerated().flatMap { index, pair -> [DocumentPath] in
                if let x = pair.0.tag, let y = pair.1.tag, x != y { return [path.appending(index: index)] }
                return differences(pair.0, pair.1, at: path.appending(index: index))
            }
        case (.string(let a), .string(let b)): return a == b ? [] : [path]
        case (.number(let a), .number(let b)): return a == b ? [] : [path]
        case (.bool(let a), .bool(let b)): return a == b ? [] : [path]
        case (.null, .null): return []
        default: return [path]
        }
    }
}
