/// Writes a neutral document as JSON, keeping member order, with two-space indents.
public enum JSONWriter {
    public static func write(_ node: Node, indent: String = "  ") -> String {
        var out = ""
        write(node, level: 0, indent: indent, into: &out)
        return out + "\n"
    }

    private static func write(_ node: Node, level: Int, indent: String, into out: inout String) {
        let pad = String(repeating: indent, count: level + 1)
        let close = String(repeating: indent, count: level)
        switch node.value {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (offset, member) in members.enumerated() {
                out += pad + quoted(member.key) + ": "
                write(member.node, level: level + 1, indent: indent, into: &out)
                out += offset == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ $0.isShortScalar }) && items.count <= 16 {
                var parts: [String] = []
                for item in items {
                    var text = ""
                    write(item, level: level + 1, indent: indent, into: &text)
                    parts.append(text)
                }
                out += "[" + parts.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (offset, item) in items.enumerated() {
                out += pad
                write(item, level: level + 1, indent: indent, into: &out)
                out += offset == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .string(let text): out += quoted(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Node {
    fileprivate var isShortScalar: Bool {
        switch value {
        case .string(let text): return text.count <= 24
        case .number, .bool, .null: return true
        case .object, .array: return false
        }
    }
}
