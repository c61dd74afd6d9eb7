import Foundation

/// Finds byte offsets from line and column (columns count characters, as findings do).
struct TextLocator {
    let bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
    }

    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        var offset = lineStarts[line - 1], characters = 1
        while characters < column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters += 1
        }
        return offset
    }

    func find(_ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

enum XMLEdits {
    /// Replaces an element's text, only when it is exactly the value the finding saw.
    static func replaceText(in text: TextLocator, at start: Int, expected: String, with value: String, line: Int, words: String) -> Fixer.Edit? {
        guard let tagEnd = text.find(">", from: start), let close = text.find("<", from: tagEnd + 1) else { return nil }
        let content = tagEnd + 1..<close
        guard unescape(text.string(content)) == expected else { return nil }
        return Fixer.Edit(line: line, description: words, range: content, replacement: escape(value))
    }

    /// Renames an element's start and end tags.
    static func rename(in text: TextLocator, at start: Int, from old: String, to new: String, line: Int, words: String) -> [Fixer.Edit]? {
        guard text.string(start..<min(start + old.utf8.count + 1, text.bytes.count)) == "<" + old else { return nil }
        let open = Fixer.Edit(line: line, description: words, range: start + 1..<start + 1 + old.utf8.count, replacement: new)
        guard let tagEnd = text.find(">", from: start) else { return nil }
        if text.bytes[tagEnd - 1] == UInt8(ascii: "/") { return [open] }
        guard let close = text.find("</" + old + ">", from: tagEnd) else { return nil }
        let closeLine = text.bytes[..<close].filter { $0 == 0x0A }.count + 1
        // The end tag is part of the same fix, so it carries no words of its own.
        return [open, Fixer.Edit(line: closeLine, description: "", range: close + 2..<close + 2 + old.utf8.count, replacement: new)]
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

enum JSONEdits {
    /// From a member's key to the byte range of its value token.
    static func valueRange(in text: TextLocator, keyStart: Int) -> Range<Int>? {
        guard let keyEnd = stringEnd(text, from: keyStart), let colon = text.find(":", from: keyEnd) else { return nil }
        var index = colon + 1
        while index < text.bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(text.bytes[index]) { index += 1 }
        guard index < text.bytes.count else { return nil }
        if text.bytes[index] == UInt8(ascii: "\"") { return stringEnd(text, from: index).map { index..<$0 } }
        var end = index
        while end < text.bytes.count, !",}] \t\r\n".utf8.contains(text.bytes[end]) { end += 1 }
        return index..<end
    }

    /// The offset just past the string starting at `start`.
    static func stringEnd(_ text: TextLocator, from start: Int) -> Int? {
        guard start < text.bytes.count, text.bytes[start] == UInt8(ascii: "\"") else { return nil }
        var index = start + 1
        while index < text.bytes.count {
            if text.bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if text.bytes[index] == UInt8(ascii: "\"") { return index + 1 }
            index += 1
        }
        return nil
    }

    static func replaceValue(in text: TextLocator, at keyStart: Int, with value: String, bare: Bool, line: Int, words: String) -> Fixer.Edit? {
        guard let range = valueRange(in: text, keyStart: keyStart) else { return nil }
        return Fixer.Edit(line: line, description: words, range: range, replacement: bare ? value : QualifyDocumentJSON.quoted(value))
    }

    static func rename(in text: TextLocator, at keyStart: Int, to name: String, line: Int, words: String) -> [Fixer.Edit]? {
        guard let end = stringEnd(text, from: keyStart) else { return nil }
        return [Fixer.Edit(line: line, description: words, range: keyStart..<end, replacement: QualifyDocumentJSON.quoted(name))]
    }
}
