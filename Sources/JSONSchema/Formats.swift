typealias FormatCheck = @Sendable (String) -> Bool

/// Checks for the `format` values this validator can assert; unknown formats always pass, as
/// the spec requires.
enum Formats {
    static func check(for name: String) -> FormatCheck? {
        switch name {
        case "date": return { DateFormats.isDate(Array($0.utf8)[...]) }
        case "time": return { DateFormats.isTime(Array($0.utf8)[...]) }
        case "date-time": return DateFormats.isDateTime
        case "duration": return DateFormats.isDuration
        case "email": return { NetworkFormats.isEmail($0, international: false) }
        case "idn-email": return { NetworkFormats.isEmail($0, international: true) }
        case "hostname": return { NetworkFormats.isHostname($0, international: false) }
        case "idn-hostname": return { NetworkFormats.isHostname($0, international: true) }
        case "ipv4": return NetworkFormats.isIPv4
        case "ipv6": return NetworkFormats.isIPv6
        case "uri": return { URIFormats.isURI($0, international: false, relative: false) }
        case "uri-reference": return { URIFormats.isURI($0, international: false, relative: true) }
        case "iri": return { URIFormats.isURI($0, international: true, relative: false) }
        case "iri-reference": return { URIFormats.isURI($0, international: true, relative: true) }
        case "uri-template": return URIFormats.isTemplate
        case "uuid": return isUUID
        case "regex": return { ECMATranslator.translate($0, strict: true) != nil && ECMARegex.compile($0) != nil }
        case "json-pointer": return isJSONPointer
        case "relative-json-pointer": return isRelativeJSONPointer
        default: return nil
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    static func isJSONPointer(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.hasPrefix("/") else { return false }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "~") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "1") else { return false }
        }
        return true
    }

    /// A non-negative integer without leading zeros, then "#" or a JSON Pointer.
    static func isRelativeJSONPointer(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard index > 0, !(bytes[0] == UInt8(ascii: "0") && index > 1) else { return false }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        return rest == "#" || isJSONPointer(rest)
    }
}
