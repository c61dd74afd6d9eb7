extension PatternProgram {
    /// Whether the pattern matches anywhere in the text, as ECMA-262's `test` does, character
    /// (Unicode scalar) by character, as ICU matched before.
    func matches(_ text: String) -> Bool {
        if let made = table.madeTable { return made?.matches(text) ?? matchesStepByStep(text) }
        if let answer = table.matches(text, { PatternDFA.make(self) }) { return answer }
        return matchesStepByStep(text)
    }

    /// Without the table: until the table is worth making, and for patterns whose table would
    /// be too large.
    func matchesStepByStep(_ text: String) -> Bool {
        var run = Run(program: self)
        return run.matches(text)
    }

    private struct Run {
        let program: PatternProgram
        /// The character count at which each step was last added, so each is followed once.
        var seen: [Int]
        var generation = 0
        var current: [Int] = []
        var next: [Int] = []
        var pending: [Int] = []

        init(program: PatternProgram) {
            self.program = program
            seen = Array(repeating: -1, count: program.steps.count)
        }

        /// Adds every step reachable from `first` without taking a character; true at a match.
        mutating func add(_ first: Int, atStart: Bool, atEnd: Bool) -> Bool {
            pending.append(first)
            while let step = pending.popLast() {
                if seen[step] == generation { continue }
                seen[step] = generation
                switch program.follow(step, atStart: atStart, atEnd: atEnd, into: &pending) {
                case .waiting: next.append(step)
                case .matched:
                    pending.removeAll()
                    return true
                case .moved: break
                }
            }
            return false
        }

        mutating func matches(_ text: String) -> Bool {
            let view = text.unicodeScalars
            var position = view.startIndex
            if add(0, atStart: true, atEnd: position == view.endIndex) { return true }
            swap(&current, &next)
            while position != view.endIndex {
                let value = view[position].value
                view.formIndex(after: &position)
                let atEnd = position == view.endIndex
                generation += 1
                next.removeAll(keepingCapacity: true)
                for step in current {
                    guard case .accept(let set) = program.steps[step], program.sets[set].contains(value) else { continue }
                    if add(step + 1, atStart: false, atEnd: atEnd) { return true }
                }
                if !program.anchored, add(0, atStart: false, atEnd: atEnd) { return true }
                swap(&current, &next)
                if current.isEmpty, program.anchored { return false }
            }
            return false
        }
    }
}
