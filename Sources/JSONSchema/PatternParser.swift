/// Reads the common part of ECMA-262 pattern syntax (literals, `.`, classes, `\d \w \s` and
/// their opposites, groups, alternation, greedy or lazy repeats, `^` and `$`) for the
/// matcher in PatternProgram. Anything else (look-arounds, back-references, `\b`, `\p{...}`,
/// `\u` escapes, Annex B oddities, even a doubtful edge) makes it give up, and the pattern
/// goes to ICU as before, which also decides whether such a pattern is valid at all.
struct PatternParser {
    indirect enum Node {
        case empty
        case set(ScalarSet)
        case start, end
        case sequence([Node])
        case choice([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    static func parse(_ pattern: String) -> Node? {
        var parser = PatternParser(pattern)
        guard let node = parser.choice(), parser.index == parser.scalars.count else { return nil }
        return node
    }

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func choice() -> Node? {
        var options: [Node] = []
        while true {
            guard let option = sequence() else { return nil }
            options.append(option)
            guard next == "|" else { break }
            index += 1
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    private mutating func sequence() -> Node? {
        var parts: [Node] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            guard let atom = atom() else { return nil }
            guard let part = repeats(atom) else { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? .empty : parts.count == 1 ? parts[0] : .sequence(parts)
    }

    private mutating func atom() -> Node? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "^": return .start
        case "$": return .end
        case ".": return .set(.dot)
        case "[": return characterClass()
        case "\\": return escape().map(Node.set)
        case "(":
            if next == "?" {
                guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
                index += 2
            }
            guard let inner = choice(), next == ")" else { return nil }
            index += 1
            return inner
        case "*", "+", "?", "{", "}", "]", ")", "|": return nil
        default: return .set(.single(scalar.value))
        }
    }

    private mutating func repeats(_ atom: Node) -> Node? {
        let bounds: (Int, Int?)
        switch next {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            index += 1
            guard let low = number() else { return nil }
            var high: Int? = low
            if next == "," {
                index += 1
                high = next == "}" ? nil : number()
                if high == nil, next != "}" { return nil }
            }
            guard next == "}", high.map({ $0 >= low }) ?? true else { return nil }
            index += 1
            bounds = (low, high)
        default: return atom
        }
        switch atom {
        case .start, .end, .empty: return nil
        default: break
        }
        if next == "?" { index += 1 } // lazy: whether any match exists does not depend on it
        if let following = next, "*+?{".unicodeScalars.contains(following) { return nil }
        return .repeated(atom, min: bounds.0, max: bounds.1)
    }

    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while let scalar = next, ("0"..."9").contains(scalar), digits < 6 {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            index += 1
        }
        return digits == 0 || (next.map { ("0"..."9").contains($0) } ?? false) ? nil : value
    }

    private mutating func characterClass() -> Node? {
        var negated = false
        if next == "^" { negated = true; index += 1 }
        var set = ScalarSet(ranges: [], negated: negated)
        while let scalar = next, scalar != "]" {
            index += 1
            let low: ScalarSet
            if scalar == "\\" {
                guard let escaped = escape() else { return nil }
                low = escaped
            } else if scalar == "[" {
                return nil
            } else {
                low = .single(scalar.value)
            }
            if next == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                // A range: both ends must be single characters.
                guard let from = low.scalar, scalars[index + 1] != "\\", scalars[index + 1] != "[" else { return nil }
                let high = scalars[index + 1].value
                guard from <= high else { return nil }
                set.ranges.append(from...high)
                index += 2
            } else if low.negated {
                set.opposites.append(low.ranges)
            } else {
                set.ranges += low.ranges
            }
        }
        guard next == "]" else { return nil }
        index += 1
        return .set(set)
    }

    private mutating func escape() -> ScalarSet? {
        guard let letter = next else { return nil }
        index += 1
        switch letter {
        case "d": return .digit
        case "D": return .digit.inverted
        case "w": return .word
        case "W": return .word.inverted
        case "s": return .space
        case "S": return .space.inverted
        case "t": return .single(0x09)
        case "n": return .single(0x0A)
        case "v": return .single(0x0B)
        case "f": return .single(0x0C)
        case "r": return .single(0x0D)
        default:
            // Only punctuation escapes itself for certain; letters and digits mean something else.
            guard letter.isASCII, !letter.properties.isAlphabetic, !("0"..."9").contains(letter), letter != "_" else { return nil }
            return .single(letter.value)
        }
    }
}
