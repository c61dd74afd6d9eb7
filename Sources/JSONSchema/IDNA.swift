/// Punycode (RFC 3492) and the IDNA 2008 label rules (RFC 5891-5893) that can be judged
/// without the full Unicode tables: character classes come from general categories and script
/// ranges, so this is close to, not exactly, the registry's rules.
enum IDNA {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 0x80

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0")) + 26
        default: return nil
        }
    }

    static func decode(_ text: Substring) -> [Unicode.Scalar]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let split = bytes.lastIndex(of: UInt8(ascii: "-"))
        var output: [Unicode.Scalar] = (split.map { bytes[..<$0] } ?? []).map { Unicode.Scalar($0) }
        var index = split.map { $0 + 1 } ?? 0
        var n = initialN, bias = initialBias, i = 0
        while index < bytes.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard index < bytes.count, let digit = digitValue(bytes[index]) else { return nil }
                index += 1
                i += digit * weight
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                weight *= base - t
                k += base
                if i > 0x10FFFF * 64 || weight > 0x10FFFF * 64 { return nil }
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard let scalar = Unicode.Scalar(UInt32(clamping: n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    static func encode(_ input: [Unicode.Scalar]) -> String {
        var output = String(String.UnicodeScalarView(input.filter(\.isASCII)))
        let basic = output.unicodeScalars.count
        var handled = basic
        if basic > 0 { output += "-" }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            let m = input.map { Int($0.value) }.filter { $0 >= n }.min()!
            delta += (m - n) * (handled + 1)
            n = m
            for scalar in input {
                let value = Int(scalar.value)
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.unicodeScalars.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.unicodeScalars.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basic)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func digit(_ value: Int) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(value < 26 ? value + 97 : value + 22))
    }

    /// The U-label an A-label ("xn--...") stands for, when it decodes, holds something beyond
    /// ASCII, encodes back to itself, and is a valid U-label.
    static func uLabel(fromALabel label: Substring) -> [Unicode.Scalar]? {
        let body = label.dropFirst(4)
        guard let decoded = decode(body), !decoded.allSatisfy(\.isASCII),
              encode(decoded) == body.lowercased(), isULabel(decoded) else { return nil }
        return decoded
    }

    /// The IDNA 2008 rules for one label, as far as they can be judged here.
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, let last = label.last, first != "-", last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        if isMark(first) { return false }
        let asciiLength = label.allSatisfy(\.isASCII) ? label.count : 4 + encode(label).utf8.count
        guard asciiLength <= 63 else { return false }
        for (index, scalar) in label.enumerated() where !isAllowed(scalar, at: index, in: label) { return false }
        let digits = Set(label.map(\.value).filter { (0x660...0x669).contains($0) || (0x6F0...0x6F9).contains($0) }.map { $0 < 0x6F0 })
        return digits.count < 2
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar, at index: Int, in label: [Unicode.Scalar]) -> Bool {
        let before = index > 0 ? label[index - 1] : nil
        let after = index + 1 < label.count ? label[index + 1] : nil
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D: return true
        case 0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007: return true
        case 0x640, 0x7FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false
        case 0xB7: return before == "l" && after == "l"
        case 0x375: return after.map { Script.isGreek($0) } ?? false
        case 0x5F3, 0x5F4: return before.map { Script.isHebrew($0) } ?? false
        case 0x30FB: return label.contains { $0 != "\u{30FB}" && Script.isJapaneseOrHan($0) }
        case 0x200D: return before?.properties.canonicalCombiningClass == .virama
        case 0x200C:
            if before?.properties.canonicalCombiningClass == .virama { return true }
            let left = label[..<index].reversed().first { !isMark($0) }
            let right = label[(index + 1)...].first { !isMark($0) }
            return left.map(Script.isJoining) == true && right.map(Script.isJoining) == true
        default:
            guard !scalar.isASCII else { return false }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .otherLetter, .modifierLetter, .decimalNumber, .nonspacingMark, .spacingMark:
                return scalar.properties.changesWhenNFKCCaseFolded == false
            default:
                return false
            }
        }
    }
}
