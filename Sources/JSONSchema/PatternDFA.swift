import Foundation
import Synchronization

/// A pattern's program turned into a table: one lookup for each character of the text. The
/// program follows every way through at once, which for a long free-text answer checked with
/// `[\s\S]*` was more work per character than ICU; the table does that work once, when the
/// pattern has seen enough text to repay it (`TableWhenWorthIt`). Characters are grouped into classes the pattern cannot tell apart,
/// so the table stays small. Built only for programs of up to `stepLimit` steps and tables of
/// up to `cellLimit` cells, so that a hostile pattern cannot make compiling slow.
final class PatternDFA: @unchecked Sendable {
    static let stepLimit = 1_000
    static let cellLimit = 20_000

    // @unchecked: the buffers below are filled in `init` and only read after it. They are
    // buffers rather than arrays so that matching, done for most strings of every file, reads
    // them without counting references to them.
    /// The class of each ASCII character.
    private let asciiClass: UnsafeMutableBufferPointer<UInt8>
    /// `next[state * classCount + class]`; -1 when no match can follow.
    private let next: UnsafeMutableBufferPointer<Int32>
    /// For each state, `matchesBeforeEnd`, `matchesAtEnd` and `matchesWhateverFollows` as bits.
    private let flags: UnsafeMutableBufferPointer<UInt8>
    private static let beforeEnd: UInt8 = 1, atEnd: UInt8 = 2
    /// States that every character leads back to and that match at the end: whatever follows,
    /// the text matches, so reading stops there. `^(?:\s*\S[\s\S]*)$` (not blank) reaches one
    /// at the first letter of a long answer.
    private static let whateverFollows: UInt8 = 4
    /// Starts of the ranges of characters, each with its class, for characters beyond ASCII.
    private let starts: [UInt32]
    private let classOfRange: [Int]
    private let classCount: Int

    private init(asciiClass: [UInt8], starts: [UInt32], classOfRange: [Int], classCount: Int, next: [Int32],
                 matchesBeforeEnd: [Bool], matchesAtEnd: [Bool]) {
        self.asciiClass = .allocate(capacity: asciiClass.count)
        _ = self.asciiClass.initialize(from: asciiClass)
        self.next = .allocate(capacity: next.count)
        _ = self.next.initialize(from: next)
        self.starts = starts
        self.classOfRange = classOfRange
        self.classCount = classCount
        flags = .allocate(capacity: matchesAtEnd.count)
        for state in matchesAtEnd.indices {
            let whatever = matchesAtEnd[state] && (0..<classCount).allSatisfy { next[state * classCount + $0] == Int32(state) }
            flags[state] = (matchesBeforeEnd[state] ? Self.beforeEnd : 0) | (matchesAtEnd[state] ? Self.atEnd : 0)
                | (whatever ? Self.whateverFollows : 0)
        }
    }

    deinit {
        asciiClass.deallocate()
        next.deallocate()
        flags.deallocate()
    }

    /// Everything is worked out first and stored at the end, so a table given up half-way
    /// leaves nothing half-made behind. A class, so that matching copies no arrays.
    static func make(_ program: PatternProgram) -> PatternDFA? { build(program) }

