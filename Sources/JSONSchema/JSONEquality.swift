import Foundation
import QualifyDocument

/// JSON equality as JSON Schema defines it: numbers by value (1 equals 1.0), objects regardless
/// of member order, strings by code points. It runs on an explicit stack so that deep instances
/// cannot exhaust the call stack.
enum JSONEquality {
    /// The same Unicode scalars: for well-formed UTF-8, the same bytes, which are compared
    /// at once (most enum values differ in length) instead of decoding each scalar.
    static func sameScalars(_ p: String, _ q: String) -> Bool {
        guard p.utf8.count == q.utf8.count else { return false }
        let compared = p.utf8.withContiguousStorageIfAvailable { a in
            q.utf8.withContiguousStorageIfAvailable { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        return (compared ?? nil) ?? p.utf8.elementsEqual(q.utf8)
    }

    static func equal(_ a: Node, _ b: Node) -> Bool {
        // Scalars, the usual case for enum and const, need no work list.
        switch (a.value, b.value) {
        case (.string(let p), .string(let q)): return sameScalars(p, q)
        case (.number(let p), .number(let q)): return p == q || ExactDecimal(p) == ExactDecimal(q)
        case (.bool(let p), .bool(let q)): return p == q
        case (.null, .null): return true
        case (.array, .array), (.object, .object): break
        default: return false
        }
        var pending: [(Node, Node)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            switch (x.value, y.value) {
            case (.null, .null): continue
            case (.bool(let p), .bool(let q)): if p != q { return false }
            case (.string(let p), .string(let q)):
                if !sameScalars(p, q) { return false }
            case (.number(let p), .number(let q)):
                if p != q && ExactDecimal(p) != ExactDecimal(q) { return false }
            case (.array(let p), .array(let q)):
                guard p.count == q.count else { return false }
                pending.append(contentsOf: zip(p, q))
            case (.object, .object):
                let p = distinctMembers(x), q = distinctMembers(y)
                guard p.count == q.count else { return false }
                for (key, node) in p {
                    guard let other = q[key] else { return false }
                    pending.append((node, other))
                }
            default: return false
            }
        }
        return true
    }

    /// Members by key; with a repeated key the first one counts, as Node's subscript does.
    static func distinctMembers(_ node: Node) -> [String: Node] {
        var result: [String: Node] = [:]
        for member in node.members ?? [] where result[member.key] == nil {
            result[member.key] = member.node
        }
        return result
    }

    /// A hash consistent with `equal`; below a fixed depth subtrees hash alike, which only costs
    /// extra comparisons, never a wrong answer.
    static func hash(_ node: Node, depth: Int = 0, into hasher: inout Hasher) {
        switch node.value {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag ? 1 : 2)
        case .string(let text): hasher.combine(3); hasher.combine(text.unicodeScalars.count); hasher.combine(text)
        case .number(let text): hasher.combine(4); hasher.combine(ExactDecimal(text))
        case .array(let items):
            hasher.combine(5)
            hasher.combine(items.count)
            if depth < 32 { for item in items { hash(item, depth: depth + 1, into: &hasher) } }
        case .object:
            hasher.combine(6)
            let members = distinctMembers(node)
            hasher.combine(members.count)
            // Member order must not matter, so member hashes are combined commutatively.
            var sum = 0
            if depth < 32 {
                for (key, value) in members {
                    var inner = Hasher()
                    inner.combine(key)
                    hash(value, depth: depth + 1, into: &inner)
                    sum = sum &+ inner.finalize()
                }
            }
            hasher.combine(sum)
        }
    }

    /// The first pair of equal items, if any.
    static func firstDuplicate(in items: [Node]) -> (Int, Int)? {
        if items.count < 2 { return nil }
        if items.count <= 8 {
            for i in 0..<items.count {
                for j in (i + 1)..<items.count where equal(items[i], items[j]) { return (i, j) }
            }
            return nil
        }
        var buckets: [Int: [Int]] = [:]
        for (index, item) in items.enumerated() {
            var hasher = Hasher()
            hash(item, into: &hasher)
            let key = hasher.finalize()
            for earlier in buckets[key] ?? [] where equal(items[earlier], item) { return (earlier, index) }
            buckets[key, default: []].append(index)
        }
        return nil
    }

    /// Compact JSON text of a value, for error details; long values are cut short.
    static func text(_ node: Node, limit: Int = 200) -> String {
        var out = ""
        write(node, into: &out, limit: limit, depth: 0)
        return out.count > limit ? String(out.prefix(limit)) + "…" : out
    }

    private static func write(_ node: Node, into out: inout String, limit: Int, depth: Int) {
        if out.count > limit || depth > 64 { out += "…"; return }
        switch node.value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += quoted(text)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out, limit: limit, depth: depth + 1)
                if out.count > limit { break }
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += quoted(member.key) + ":"
                write(member.node, into: &out, limit: limit, depth: depth + 1)
                if out.count > limit { break }
            }
            out += "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The JSON type name of a value, with integers told apart from other numbers.
    static func typeName(_ node: Node) -> String {
        switch node.value {
        case .null: return "null"
        case .bool: return "boolean"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        case .number(let text): return isInteger(text) ? "integer" : "number"
        }
    }

    static func isInteger(_ text: String) -> Bool {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return true
        }
        return ExactDecimal(text)?.isInteger ?? false
    }
}
