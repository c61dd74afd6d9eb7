/// A strict JSON reader (RFC 8259) that keeps where every value starts. It keeps numbers as
/// written, keeps repeated keys (so a person can be told), and refuses what RFC 8259 refuses,
/// with a reason a person can act on. Depth is limited, so hostile nesting fails fast.
public enum JSONReader {
    public struct Problem: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case empty
            case unexpectedEnd
            case unexpected(found: String)
            case missingComma
            case trailingComma
            case comment
            case singleQuotes
            case keyNotQuoted
            case bareWord(String)
            case badNumber(String)
            case badEscape
            case loneSurrogate
            case controlCharacter
            case invalidUTF8
            case tooDeep(limit: Int)
            case extraContent
        }

        public var kind: Kind
        public var line: Int
        public var column: Int
    }

    public static let defaultDepthLimit = 512

    /// A document with what the reader noticed on the way, so no one walks it again to look.
    public struct Reading: Sendable {
        public var root: Node
        /// Some object gives a key twice, which JSON Schema cannot see.
        public var repeatsAKey: Bool
        /// Some text has an escaped control character or a byte that may start U+FFFE or
        /// U+FFFF: XML cannot hold those, so the text needs a closer look. False means none.
        public var mayHoldNonXMLCharacter: Bool
    }

    public static func read(_ bytes: ArraySlice<UInt8>, depthLimit: Int = defaultDepthLimit) -> Result<Reading, Problem> {
        // Read in place: the values keep copies of their text, never the bytes themselves.
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, depthLimit: depthLimit)
            do throws(Problem) {
                let root = try parser.document()
                return .success(Reading(root: root, repeatsAKey: parser.repeatsAKey, mayHoldNonXMLCharacter: parser.mayHoldNonXMLCharacter))
            } catch {
                return .failure(error)
            }
        }
    }

    public static func parse(_ bytes: ArraySlice<UInt8>, depthLimit: Int = defaultDepthLimit) -> Result<Node, Problem> {
        read(bytes, depthLimit: depthLimit).map(\.root)
    }
}

struct JSONParser {
    typealias Problem = JSONReader.Problem
    /// The file's bytes, borrowed for the length of one read: no copy, and no bounds check on
    /// each byte beyond the reader's own `index < bytes.count`.
    let bytes: UnsafeBufferPointer<UInt8>
    let depthLimit: Int
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var repeatsAKey = false
    var mayHoldNonXMLCharacter = false
    /// Columns count characters; the count is carried forward so long lines stay linear.
    var columnCacheOffset = 0
    var columnCacheValue = 1
    /// Set when a character of more than one byte was read on this line. Until then a column is
    /// the distance from the line's start, with no bytes to count.
    var lineHasMultiByte = false

