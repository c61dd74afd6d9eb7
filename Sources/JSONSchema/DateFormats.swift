/// RFC 3339 dates and times, and ISO 8601 durations as RFC 3339 appendix A writes them.
enum DateFormats {
    typealias Bytes = ArraySlice<UInt8>

    private static func number(_ bytes: Bytes, _ start: Int, _ count: Int) -> Int? {
        let from = bytes.startIndex + start
        guard from + count <= bytes.endIndex else { return nil }
        var value = 0
        for byte in bytes[from..<(from + count)] {
            guard Formats.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func byte(_ bytes: Bytes, _ offset: Int) -> UInt8? {
        let index = bytes.startIndex + offset
        return index < bytes.endIndex ? bytes[index] : nil
    }

    /// full-date: YYYY-MM-DD with a real day of that month.
    static func isDate(_ bytes: Bytes) -> Bool {
        guard bytes.count == 10, byte(bytes, 4) == UInt8(ascii: "-"), byte(bytes, 7) == UInt8(ascii: "-"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// full-time: HH:MM:SS[.frac] then Z or ±HH:MM; a leap second only at 23:59 UTC.
    static func isTime(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 9, byte(bytes, 2) == UInt8(ascii: ":"), byte(bytes, 5) == UInt8(ascii: ":"),
              let hour = number(bytes, 0, 2), let minute = number(bytes, 3, 2), let second = number(bytes, 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var offset = 8
        if byte(bytes, offset) == UInt8(ascii: ".") {
            offset += 1
            let start = offset
            while let next = byte(bytes, offset), Formats.isDigit(next) { offset += 1 }
            guard offset > start else { return false }
        }
        var utcMinutes = hour * 60 + minute
        switch byte(bytes, offset) {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard bytes.count == offset + 1 else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == offset + 6, byte(bytes, offset + 3) == UInt8(ascii: ":"),
                  let offsetHour = number(bytes, offset + 1, 2), let offsetMinute = number(bytes, offset + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            let shift = offsetHour * 60 + offsetMinute
            utcMinutes += byte(bytes, offset) == UInt8(ascii: "+") ? -shift : shift
        default:
            return false
        }
        if second == 60 {
            let minutesOfDay = ((utcMinutes % 1440) + 1440) % 1440
            return minutesOfDay == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)[...]
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// P then date parts (Y, M, D in order), an optional T with time parts (H, M, S in order),
    /// or weeks alone. Every present part has digits; at least one part is present.
    static func isDuration(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        guard bytes.popFirst() == UInt8(ascii: "P"), !bytes.isEmpty else { return false }
        func parts(_ units: [UInt8]) -> (count: Int, ok: Bool) {
            var next = 0
            var count = 0
            while let first = bytes.first, Formats.isDigit(first) {
                var digits = 0
                while let digit = bytes.first, Formats.isDigit(digit) { bytes.removeFirst(); digits += 1 }
                guard let unit = bytes.popFirst(), let position = units[next...].firstIndex(of: unit) else { return (count, false) }
                // A unit may only follow the one before it directly (no 1Y1D, no 1H1S).
                if count > 0 && position != next { return (count, false) }
                next = position + 1
                count += 1
                if next == units.count { break }
            }
            return (count, true)
        }
        if let first = bytes.first, Formats.isDigit(first), bytes.last == UInt8(ascii: "W") {
            bytes.removeLast()
            return !bytes.isEmpty && bytes.allSatisfy(Formats.isDigit)
        }
        let date = parts(Array("YMD".utf8))
        guard date.ok else { return false }
        if bytes.isEmpty { return date.count > 0 }
        guard bytes.popFirst() == UInt8(ascii: "T") else { return false }
        let time = parts(Array("HMS".utf8))
        return time.ok && time.count > 0 && bytes.isEmpty
    }
}
