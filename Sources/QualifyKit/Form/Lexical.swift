import Foundation

/// The lexical forms of XSD's built-in types, as the form uses them. The same tests serve XML
/// and JSON values, so a date written 31/03/2024 is caught the same way in both.
enum Lexical {
    static func isDecimal(_ text: String) -> Bool {
        text.wholeMatch(of: /[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)/) != nil
    }

    static func isInteger(_ text: String) -> Bool {
        text.wholeMatch(of: /[+-]?[0-9]+/) != nil
    }

    static func isDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?/) else {
            return false
        }
        return isCalendarDate(year: Int(match.1), month: Int(match.2), day: Int(match.3))
    }

    static func isDateTime(_ text: String) -> Bool {
        guard let match = text.wholeMatch(
            of: /(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?/)
        else { return false }
        guard let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6) else { return false }
        let clockOK = (hour < 24 && minute < 60 && second < 60) || (hour == 24 && minute == 0 && second == 0)
        return clockOK && isCalendarDate(year: Int(match.1), month: Int(match.2), day: Int(match.3))
    }

    static func isBoolean(_ text: String) -> Bool {
        ["true", "false", "1", "0"].contains(text)
    }

    private static func isCalendarDate(year: Int?, month: Int?, day: Int?) -> Bool {
        guard let year, let month, let day, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Digits after the decimal point, ignoring trailing zeros as XSD does.
    static func fractionDigits(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction.count - fraction.reversed().prefix { $0 == "0" }.count
    }
}
