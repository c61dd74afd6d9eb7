extension JSONParser {
    mutating func string() throws(Problem) -> String {
        index += 1
        // Most strings have no escapes and become one String straight from their bytes;
        // building them scalar by scalar was a sixth of the time to check a JSON file.
        var result = ""
        var escaped = false
        var runStart = index
        func flush(_ end: Int) {
            if end > runStart { result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
        }
        while true {
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if !escaped {
                    let whole = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                    index += 1
                    return whole
                }
                flush(index)
                index += 1
                return result
            case UInt8(ascii: "\\"):
                escaped = true
                flush(index)
                let scalar = try escape()
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { mayHoldNonXMLCharacter = true }
                result.unicodeScalars.append(scalar)
                runStart = index
            case 0..<0x20:
                throw fail(.controlCharacter)
            case 0x80...:
                if byte == 0xEF { mayHoldNonXMLCharacter = true }
                lineHasMultiByte = true
                try skipUTF8Sequence()
            default:
                index += 1
                skipPlainRun()
            }
        }
    }

    /// Passes eight bytes at a time while none of them ends the string, starts an escape, is a
    /// control character or starts a multi-byte character: the long answers are mostly such runs.
    /// Where a word holds such a byte, it stops on that byte, so the end of a string is not
    /// stepped up to one byte at a time.
    mutating func skipPlainRun() {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080
        // The top bit of each byte whose low seven bits are zero (exact: no carry between bytes).
        func zeroBytes(_ word: UInt64) -> UInt64 { ~((word & lows) &+ lows) & highs }
        guard let base = bytes.baseAddress else { return }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            // 0x80 or more; below 0x20 (adding 0x60 to the low seven bits leaves the top bit
            // clear); a quote; a backslash.
            let stops = (word & highs) | (~((word & lows) &+ 0x6060_6060_6060_6060) & highs)
                | zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
            if stops != 0 {
                index += stops.trailingZeroBitCount / 8
                return
            }
            index += 8
        }
    }

    /// Checks one multi-byte UTF-8 sequence as RFC 3629 defines it: no overlongs, no surrogates.
    mutating func skipUTF8Sequence() throws(Problem) {
        guard let (length, low, high) = UTF8Check.sequence(startingWith: bytes[index]), index + length <= bytes.count else {
            throw fail(.invalidUTF8)
        }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (lo, hi) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lo && byte <= hi else { throw fail(.invalidUTF8) }
        }
        index += length
    }

    mutating func escape() throws(Problem) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw fail(.unexpectedEnd) }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4(escapeStart: start)
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail(.loneSurrogate, at: start)
                }
                index += 2
                let low = try hex4(escapeStart: start)
                guard (0xDC00...0xDFFF).contains(low) else { throw fail(.loneSurrogate, at: start) }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw fail(.loneSurrogate, at: start) }
            return scalar
        default:
            throw fail(.badEscape, at: start)
        }
    }

    mutating func hex4(escapeStart: Int) throws(Problem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail(.badEscape, at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail(.badEscape, at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? kept exactly as written.
    mutating func number() throws(Problem) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        func bad() -> Problem {
            while index < bytes.count, !Self.isDelimiter(bytes[index]), index - start < 40 { index += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return fail(.badNumber(text), at: start)
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw bad() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw bad()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw bad() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw bad() }
        }
        if index < bytes.count, !Self.isDelimiter(bytes[index]) { throw bad() }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(byte)
    }
}
