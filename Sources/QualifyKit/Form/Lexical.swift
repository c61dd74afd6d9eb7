import Foundation

/// The lexical forms of XSD's built-in types, as the form uses them. The same tests serve XML
/// and JSON values, so a date written 31/03/2024 is caught the same way in both. Written as
/// small scanners rather than regular expressions: they run for every value of every file.
enum Lexical {
    /// How many Unicode scalars (XSD's characters) the text holds: its bytes less the UTF-8
    /// continuation bytes, counted over the bytes instead of decoding each scalar.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
            ?? text.unicodeScalars.count
    }

    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let whole = digits(&bytes)
        guard let dot = bytes.first else { return whole > 0 }
        guard dot == UInt8(ascii: ".") else { return false }
        bytes = bytes.dropFirst()
        let fraction = digits(&bytes)
        return bytes.isEmpty && whole + fraction > 0
    }

    static func isInteger(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return digits(&bytes) > 0 && bytes.isEmpty
    }

    /// A whole number written with a zero fraction, such as 12.0, which JSON Schema counts as an integer.
    static func isIntegralDecimal(_ text: String) -> Bool {
        guard isDecimal(text), let dot = text.firstIndex(of: ".") else { return false }
        return text[text.index(after: dot)...].allSatisfy { $0 == "0" } && !text.hasPrefix("+")
    }

    static func isDate(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        guard let (year, month, day) = calendarDay(&bytes) else { return false }
        return zone(&bytes) && bytes.isEmpty && isCalendarDate(year: year, month: month, day: day)
    }

    static func isDateTime(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        guard let (year, month, day) = calendarDay(&bytes), bytes.first == UInt8(ascii: "T") else { return false }
        bytes = bytes.dropFirst()
        guard let hour = number(&bytes, width: 2), take(":", &bytes), let minute = number(&bytes, width: 2),
              take(":", &bytes), let second = number(&bytes, width: 2) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits(&bytes) > 0 else { return false }
        }
        let clockOK = (hour < 24 && minute < 60 && second < 60) || (hour == 24 && minute == 0 && second == 0)
        return zone(&bytes) && bytes.isEmpty && clockOK && isCalendarDate(year: year, month: month, day: day)
    }

    static func isBoolean(_ text: String) -> Bool {
        ["true", "false", "1", "0"].contains(text)
    }

    /// Digits after the decimal point, ignoring trailing zeros as XSD does.
    static func fractionDigits(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction.count - fraction.reversed().prefix { $0 == "0" }.count
    }

    // MARK: scanning

    private static func digits(_ bytes: inout ArraySlice<UInt8>) -> Int {
        let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        bytes = bytes.dropFirst(count)
        return count
    }

    private static func number(_ bytes: inout ArraySlice<UInt8>, width: Int) -> Int? {
        let part = bytes.prefix(width)
        guard part.count == width, part.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        bytes = bytes.dropFirst(width)
        return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func take(_ character: Unicode.Scalar, _ bytes: inout ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: character) else { return false }
        bytes = bytes.dropFirst()
        return true
    }

    /// -?YYYY(Y…)-MM-DD
    private static func calendarDay(_ bytes: inout ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let negative = take("-", &bytes)
        let yearDigits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard yearDigits.count >= 4, yearDigits.count <= 9, let year = number(&bytes, width: yearDigits.count),
              take("-", &bytes), let month = number(&bytes, width: 2), take("-", &bytes), let day = number(&bytes, width: 2) else { return nil }
        return (negative ? -year : year, month, day)
    }

    /// Z, or +hh:mm / -hh:mm, or nothing.
    private static func zone(_ bytes: inout ArraySlice<UInt8>) -> Bool {
        if take("Z", &bytes) { return true }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return true }
        bytes = bytes.dropFirst()
        return number(&bytes, width: 2) != nil && take(":", &bytes) && number(&bytes, width: 2) != nil
    }

    private static func isCalendarDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

extension String {
    /// Without spaces, tabs and line breaks at either end: XSD's white space, and a fast path
    /// for the many values a file holds (Foundation's trimming goes through UTF-16).
    /// Whether every character is ASCII, so that reading by bytes reads the same characters.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// Whether anything is left once the XSD white space (space, tab, line feed, carriage
    /// return) is taken away: `!trimmedSpace.isEmpty`, without making the copy.
    /// On the string's own bytes: a section's text is the white space between its fields, read
    /// to its end for every section of every XML file, and the view's own stepping was most of that.
    var hasNonSpace: Bool {
        let isNonSpace = { (byte: UInt8) in byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
        return utf8.withContiguousStorageIfAvailable { $0.contains(where: isNonSpace) } ?? utf8.contains(where: isNonSpace)
    }

    var trimmedSpace: String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // On the string's own bytes: most answers neither start nor end with a space, which
        // the first and last byte say, and the views' own stepping was a cost of every rule.
        var text = self
        return text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start == 0, end == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
