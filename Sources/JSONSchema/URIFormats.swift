/// URIs and IRIs (RFC 3986, RFC 3987) and URI templates (RFC 6570), checked by grammar.
enum URIFormats {
    private static let unreservedMarks = Set("-._~".unicodeScalars)
    private static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

    private static func isUnreserved(_ scalar: Unicode.Scalar, international: Bool) -> Bool {
        if scalar.isASCII {
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || unreservedMarks.contains(scalar)
        }
        // ucschar of RFC 3987: anything beyond ASCII except controls and specials.
        return international && scalar.value >= 0xA0 && !(0xFDD0...0xFDEF).contains(scalar.value) && scalar.value & 0xFFFE != 0xFFFE
    }

    /// Whether every character is allowed in this URI part; percent signs need two hex digits.
    private static func isValid(_ part: Substring, extra: Set<Unicode.Scalar>, international: Bool) -> Bool {
        let scalars = Array(part.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].isASCII, scalars[index + 2].isASCII,
                      Formats.isHex(UInt8(scalars[index + 1].value)), Formats.isHex(UInt8(scalars[index + 2].value)) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(scalar, international: international) || subDelims.contains(scalar) || extra.contains(scalar) else {
                return false
            }
            index += 1
        }
        return true
    }

    static func isURI(_ text: String, international: Bool, relative: Bool) -> Bool {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            guard isValid(rest[rest.index(after: hash)...], extra: Set(":@/?".unicodeScalars), international: international) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard isValid(rest[rest.index(after: question)...], extra: Set(":@/?".unicodeScalars), international: international) else { return false }
            rest = rest[..<question]
        }
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            let scheme = rest[..<colon]
            guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
                  scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
            else { return false }
            hasScheme = true
            rest = rest[rest.index(after: colon)...]
        }
        if !hasScheme && !relative { return false }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end], international: international) else { return false }
            rest = afterSlashes[end...]
        }
        return isValid(rest, extra: Set(":@/".unicodeScalars), international: international)
    }

    private static func isAuthority(_ authority: Substring, international: Bool) -> Bool {
        var host = authority
        if let at = host.lastIndex(of: "@") {
            guard isValid(host[..<at], extra: [":"], international: international) else { return false }
            host = host[host.index(after: at)...]
        }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            let port = host[host.index(after: close)...]
            guard port.isEmpty || (port.hasPrefix(":") && port.dropFirst().utf8.allSatisfy(Formats.isDigit)) else { return false }
            if literal.hasPrefix("v") || literal.hasPrefix("V") { return literal.contains(".") }
            return NetworkFormats.isIPv6(String(literal))
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].utf8.allSatisfy(Formats.isDigit) else { return false }
            host = host[..<colon]
        }
        return isValid(host, extra: [], international: international)
    }

    /// Literals with percent-encoding, and {expressions} of an optional operator and a list of
    /// varspecs (name, then * or :length of 1-4 digits).
    static func isTemplate(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "{" {
                guard let close = scalars.firstIndex(of: "}") else { return false }
                guard isExpression(scalars[scalars.startIndex..<close]) else { return false }
                scalars = scalars[(close + 1)...]
            } else if scalar == "%" {
                guard scalars.count >= 2, let a = scalars.popFirst(), let b = scalars.popFirst(), a.isASCII, b.isASCII,
                      Formats.isHex(UInt8(a.value)), Formats.isHex(UInt8(b.value)) else { return false }
            } else if scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`|}".unicodeScalars.contains(scalar) {
                return false
            }
        }
        return true
    }

    private static func isExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var body = body
        if let first = body.first, "+#./;?&=,!@|".unicodeScalars.contains(first) {
            guard "+#./;?&".unicodeScalars.contains(first) else { return false }
            body = body.dropFirst()
        }
        for spec in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = spec
            if name.last == "*" {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let digits = name[(colon + 1)...]
                guard (1...4).contains(digits.count), digits.first != "0",
                      digits.allSatisfy({ $0.isASCII && Formats.isDigit(UInt8($0.value)) }) else { return false }
                name = name[..<colon]
            }
            guard isVariableName(name) else { return false }
        }
        return true
    }

    private static func isVariableName(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
        var index = name.startIndex
        var previousDot = false
        while index < name.endIndex {
            let scalar = name[index]
            if scalar == "%" {
                guard index + 2 < name.endIndex, name[index + 1].isASCII, name[index + 2].isASCII,
                      Formats.isHex(UInt8(name[index + 1].value)), Formats.isHex(UInt8(name[index + 2].value)) else { return false }
                index += 3
                previousDot = false
                continue
            }
            if scalar == "." {
                if previousDot { return false }
                previousDot = true
            } else {
                guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" else { return false }
                previousDot = false
            }
            index += 1
        }
        return true
    }
}
