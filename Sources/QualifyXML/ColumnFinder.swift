import CLibXML2

/// libxml2 gives the line on which a start tag ends but no column, so the column is found by
/// looking for the start tag in the text itself, in document order.
struct ColumnFinder {
    private let bytes: ArraySlice<UInt8>
    private let lineStarts: [Int]
    /// Where the next search on each line begins (or -1: at its start), so that two tags of
    /// one name on a line differ.
    private var cursors: [Int]

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        var lineStarts = [bytes.startIndex]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                lineStarts.append(bytes.startIndex + offset)
            }
        }
        self.lineStarts = lineStarts
        cursors = Array(repeating: -1, count: lineStarts.count + 1)
    }

    mutating func locate(prefix: String?, name: String, reportedLine: Int) -> (line: Int, column: Int) {
        let length = 1 + (prefix.map { $0.utf8.count + 1 } ?? 0) + name.utf8.count
        let lowest = max(1, reportedLine - 40)
        var line = min(max(reportedLine, 1), lineStarts.count)
        while line >= lowest {
            if let offset = find(prefix, name, length, onLine: line) {
                cursors[line] = offset + length
                return (line, column(of: offset, onLine: line))
            }
            line -= 1
        }
        return (max(reportedLine, 1), 1)
    }

    /// Where `<prefix:name` (or `<name`), followed by white space, `/` or `>`, starts on the line.
    /// Compared in place: making the pattern for each element was most of the cost.
    private func find(_ prefix: String?, _ name: String, _ length: Int, onLine line: Int) -> Int? {
        let start = cursors[line] >= 0 ? cursors[line] : lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.endIndex
        var index = start
        while index + length <= end {
            if bytes[index] == 0x3C, matches(prefix, name, at: index + 1) {
                let after = index + length
                if after >= bytes.endIndex { return index }
                let next = bytes[after]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F || next == 0x3E {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether the bytes from `index` spell `prefix:name` (or `name`); the caller has checked
    /// that they are long enough.
    private func matches(_ prefix: String?, _ name: String, at index: Int) -> Bool {
        var position = index
        if let prefix {
            guard spells(prefix, at: position) else { return false }
            position += prefix.utf8.count
            guard bytes[position] == 0x3A else { return false }
            position += 1
        }
        return spells(name, at: position)
    }

    private func spells(_ text: String, at index: Int) -> Bool {
        let count = text.utf8.count
        let range = index..<(index + count)
        return text.utf8.withContiguousStorageIfAvailable { wanted in
            bytes[range].withUnsafeBufferPointer { found in
                count == 0 || memcmp(wanted.baseAddress!, found.baseAddress!, count) == 0
            }
        } ?? bytes[range].elementsEqual(text.utf8)
    }

    /// Columns count characters, not bytes, as editors do.
    private func column(of offset: Int, onLine line: Int) -> Int {
        bytes[lineStarts[line - 1]..<offset].reduce(1) { count, byte in
            (byte & 0xC0) == 0x80 ? count : count + 1
        }
    }
}

/// Finds a document type declaration before the root element, so that it is refused before
/// libxml2 reads a single declaration inside it.
enum Prologue {
    static func doctypeLine(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        var line = 1
        func starts(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= bytes.endIndex else { return false }
            return zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy { lhs, rhs in
                lhs == rhs || (rhs >= 0x41 && rhs <= 0x5A && lhs == rhs + 0x20)
            }
        }
        func skip(past terminator: String) {
            let pattern = Array(terminator.utf8)
            while index < bytes.endIndex {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index] == pattern[0], index + pattern.count <= bytes.endIndex,
                   bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                    index += pattern.count
                    return
                }
                index += 1
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; index += 1; continue }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { index += 1; continue }
            if starts("<!DOCTYPE") { return line }
            if starts("<?") { skip(past: "?>"); continue }
            if starts("<!--") { skip(past: "-->"); continue }
            return nil
        }
        return nil
    }
}
