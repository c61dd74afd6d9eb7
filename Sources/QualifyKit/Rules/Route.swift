import QualifyDocument

/// The way from the root to a field, without allocating: each step is the place of the value
/// among its parent's members or items, sixteen bits each, up to eight steps in two words. The
/// keys are read back from the document when the path is written out. A step that cannot be
/// kept that way (to a missing value, past the eighth, or past place 65,535) is written out in
/// `written`, and so is every step after it, so the order is kept.
struct Route {
    private static let capacity = 8
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: UInt8 = 0
    /// Bit n is set when step n is a list item rather than an object member.
    private var items: UInt8 = 0
    /// Nil in nearly every route, which copying then costs nothing. (A first written step
    /// kept inline made every route larger and every copy dearer.)
    private var written: Written?

    /// The steps written out, last first, one allocation each: rules look for many fields
    /// that are not there, and each such look writes out one step.
    private final class Written {
        let token: DocumentPath.Token
        let before: Written?
        init(_ token: DocumentPath.Token, after before: Written?) {
            self.token = token
            self.before = before
        }

        var tokens: [DocumentPath.Token] {
            var tokens: [DocumentPath.Token] = []
            var step: Written? = self
            while let current = step {
                tokens.append(current.token)
                step = current.before
            }
            return tokens.reversed()
        }
    }

    init() {}

    func member(_ index: Int, _ key: String) -> Route {
        canPack(index) ? packing(index, isItem: false) : written(.key(key))
    }

    func item(_ index: Int) -> Route {
        canPack(index) ? packing(index, isItem: true) : written(.index(index))
    }

    func written(_ token: DocumentPath.Token) -> Route {
        var next = self
        next.written = Written(token, after: written)
        return next
    }

    private func canPack(_ index: Int) -> Bool {
        written == nil && Int(count) < Self.capacity && index >= 0 && index <= Int(UInt16.max)
    }

    private func packing(_ index: Int, isItem: Bool) -> Route {
        var next = self
        let shift = UInt64(count % 4) * 16
        if count < 4 { next.low |= UInt64(index) << shift } else { next.high |= UInt64(index) << shift }
        if isItem { next.items |= 1 << count }
        next.count += 1
        return next
    }

    private func slot(_ step: Int) -> Int {
        let word = step < 4 ? low : high
        return Int((word >> (UInt64(step % 4) * 16)) & 0xFFFF)
    }

    private func isItem(_ step: Int) -> Bool { items & (1 << step) != 0 }

    /// The place of the last step in its list, when the last step is a list item.
    var lastItem: Int? {
        if let last = written?.token {
            if case .index(let index) = last { return index }
            return nil
        }
        guard count > 0, isItem(Int(count) - 1) else { return nil }
        return slot(Int(count) - 1)
    }

    /// The path, reading keys from `root`, which must be the document the route was made in.
    func path(in root: Node) -> DocumentPath {
        var tokens: [DocumentPath.Token] = []
        tokens.reserveCapacity(Int(count) + 1)
        var current = root
        for step in 0..<Int(count) {
            let index = slot(step)
            if isItem(step) {
                guard let items = current.items, items.indices.contains(index) else { preconditionFailure("a route read in another document") }
                tokens.append(.index(index))
                current = items[index]
            } else {
                guard let members = current.members, members.indices.contains(index) else { preconditionFailure("a route read in another document") }
                tokens.append(.key(members[index].key))
                current = members[index].node
            }
        }
        return DocumentPath(tokens + (written?.tokens ?? []))
    }
}
