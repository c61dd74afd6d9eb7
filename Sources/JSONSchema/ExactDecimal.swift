/// A JSON number read exactly from its text: sign, decimal digits and a power of ten. Binary
/// floating point would call 0.3 a non-multiple of 0.1 and overflow on 1e308 / 0.1, so every
/// numeric keyword works on this form instead.
struct ExactDecimal: Sendable, Hashable, Comparable {
    var negative: Bool
    /// Most significant first, no leading or trailing zeros; empty means zero.
    var digits: [UInt8]
    /// The value is digits × 10^exponent.
    var exponent: Int

    static let zero = ExactDecimal(negative: false, digits: [], exponent: 0)

    /// Reads a JSON number; nil when the text is not one.
    init?(_ text: String) {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        var sawDigit = false, inFraction = false
        while let byte = bytes.first {
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                if !(digits.isEmpty && byte == 0x30) { digits.append(byte - 0x30) }
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let byte = bytes.first {
            guard byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") else { return nil }
            bytes = bytes.dropFirst()
            var expNegative = false
            if bytes.first == UInt8(ascii: "-") { expNegative = true; bytes = bytes.dropFirst() }
            else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty else { return nil }
            for byte in bytes {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                // Exponents beyond this are absurd; clamping keeps the arithmetic in range.
                if exponent < 1 << 40 { exponent = exponent * 10 + Int(byte - 0x30) }
            }
            if expNegative { exponent = -exponent }
        }
        self.init(negative: negative, digits: digits, exponent: exponent - fractionDigits)
    }

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.negative = digits.isEmpty ? false : negative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    init(_ value: Int) {
        self.init(String(value))!
    }

    var isZero: Bool { digits.isEmpty }
    var isInteger: Bool { exponent >= 0 }

    /// The position of the leading digit, so magnitudes compare without expanding digits.
    private var magnitudeOrder: Int { digits.count + exponent }

    static func compareMagnitude(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.isZero || b.isZero { return (a.isZero ? 0 : 1) - (b.isZero ? 0 : 1) }
        if a.magnitudeOrder != b.magnitudeOrder { return a.magnitudeOrder < b.magnitudeOrder ? -1 : 1 }
        for index in 0..<max(a.digits.count, b.digits.count) {
            let x = index < a.digits.count ? a.digits[index] : 0
            let y = index < b.digits.count ? b.digits[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let order = compareMagnitude(lhs, rhs)
        return lhs.negative ? order > 0 : order < 0
    }

    /// A non-negative integer value clamped to Int, for limits such as maxLength.
    var clampedInt: Int? {
        guard isInteger else { return nil }
        if negative { return nil }
        if magnitudeOrder > 18 { return Int.max }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit) }
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Whether self ÷ divisor is an integer, decided exactly. The divisor's factors of 2 and 5
    /// are cancelled against the power of ten first, so 1e308 never expands to 309 digits.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        let shift = exponent - divisor.exponent
        if shift >= 0 {
            var reduced = divisor.digits
            var twos = 0, fives = 0
            while twos < shift, let half = BigDigits.divide(reduced, by: 2) { reduced = half; twos += 1 }
            while fives < shift, let fifth = BigDigits.divide(reduced, by: 5) { reduced = fifth; fives += 1 }
            return BigDigits.isDivisible(digits, by: reduced)
        }
        // The divisor gains -shift zeros; it cannot divide a number with fewer digits.
        if -shift > digits.count { return false }
        return BigDigits.isDivisible(digits, by: divisor.digits + [UInt8](repeating: 0, count: -shift))
    }

    var description: String {
        if isZero { return "0" }
        var text = negative ? "-" : ""
        text += digits.map { String($0) }.joined()
        if exponent != 0 { text += "e\(exponent)" }
        return text
    }
}

/// Arithmetic on plain decimal digit arrays, enough for exact divisibility.
enum BigDigits {
    /// The exact quotient by a small divisor, or nil when there is a remainder.
    static func divide(_ digits: [UInt8], by divisor: Int) -> [UInt8]? {
        var quotient: [UInt8] = []
        quotient.reserveCapacity(digits.count)
        var remainder = 0
        for digit in digits {
            let current = remainder * 10 + Int(digit)
            let q = current / divisor
            remainder = current % divisor
            if !(quotient.isEmpty && q == 0) { quotient.append(UInt8(q)) }
        }
        return remainder == 0 ? quotient : nil
    }

    /// Long division, one digit at a time, keeping only the remainder.
    static func isDivisible(_ dividend: [UInt8], by divisor: [UInt8]) -> Bool {
        if divisor == [1] { return true }
        if divisor.count <= 17 {
            var small = 0
            for digit in divisor { small = small * 10 + Int(digit) }
            var remainder = 0
            for digit in dividend { remainder = (remainder * 10 + Int(digit)) % small }
            return remainder == 0
        }
        var remainder: [UInt8] = []
        for digit in dividend {
            remainder.append(digit)
            if remainder.first == 0 { remainder.removeFirst() }
            while compare(remainder, divisor) >= 0 { remainder = subtract(remainder, divisor) }
        }
        return remainder.isEmpty
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    /// a - b for a >= b, without leading zeros.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow = 0
        var bi = b.count - 1
        for ai in stride(from: a.count - 1, through: 0, by: -1) {
            var value = Int(result[ai]) - borrow - (bi >= 0 ? Int(b[bi]) : 0)
            borrow = 0
            if value < 0 { value += 10; borrow = 1 }
            result[ai] = UInt8(value)
            bi -= 1
        }
        while result.first == 0 { result.removeFirst() }
        return result
    }
}
