/// Characters one step of a pattern accepts, as ranges of Unicode scalar values.
struct ScalarSet: Hashable, Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool
    /// Sets whose opposites belong too: `[\s\S]` is white space plus everything else.
    var opposites: [[ClosedRange<UInt32>]] = []

    static func single(_ value: UInt32) -> ScalarSet { ScalarSet(ranges: [value...value], negated: false) }
    static let digit = ScalarSet(ranges: [0x30...0x39], negated: false)
    static let word = ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A], negated: false)
    /// ECMA-262 WhiteSpace and LineTerminator.
    static let space = ScalarSet(ranges: [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                          0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
                                          0xFEFF...0xFEFF], negated: false)
    /// `.`: anything but the four line terminators.
    static let dot = ScalarSet(ranges: [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029], negated: true)

    var inverted: ScalarSet { ScalarSet(ranges: ranges, negated: !negated) }

    /// The one character this set is, when it is one.
    var scalar: UInt32? {
        guard !negated, opposites.isEmpty, ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound else { return nil }
        return ranges[0].lowerBound
    }

    func contains(_ value: UInt32) -> Bool {
        let found = ranges.contains { $0.contains(value) } || opposites.contains { !$0.contains { $0.contains(value) } }
        return found != negated
    }
}

/// A pattern compiled for a Thompson-style matcher that follows every way through the
/// pattern at once, one character at a time: time grows with the length of the text, never
/// exponentially, and asking only whether a match exists needs no backtracking. JSON Schema
/// checks ask just that, for every string with a `pattern`, so this spares ICU (whose start-up
/// was a fifteenth of checking one small file) for the patterns it can read.
struct PatternProgram: Sendable {
    enum Step: Sendable {
        /// Takes one character in `sets[n]`.
        case accept(Int)
        case split(Int, Int)
        case jump(Int)
        case start, end
        case match
    }

    let steps: [Step]
    let sets: [ScalarSet]
    /// Every way through starts with `^`, so a match can start only at the beginning.
    let anchored: Bool
    /// Longer programs (large counted repeats) are left to ICU.
    static let limit = 5_000

    init?(_ pattern: String) {
        guard let tree = PatternParser.parse(pattern) else { return nil }
        var steps: [Step] = []
        var sets = Sets()
        guard Self.emit(tree, into: &steps, &sets) else { return nil }
        steps.append(.match)
        self.steps = steps
        self.sets = sets.all
        if case .start = steps[0] { anchored = true } else { anchored = false }
        table = TableWhenWorthIt()
    }

    /// The same pattern as a table, when it stays small enough (nearly always).
    var dfa: PatternDFA? { table.value { PatternDFA.make(self) } }
    let table: TableWhenWorthIt

    /// The steps reachable from `entries` without taking a character: those waiting for one,
    /// and whether the match is already made.
    func closure(_ entries: [Int], atStart: Bool, atEnd: Bool) -> (waiting: [Int], matched: Bool) {
        var seen = Set<Int>()
        var pending = Array(entries.reversed())
        var waiting: [Int] = []
        var matched = false
        while let step = pending.popLast() {
            guard seen.insert(step).inserted else { continue }
            switch follow(step, atStart: atStart, atEnd: atEnd, into: &pending) {
            case .waiting: waiting.append(step)
            case .matched: matched = true
            case .moved: break
            }
        }
        return (waiting, matched)
    }

    enum Reached { case waiting, matched, moved }

    /// One step followed without taking a character: where it leads goes on `pending`.
    func follow(_ step: Int, atStart: Bool, atEnd: Bool, into pending: inout [Int]) -> Reached {
        switch steps[step] {
        case .accept: return .waiting
        case .split(let one, let other):
            pending.append(other)
            pending.append(one)
        case .jump(let target): pending.append(target)
        case .start: if atStart { pending.append(step + 1) }
        case .end: if atEnd { pending.append(step + 1) }
        case .match: return .matched
        }
        return .moved
    }

    /// Each different set once: `[A-Z]{0,39}` repeats one set forty times, and the table is
    /// built from the different ones.
    private struct Sets {
        var all: [ScalarSet] = []
        var known: [ScalarSet: Int] = [:]
        /// Parts emitted so far: repeats of repeats of an empty group add no steps, so the step
        /// limit alone would not stop `((?:){99999}){99999}`.
        var visits = 0

        mutating func number(_ set: ScalarSet) -> Int {
            if let number = known[set] { return number }
            known[set] = all.count
            all.append(set)
            return all.count - 1
        }
    }

    private static func emit(_ node: PatternParser.Node, into steps: inout [Step], _ sets: inout Sets) -> Bool {
        sets.visits += 1
        guard steps.count < limit, sets.visits < limit * 10 else { return false }
        switch node {
        case .empty: return true
        case .set(let set):
            steps.append(.accept(sets.number(set)))
        case .start: steps.append(.start)
        case .end: steps.append(.end)
        case .sequence(let parts): return parts.allSatisfy { emit($0, into: &steps, &sets) }
        case .choice(let options):
            var jumps: [Int] = []
            for (number, option) in options.enumerated() {
                let split = steps.count
                if number < options.count - 1 { steps.append(.split(split + 1, -1)) }
                guard emit(option, into: &steps, &sets) else { return false }
                if number < options.count - 1 {
                    jumps.append(steps.count)
                    steps.append(.jump(-1))
                    steps[split] = .split(split + 1, steps.count)
                }
            }
            for jump in jumps { steps[jump] = .jump(steps.count) }
        case .repeated(let inner, let min, let max):
            for _ in 0..<min { guard emit(inner, into: &steps, &sets) else { return false } }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(steps.count)
                    steps.append(.split(steps.count + 1, -1))
                    guard emit(inner, into: &steps, &sets) else { return false }
                }
                for split in splits { steps[split] = .split(split + 1, steps.count) }
            } else {
                let split = steps.count
                steps.append(.split(split + 1, -1))
                guard emit(inner, into: &steps, &sets) else { return false }
                steps.append(.jump(split))
                steps[split] = .split(split + 1, steps.count)
            }
        }
        return steps.count < limit
    }
}