    init(bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    mutating func position(at offset: Int? = nil) -> SourcePosition {
        let target = offset ?? index
        if !lineHasMultiByte, target >= lineStart { return SourcePosition(line: line, column: target - lineStart + 1) }
        if columnCacheOffset < lineStart || columnCacheOffset > target {
            columnCacheOffset = lineStart
            columnCacheValue = 1
        }
        var cursor = columnCacheOffset
        while cursor < target {
            if bytes[cursor] & 0xC0 != 0x80 { columnCacheValue += 1 }
            cursor += 1
        }
        columnCacheOffset = target
        return SourcePosition(line: line, column: columnCacheValue)
    }

    mutating func fail(_ kind: Problem.Kind, at offset: Int? = nil) -> Problem {
        let where_ = position(at: offset)
        return Problem(kind: kind, line: where_.line, column: where_.column)
    }

    mutating func document() throws(Problem) -> Node {
        skipSpace()
        guard index < bytes.count else { throw fail(.empty) }
        let root = try value()
        skipSpace()
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "/") { throw fail(.comment) }
            throw fail(.extraContent)
        }
        return root
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                lineHasMultiByte = false
                // Indentation, eight spaces at a time.
                if let base = bytes.baseAddress {
                    while index + 8 <= bytes.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                        index += 8
                    }
                }
            default: return
            }
        }
    }

    mutating func value() throws(Problem) -> Node {
        guard index < bytes.count else { throw fail(.unexpectedEnd) }
        let start = position()
        switch bytes[index] {
        case UInt8(ascii: "{"): return Node(.object(try object()), position: start)
        case UInt8(ascii: "["): return Node(.array(try array()), position: start)
        case UInt8(ascii: "\""): return Node(.string(try string()), position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(.number(try number()), position: start)
        case UInt8(ascii: "'"): throw fail(.singleQuotes)
        case UInt8(ascii: "/"): throw fail(.comment)
        default:
            let word = self.word()
            switch word {
            case "true": return Node(.bool(true), position: start)
            case "false": return Node(.bool(false), position: start)
            case "null": return Node(.null, position: start)
            case "": throw fail(.unexpected(found: Self.describe(bytes[index])))
            default:
                index -= word.utf8.count
                throw fail(.bareWord(word))
            }
        }
    }

    /// Letters, digits and a few marks, as a person might type an unquoted word.
    mutating func word() -> String {
        let start = index
        while index < bytes.count, index - start < 40,
              (bytes[index] >= 0x41 && bytes[index] <= 0x5A) || (bytes[index] >= 0x61 && bytes[index] <= 0x7A)
                || (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == UInt8(ascii: "_") {
            index += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    mutating func enter() throws(Problem) {
        depth += 1
        if depth > depthLimit { throw fail(.tooDeep(limit: depthLimit)) }
        index += 1
    }

    mutating func object() throws(Problem) -> [Member] {
        try enter()
        var members: [Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return members
        }
        // Room for a typical section at once, instead of growing one member at a time.
        members.reserveCapacity(8)
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: "\""): break
            case UInt8(ascii: "}"): throw fail(.trailingComma)
            case UInt8(ascii: "'"): throw fail(.singleQuotes)
            case UInt8(ascii: "/"): throw fail(.comment)
            default: throw fail(.keyNotQuoted)
            }
            let keyPosition = position()
            let key = try string()
            skipSpace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[index] == UInt8(ascii: ":") else { throw fail(.unexpected(found: Self.describe(bytes[index]))) }
            index += 1
            skipSpace()
            var node = try value()
            // A person looks for a field by its name, so a member is placed at its key.
            node.position = keyPosition
            members.append(Member(key: key, node: node))
            skipSpace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                if !repeatsAKey { repeatsAKey = Self.repeatsAKey(members) }
                return members
            case UInt8(ascii: "\""): throw fail(.missingComma)
            case UInt8(ascii: "/"): throw fail(.comment)
            default: throw fail(.unexpected(found: Self.describe(bytes[index])))
            }
        }
    }

    /// Most objects are small, and comparing each key with those before it costs less than
    /// hashing them; a large one gets a set, so hostile input stays linear. Keys are compared as
    /// Swift compares strings (canonical equivalence), but two keys that begin with different
    /// ASCII characters can never be equal that way, so most pairs are told apart by one byte.
    static func repeatsAKey(_ members: [Member]) -> Bool {
        if members.count <= 16 {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: members.count) { firsts in
                for index in members.indices { firsts[index] = members[index].key.utf8.first ?? 0 }
                for later in members.indices.dropFirst() {
                    for earlier in 0..<later where firsts[earlier] == firsts[later] || firsts[earlier] | firsts[later] >= 0x80 {
                        if members[earlier].key == members[later].key { return true }
                    }
                }
                return false
            }
        }
        var seen = Set<String>(minimumCapacity: members.count)
        return members.contains { !seen.insert($0.key).inserted }
    }

    mutating func array() throws(Problem) -> [Node] {
        try enter()
        var items: [Node] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return items
        }
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            if bytes[index] == UInt8(ascii: "]") { throw fail(.trailingComma) }
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return items
            case UInt8(ascii: "/"): throw fail(.comment)
            case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["): throw fail(.missingComma)
            default: throw fail(.unexpected(found: Self.describe(bytes[index])))
            }
        }
    }

    static func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : "a character that cannot be shown"
    }
}
