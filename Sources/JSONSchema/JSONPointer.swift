import QualifyDocument

/// JSON Pointer tokens (RFC 6901) kept as strings: in a schema "0" may name an object member or
/// an array item, and only the value being walked can tell which.
enum JSONPointer {
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    static func unescape(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        return String(token.replacing("~1", with: "/").replacing("~0", with: "~"))
    }

    static func text(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// Tokens of a pointer, or nil when the text is not a pointer.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(unescape)
    }

    static func walk(_ root: Node, _ tokens: [String]) -> Node? {
        var current = root
        for token in tokens {
            switch current.value {
            case .object(let members):
                guard let member = members.first(where: { $0.key == token }) else { return nil }
                current = member.node
            case .array(let items):
                guard let index = Int(token), index >= 0, String(index) == token, index < items.count else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