    private static func build(_ program: PatternProgram) -> PatternDFA? {
        guard program.steps.count <= Self.stepLimit else { return nil }
        var bounds: Set<UInt32> = [0, 0x80, 0x110000]
        for set in program.sets {
            for range in set.ranges + set.opposites.flatMap({ $0 }) {
                bounds.insert(range.lowerBound)
                if range.upperBound < 0x10FFFF { bounds.insert(range.upperBound + 1) }
            }
        }
        let starts = bounds.sorted().dropLast()
        var classOf: [[Bool]: Int] = [:]
        var classOfRange: [Int] = []
        var members: [[Bool]] = []
        for start in starts {
            let signature = program.sets.map { $0.contains(start) }
            if classOf[signature] == nil {
                classOf[signature] = members.count
                members.append(signature)
            }
            classOfRange.append(classOf[signature]!)
        }
        let classCount = members.count
        guard classCount < 256 else { return nil }
        let boundaries = Array(starts)
        var ascii = [UInt8](repeating: 0, count: 128)
        var range = 0
        for value in 0..<128 {
            while range + 1 < boundaries.count, UInt32(value) >= boundaries[range + 1] { range += 1 }
            ascii[value] = UInt8(classOfRange[range])
        }

        // States are the steps waiting to be entered, with whether the text has just begun.
        struct Key: Hashable { let entries: [Int]; let atStart: Bool }
        var ids: [Key: Int] = [:]
        var keys: [Key] = []
        func id(_ key: Key) -> Int {
            if let known = ids[key] { return known }
            ids[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        _ = id(Key(entries: [0], atStart: true))
        var next: [Int32] = []
        var before: [Bool] = [], atEnd: [Bool] = []
        var state = 0
        while state < keys.count {
            guard keys.count * classCount <= Self.cellLimit else { return nil }
            let key = keys[state]
            let open = program.closure(key.entries, atStart: key.atStart, atEnd: false)
            before.append(open.matched)
            atEnd.append(program.closure(key.entries, atStart: key.atStart, atEnd: true).matched)
            for member in members {
                var entries = Set(open.waiting.filter { step in
                    guard case .accept(let set) = program.steps[step] else { return false }
                    return member[set]
                }.map { $0 + 1 })
                if !program.anchored { entries.insert(0) }
                next.append(entries.isEmpty ? -1 : Int32(id(Key(entries: entries.sorted(), atStart: false))))
            }
            state += 1
        }
        return PatternDFA(asciiClass: ascii, starts: boundaries, classOfRange: classOfRange, classCount: classCount, next: next,
                          matchesBeforeEnd: before, matchesAtEnd: atEnd)
    }

    func matches(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(matches(utf8:)) { return result }
        return matches(scalars: text)
    }

    /// The same over the string's own bytes: decoding scalars through the string's views was
    /// most of the time spent matching.
    private func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (asciiClass, next, flags, classCount) = (asciiClass, next, flags, classCount)
        let stop = Self.beforeEnd | Self.whateverFollows
        var state = 0
        var index = 0
        while index < bytes.count {
            if flags[state] & stop != 0 { return true }
            let lead = bytes[index]
            let group: Int
            if lead < 0x80 {
                group = Int(asciiClass[Int(lead)])
                index += 1
            } else {
                // A String's bytes are well-formed UTF-8.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                group = classOf(value)
                index += length
            }
            let following = next[state * classCount + group]
            if following < 0 { return false }
            state = Int(following)
        }
        return flags[state] & Self.atEnd != 0
    }

    func matches(scalars text: String) -> Bool {
        var state = 0
        for scalar in text.unicodeScalars {
            if flags[state] & (Self.beforeEnd | Self.whateverFollows) != 0 { return true }
            let value = scalar.value
            let group = value < 128 ? Int(asciiClass[Int(value)]) : classOf(value)
            let following = next[state * classCount + group]
            if following < 0 { return false }
            state = Int(following)
        }
        return flags[state] & Self.atEnd != 0
    }

    private func classOf(_ value: UInt32) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return classOfRange[low]
    }
}

/// A pattern's table, made once the pattern has been matched against enough text to repay
/// making it: one small file checks a few short values against each pattern, and following
/// the program step by step costs less than building tables it will hardly use.
final class TableWhenWorthIt: @unchecked Sendable {
    static let worthIt = 4_096
    // Counting is guarded by the lock. The table is made once, before `ready` is set, and never
    // changed after, so from then on it is read without the lock, which every worker would
    // otherwise queue on; it sits in a class so that reading it copies none of its arrays.
    private let lock = NSLock()
    private var characters = 0
    private let ready = Atomic<Bool>(false)
    private var made: Made?

    private final class Made: Sendable {
        let table: PatternDFA?
        init(_ table: PatternDFA?) { self.table = table }
    }

    /// The table once it is made (nil inside when the pattern has none); nil before. Reading it
    /// takes no lock and no closure, so the usual case captures nothing.
    var madeTable: PatternDFA?? {
        guard ready.load(ordering: .acquiring), let made else { return nil }
        return .some(made.table)
    }

    /// The table's answer once there is a table; nil until then, and for a pattern with none.
    func matches(_ text: String, _ make: () -> PatternDFA?) -> Bool? {
        lookUp(after: text.utf8.count, make)?.table?.matches(text)
    }

    /// The table if it is made, after counting `length` more characters towards making it.
    func table(after length: Int, _ make: () -> PatternDFA?) -> PatternDFA? {
        lookUp(after: length, make)?.table
    }

    private func lookUp(after length: Int, _ make: () -> PatternDFA?) -> Made? {
        if ready.load(ordering: .acquiring) { return made }
        lock.lock()
        defer { lock.unlock() }
        if ready.load(ordering: .relaxed) { return made }
        characters += length + 16
        guard characters >= Self.worthIt else { return nil }
        made = Made(make())
        ready.store(true, ordering: .releasing)
        return made
    }

    /// The table, made now if it is not made yet.
    func value(_ make: () -> PatternDFA?) -> PatternDFA? { table(after: Self.worthIt, make) }
}
