/// A path into the neutral document, written as a JSON Pointer (RFC 6901) so that officials
/// and machines see the same path for the XML and the JSON form of a submission.
public struct DocumentPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Token: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public private(set) var tokens: [Token]

    public init(_ tokens: [Token] = []) {
        self.tokens = tokens
    }

    public static let root = DocumentPath()

    public func appending(_ key: String) -> DocumentPath {
        DocumentPath(tokens + [.key(key)])
    }

    public func appending(index: Int) -> DocumentPath {
        DocumentPath(tokens + [.index(index)])
    }

    public var parent: DocumentPath? {
        tokens.isEmpty ? nil : DocumentPath(Array(tokens.dropLast()))
    }

    public var lastKey: String? {
        if case .key(let key)? = tokens.last { return key }
        return nil
    }

    public func hasPrefix(_ other: DocumentPath) -> Bool {
        tokens.starts(with: other.tokens)
    }

    public var description: String {
        tokens.map { token -> String in
            switch token {
            case .key(let key):
                if !key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) { return "/" + key }
                return "/" + key.replacing("~", with: "~0").replacing("/", with: "~1")
            case .index(let index):
                return "/\(index)"
            }
        }.joined()
    }

    /// Reads a JSON Pointer; numeric tokens are taken as list positions.
    public init?(pointer: String) {
        if pointer.isEmpty {
            self.init()
            return
        }
        guard pointer.hasPrefix("/") else { return nil }
        let parts = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        // Rules build their paths from pointers many times a file, so the common case (no
        // escapes, no digits) skips the replacing and the number parsing.
        self.init(parts.map { part -> Token in
            var text = String(part)
            if text.utf8.contains(UInt8(ascii: "~")) {
                text = text.replacing("~1", with: "/").replacing("~0", with: "~")
            }
            if let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
               let index = Int(text), index >= 0, String(index) == text {
                return .index(index)
            }
            return .key(text)
        })
    }

    public static func < (lhs: DocumentPath, rhs: DocumentPath) -> Bool {
        lhs.description < rhs.description
    }
}

