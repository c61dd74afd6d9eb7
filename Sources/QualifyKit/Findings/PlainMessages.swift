/// Reads the message catalogue when every line is a comment, a blank, or `key: "text"` on one
/// line with no escape but \" and \\, which is how en.yaml is written. Yams took a twelfth of
/// the time to check one small file for that. Anything else (a value over two lines, single
/// quotes, another escape, a key given twice) returns nil, and the file is read as full YAML,
/// so what a file means never depends on which reader read it.
enum PlainMessages {
    static func read(_ text: String) -> [String: String]? {
        var messages: [String: String] = [:]
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  line[..<colon].allSatisfy(isKeyByte),
                  line[colon...].starts(with: Array(#": ""#.utf8)),
                  line.count >= line.distance(from: line.startIndex, to: colon) + 4,
                  line.last == UInt8(ascii: "\""),
                  let value = unquote(line[line.index(colon, offsetBy: 3)..<line.index(before: line.endIndex)]) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self)
            guard messages.updateValue(value, forKey: key) == nil else { return nil }
        }
        return messages
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    /// The text between the quotes, with \" and \\ undone; nil for anything plain YAML would
    /// read differently (a bare quote, any other escape).
    private static func unquote(_ body: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "\"") { return nil }
            if byte == UInt8(ascii: "\\") {
                let next = body.index(after: index)
                guard next < body.endIndex, body[next] == UInt8(ascii: "\"") || body[next] == UInt8(ascii: "\\") else { return nil }
                bytes.append(body[next])
                index = body.index(after: next)
            } else {
                bytes.append(byte)
                index = body.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
