import Foundation

/// A calendar date without a time zone, which is all the rules need.
struct Day: Comparable, CustomStringConvertible {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        // Rules read dates many times a file, so this is a plain scan, not a regular expression.
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard bytes.count >= range.upperBound else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole months from this day to a later one (negative when the other is earlier).
    func months(until other: Day) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day { months -= 1 }
        return months
    }

    var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
