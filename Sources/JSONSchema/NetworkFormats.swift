import Foundation

/// Host names, IP addresses and e-mail addresses.
enum NetworkFormats {
    /// Dotted decimal, four parts of 0-255, no leading zeros.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy(Formats.isDigit),
                  !(part.count > 1 && part.hasPrefix("0")), let value = Int(part), value <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 text form: up to eight hex groups, one "::" at most, an IPv4 tail allowed.
    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ Formats.isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
            return false
        }
        var groups = 0
        var body = Substring(text)
        if let lastColon = body.lastIndex(of: ":"), body[lastColon...].contains(".") {
            guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
            body = body[...lastColon]
            if !body.hasSuffix("::") { body = body.dropLast() }
            groups += 2
        }
        let halves = body.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        for half in halves where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    /// RFC 1123 names: dot-separated labels of letters, digits and inner hyphens, each up to 63
    /// bytes and 253 in all. "xn--" labels must be valid IDNA A-labels; international names may
    /// also hold U-labels and the ideographic full stops as separators.
    static func isHostname(_ text: String, international: Bool) -> Bool {
        var name = text
        if international {
            name = String(String.UnicodeScalarView(name.unicodeScalars.map { [0x3002, 0xFF0E, 0xFF61].contains($0.value) ? "." : $0 }))
        }
        guard !name.isEmpty else { return false }
        var labels: [[Unicode.Scalar]] = []
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty else { return false }
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                guard label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                      label.utf8.allSatisfy({ Formats.isDigit($0) || $0 == UInt8(ascii: "-") || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
                else { return false }
                if label.lowercased().hasPrefix("xn--") {
                    guard let decoded = IDNA.uLabel(fromALabel: label) else { return false }
                    labels.append(decoded)
                } else {
                    let scalars = Array(label.unicodeScalars)
                    if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
                    labels.append(scalars)
                }
            } else {
                let scalars = Array(label.unicodeScalars)
                guard international, IDNA.isULabel(scalars) else { return false }
                labels.append(scalars)
            }
        }
        // The 253 limit applies to the ASCII form that goes on the wire.
        let wireLength = labels.map { $0.allSatisfy(\.isASCII) ? $0.count : 4 + IDNA.encode($0).utf8.count }.reduce(labels.count - 1, +)
        guard wireLength <= 253 else { return false }
        if labels.contains(where: Bidi.isRightToLeft) { return labels.allSatisfy(Bidi.satisfiesRule) }
        return true
    }

    /// RFC 5321 mailbox: a dot-atom or quoted local part, then a host name or address literal.
    static func isEmail(_ text: String, international: Bool) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            var escaped = false
            for scalar in local.unicodeScalars.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if scalar == "\\" { escaped = true; continue }
                if scalar == "\"" || scalar.value < 0x20 || (!international && scalar.value > 0x7E) { return false }
            }
            if escaped { return false }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            for atom in local.split(separator: ".", omittingEmptySubsequences: false) {
                guard !atom.isEmpty else { return false }
                for scalar in atom.unicodeScalars {
                    let ok = (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                        || atext.contains(scalar) || (international && scalar.value > 0x7F)
                    if !ok { return false }
                }
            }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = String(domain.dropFirst().dropLast())
            if literal.lowercased().hasPrefix("ipv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(String(domain), international: international)
    }
}
