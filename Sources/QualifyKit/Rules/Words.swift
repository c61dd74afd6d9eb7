enum Words {
    /// The number of runs of non-space characters. Case studies are long, and looking up each
    /// character's properties was a tenth of the time per file, so ASCII text (most of it) is
    /// counted byte by byte, and other text scalar by scalar; only the rare text where joining
    /// scalars into characters could change the count keeps the exact character rules.
    static func count(_ text: String) -> Int {
        let ascii = text.utf8.withContiguousStorageIfAvailable(countASCII) ?? countASCII(Array(text.utf8))
        return ascii ?? countScalars(text) ?? text.split { $0.isWhitespace }.count
    }

    /// Words in ASCII bytes; nil at the first byte that is not ASCII. A word starts wherever a
    /// non-space byte follows a space (or the start). Eight bytes are read at once: answers run
    /// to thousands of bytes, and each is counted in every file.
    private static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var previousSpace: UInt64 = 1
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
                guard word & highBits == 0 else { return nil }
                let space = spaces(word)
                // Each byte's flag moves up one byte to meet the byte after it.
                let follows = space << 8 | previousSpace << 7
                count &+= (~space & highBits & follows).nonzeroBitCount
                previousSpace = space >> 63
                index += 8
            }
        }
        var before = Int(previousSpace)
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            let space = byte == 0x20 || (byte &- 0x09) < 5 ? 1 : 0
            count &+= before & (1 &- space)
            before = space
            index += 1
        }
        return count
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte set where the byte is a space, a tab or a line or page break
    /// (0x20, 0x09 to 0x0D). Every byte is below 0x80, so no sum carries into the next byte.
    private static func spaces(_ word: UInt64) -> UInt64 {
        let atLeastTab = (word &+ 0x7777_7777_7777_7777) & highBits
        let pastReturn = (word &+ 0x7272_7272_7272_7272) & highBits
        let other = word ^ 0x2020_2020_2020_2020
        let notBlank = ((other &+ 0x7F7F_7F7F_7F7F_7F7F) | other) & highBits
        return (~notBlank & highBits) | (atLeastTab & ~pastReturn)
    }

    private static func countASCII(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer(countASCII) }

    /// A character is white space when its first scalar is, so counting scalars agrees with
    /// counting characters unless a scalar joins a space to a neighbour: a combining mark, a
    /// joiner or a spacing mark after a space, or a "prepended" sign before one. Nil then.
    private static func countScalars(_ text: String) -> Int? {
        var count = 0
        var inWord = false
        var previous: UInt32 = 0x20
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let space = isSpace(value)
            if value >= 0x80, !space, isSpace(previous), joinsPrevious(scalar) { return nil }
            if space, !isControl(value), isPrepend(previous) { return nil }
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
            previous = value
        }
        return count
    }

    /// Unicode's White_Space property.
    private static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// Grapheme_Cluster_Break Extend (marks and emoji skin tones), ZWJ or SpacingMark.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200D || scalar.properties.isGraphemeExtend || scalar.properties.isEmojiModifier
            || scalar.properties.generalCategory == .spacingMark
    }

    /// Grapheme_Cluster_Break=Prepend (Unicode 15): these join the next character to themselves.
    private static func isPrepend(_ value: UInt32) -> Bool {
        switch value {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// The words joined by single spaces: every run of white space becomes one space, and none is
    /// left at either end. Byte by byte for ASCII, as in `count`; the form's hints go through
    /// this when the tool starts, and the character rules were a sixth of start-up.
    static func collapsed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.split { $0.isWhitespace }.joined(separator: " ") }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
