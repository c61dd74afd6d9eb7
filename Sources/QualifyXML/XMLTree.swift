/// A plain element tree read from XML: names, text and where each element starts.
/// It knows nothing of any particular form; mapping it to a neutral document is the caller's job.
public struct XMLTree: Sendable {
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var namespace: String?
        public var value: String
    }

    public struct Element: Sendable {
        public var name: String
        public var namespace: String?
        public var prefix: String?
        public var attributes: [Attribute]
        public var children: [Int]
        public var parent: Int?
        /// Direct text and CDATA of the element, joined.
        public var text: String
        public var line: Int
        public var column: Int

        public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    /// Elements in document order; the root is element 0.
    public var elements: [Element]

    public var root: Element { elements[0] }

    public func children(of index: Int) -> [Element] {
        elements[index].children.map { elements[$0] }
    }

    public func attribute(_ name: String, of index: Int) -> String? {
        elements[index].attributes.first { $0.name == name && $0.namespace == nil }?.value
    }
}
