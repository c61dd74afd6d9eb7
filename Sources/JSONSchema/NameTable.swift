/// The names of `properties`, looked up once for every member of every object. A dictionary
/// hashes the whole key with SipHash first; here a key's length and its first and last bytes
/// pick the slot, and a comparison of names of the same length confirms it (as
/// `Node.firstMember` does, so `properties` and the rules find the same member).
struct NameTable: Sendable {
    private let names: [String]
    private let targets: [Int]
    /// Index into `names` for each slot, or -1; a power of two long, at most half full.
    private let slots: [Int32]
    private let mask: Int

    init(_ named: [String: Int]) {
        let ordered = named.sorted { $0.key < $1.key }
        names = ordered.map(\.key)
        targets = ordered.map(\.value)
        var size = 8
        while size < names.count * 2 { size *= 2 }
        mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        for (index, name) in names.enumerated() {
            var slot = Self.hash(name) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
        self.slots = slots
    }

    private static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            let first = Int(bytes.first ?? 0), last = Int(bytes.last ?? 0)
            return (bytes.count &* 0x9E37) ^ (first &* 0x3B) ^ (last &* 0x1F5)
        }
    }

    func target(of key: String) -> Int? {
        var slot = Self.hash(key) & mask
        let length = key.utf8.count
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if names[index].utf8.count == length, names[index] == key { return targets[index] }
            slot = (slot + 1) & mask
        }
    }
}
