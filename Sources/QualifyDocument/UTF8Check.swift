/// Whether bytes are well-formed UTF-8, read in place. The standard library's check makes a
/// string of the whole file (an allocation and a copy) only for it to be thrown away; files are
/// mostly ASCII, which this passes eight bytes at a time.
enum UTF8Check {
    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard let length = sequenceLength(base, at: index, count: count) else { return false }
                index += length
            }
            return true
        }
    }

    /// For a byte that starts a multi-byte sequence, the sequence's length and the range its
    /// second byte must fall in (the Unicode Standard, 3.9, table 3-7: no overlongs, no
    /// surrogates, nothing past U+10FFFF); nil for a byte that cannot start one.
    static func sequence(startingWith lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The length of the well-formed sequence starting with a non-ASCII byte, or nil when the
    /// bytes there are not one.
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        guard let (length, low, high) = sequence(startingWith: base[index]), index + length <= count else { return nil }
        let second = base[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
