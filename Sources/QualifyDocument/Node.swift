/// Where a value starts in the file a person wrote (1-based).
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// One value of the neutral document: what XML and JSON both become, so that every check
/// after reading is written once. Objects keep their members in file order and keep repeated
/// keys, because a repeated field is something a person needs to be told about.
public struct Node: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([Node])
        case string(String)
        /// Numbers keep their written form: 1.0 and 1 differ, and large values are not rounded.
        case number(String)
        case bool(Bool)
        case null
    }

    public var value: Value
    public var position: SourcePosition? {
        get { storedPosition == Self.none ? nil : SourcePosition(line: Int(storedPosition >> 32), column: Int(storedPosition & 0xFFFF_FFFF)) }
        set { storedPosition = Self.pack(newValue) }
    }
    /// Line in the high half, column in the low; all ones for none. Eight bytes
    /// where an optional pair of Ints took seventeen, in every value of every document: the
    /// rules copy values thousands of times a file.
    private var storedPosition: UInt64
    /// The name a list item had in its source (an XML element name); JSON items have none.
    public var tag: String? {
        get { storedTag.isEmpty ? nil : storedTag }
        set { storedTag = newValue ?? "" }
    }
    /// Empty for none (no element is named ""): a plain string copies inline, where an
    /// optional one went through a generic copy on every copy of every value.
    private var storedTag: String

    public init(_ value: Value, position: SourcePosition? = nil, tag: String? = nil) {
        self.value = value
        storedPosition = Self.pack(position)
        storedTag = tag ?? ""
    }

    private static let none = UInt64.max

    /// A line or column beyond 32 bits (only in a file of gigabytes, far past any limit) is kept
    /// as the largest that fits short of the mark for none; a negative one as 0.
    private static func pack(_ position: SourcePosition?) -> UInt64 {
        guard let position else { return none }
        let line = min(UInt64(clamping: max(0, position.line)), 0xFFFF_FFFE)
        let column = min(UInt64(clamping: max(0, position.column)), 0xFFFF_FFFF)
        return line << 32 | column
    }
}

public struct Member: Sendable {
    public var key: String
    public var node: Node

    public init(key: String, node: Node) {
        self.key = key
        self.node = node
    }
}

extension Node {
    public var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var items: [Node]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// The first member with this key.
    public subscript(key: String) -> Node? {
        firstMember(key).map { members![$0].node }
    }

    /// Where the first member with this key is among the members. Lengths are compared first:
    /// most keys differ in length, and comparing two long strings costs a call.
    public func firstMember(_ key: String) -> Int? {
        guard case .object(let members) = value else { return nil }
        return Self.firstMember(key, in: members)
    }

    /// The same for members already in hand; JSON Schema's `required` and the rules' steps
    /// match names this way too, so all of them find the same member.
    @inlinable
    public static func firstMember(_ key: String, in members: [Member]) -> Int? {
        let length = key.utf8.count
        return members.indices.first { members[$0].key.utf8.count == length && members[$0].key == key }
    }

    /// The text of a scalar as a person wrote it; nil for objects, arrays and null.
    public var scalarText: String? {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .object, .array, .null: return nil
        }
    }

    /// The node at a path, or nil when the path leads nowhere.
    public func node(at path: DocumentPath) -> Node? {
        var current = self
        for token in path.tokens {
            switch token {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let items = current.items, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }
}

/// A whole document as read from one file.
public struct Document: Sendable {
    public enum Format: String, Sendable, Codable {
        case xml
        case json
    }

    public var root: Node
    public var format: Format

    public init(root: Node, format: Format) {
        self.root = root
        self.format = format
    }
}
