import QualifyDocument

/// An editable copy of a submission: objects keep their members in order, as a person wrote them.
enum Value: Equatable {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case number(String)
    case bool(Bool)

    static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        default: return false
        }
    }

    init(_ node: Node) {
        switch node.value {
        case .object(let members): self = .object(members.map { ($0.key, Value($0.node)) })
        case .array(let items): self = .array(items.map(Value.init))
        case .string(let text): self = .string(text)
        case .number(let text): self = .number(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .string("")
        }
    }

    var node: Node {
        switch self {
        case .object(let members): return Node(.object(members.map { Member(key: $0.0, node: $0.1.node) }))
        case .array(let items): return Node(.array(items.map(\.node)))
        case .string(let text): return Node(.string(text))
        case .number(let text): return Node(.number(text))
        case .bool(let flag): return Node(.bool(flag))
        }
    }

    /// The member with this key; setting nil removes it, setting a new key appends it.
    subscript(key: String) -> Value? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.0 == key }?.1
        }
        set {
            guard case .object(var members) = self else { return }
            if let index = members.firstIndex(where: { $0.0 == key }) {
                if let newValue { members[index].1 = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
            self = .object(members)
        }
    }

    var items: [Value] {
        get {
            if case .array(let items) = self { return items }
            return []
        }
        set { self = .array(newValue) }
    }

    var keys: [String] {
        if case .object(let members) = self { return members.map(\.0) }
        return []
    }

    var text: String? {
        switch self {
        case .string(let text), .number(let text): return text
        default: return nil
        }
    }

    /// Adds a member straight after another one, so the JSON reads in form order.
    mutating func insert(_ key: String, _ value: Value, after previous: String) {
        guard case .object(var members) = self else { return }
        let index = members.firstIndex { $0.0 == previous }.map { $0 + 1 } ?? members.count
        members.insert((key, value), at: index)
        self = .object(members)
    }

    /// Renames a member where it stands.
    mutating func rename(_ key: String, to newKey: String) {
        guard case .object(var members) = self, let index = members.firstIndex(where: { $0.0 == key }) else { return }
        members[index].0 = newKey
        self = .object(members)
    }

    /// Calls `body` on every value, depth first, with its JSON Pointer.
    mutating func visit(_ pointer: String = "", _ body: (inout Value, String) -> Void) {
        body(&self, pointer)
        switch self {
        case .object(var members):
            for index in members.indices {
                members[index].1.visit(pointer + "/" + members[index].0, body)
            }
            self = .object(members)
        case .array(var items):
            for index in items.indices { items[index].visit(pointer + "/\(index)", body) }
            self = .array(items)
        default:
            break
        }
    }

    /// The value at a JSON Pointer made of plain keys and indices.
    subscript(pointer pointer: String) -> Value? {
        get {
            var current: Value? = self
            for token in pointer.split(separator: "/").map(String.init) {
                if let index = Int(token), case .array(let items)? = current {
                    current = items.indices.contains(index) ? items[index] : nil
                } else {
                    current = current?[token]
                }
            }
            return current
        }
        set {
            var tokens = pointer.split(separator: "/").map(String.init)
            guard let last = tokens.popLast() else {
                if let newValue { self = newValue }
                return
            }
            let parentPointer = tokens.isEmpty ? "" : "/" + tokens.joined(separator: "/")
            guard var parent = self[pointer: parentPointer] else { return }
            if let index = Int(last), case .array(var items) = parent {
                if let newValue { items[index] = newValue } else { items.remove(at: index) }
                parent = .array(items)
            } else {
                parent[last] = newValue
            }
            if tokens.isEmpty { self = parent } else { self[pointer: parentPointer] = parent }
        }
    }
}
