// Markdown to blocks of running text. This is deliberately not a full CommonMark parser: it knows
// just enough structure to leave out what is not prose (front matter, code, tables, rules, link
// definitions) and to tell headings and list items apart, because each block ends a sentence.

struct TextBlock: Equatable {
    enum Kind { case heading, paragraph, item }
    var kind: Kind
    var text: String
    var line: Int
}

enum MarkdownBlocks {
    private static let fence = PyRegex(#"^\s*(`{3,}|~{3,})"#)
    private static let atxHeading = PyRegex(#"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$"#)
    private static let setextUnderline = PyRegex(#"^\s{0,3}(=+|-+)\s*$"#)
    private static let rule = PyRegex(#"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$"#)
    private static let listItem = PyRegex(#"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$"#)
    private static let taskBox = PyRegex(#"^\[[ xX]\]\s+"#)
    private static let tableSeparator = PyRegex(
        #"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$"#)
    private static let referenceDefinition = PyRegex(#"^\s{0,3}\[[^\]]+\]:\s*\S+"#)
    private static let quoteMarker = PyRegex(#"^\s{0,3}>\s?"#)
    private static let htmlComment = PyRegex(#"<!--.*?-->"#, dotAll: true)
    private static let deepIndent = PyRegex(#"^\s{2,}"#)

    /// The prose blocks of a Markdown text, cleaned of inline syntax; blocks without a word are dropped.
    static func blocks(_ markdown: String) -> [TextBlock] {
        var normalized = String.UnicodeScalarView()
        var afterCR = false
        for s in markdown.unicodeScalars {
            if afterCR && s == "\n" { afterCR = false; continue }
            afterCR = s == "\r"
            normalized.append(afterCR ? "\n" : s)
        }
        // Comments become the newlines they held, so line numbers still point into the file.
        let text = htmlComment.sub(String(normalized)) { m in
            String(repeating: "\n", count: (m[0] ?? "").unicodeScalars.filter { $0 == "\n" }.count)
        }
        let lines = text.pythonSplit("\n")
        let n = lines.count
        var i = frontMatterLength(lines)
        var blocks: [TextBlock] = []
        var current: TextBlock?
        var inList = false
        var previousBlank = true

        func flush() {
            if let c = current, !c.text.isPythonBlank { blocks.append(c) }
            current = nil
        }

        while i < n {
            let raw = lines[i]
            let lineNumber = i + 1
            if let m = fence.match(raw) {
                flush()
                let marker = Array((m[1] ?? "```").unicodeScalars)
                let close = PyRegex(#"^\s{0,3}("# + String(marker[0]) + "{\(marker.count),})\\s*$")
                i += 1
                while i < n {
                    let closed = close.match(lines[i]) != nil
                    i += 1
                    if closed { break }
                }
                previousBlank = true
                continue
            }
            if raw.isPythonBlank {
                flush()
                previousBlank = true
                i += 1
                continue
            }
            // Indented code needs a blank line before it and no open list.
            if previousBlank && !inList && isIndentedCode(raw) {
                flush()
                while i < n && (lines[i].isPythonBlank || isIndentedCode(lines[i])) { i += 1 }
                previousBlank = true
                continue
            }
            // Block quotes: the markers go and the rest is read as ordinary text.
            var line = raw
            while let m = quoteMarker.match(line) {
                line = String(line.utf16.dropFirst(m.range.length))!
            }
            if line.isPythonBlank {
                flush()
                previousBlank = true
                i += 1
                continue
            }
            let underlinesParagraph = current?.kind == .paragraph && setextUnderline.match(line) != nil
            if rule.match(line) != nil && !underlinesParagraph {
                flush()
                inList = false
                previousBlank = true
                i += 1
                continue
            }
            if underlinesParagraph, let c = current, !c.text.unicodeScalars.contains("\n") {
                current?.kind = .heading
                flush()
                previousBlank = true
                i += 1
                continue
            }
            if let m = atxHeading.match(line) {
                flush()
                inList = false
                blocks.append(TextBlock(kind: .heading, text: m[2] ?? "", line: lineNumber))
                previousBlank = false
                i += 1
                continue
            }
            if referenceDefinition.match(line) != nil {
                flush()
                i += 1
                continue
            }
            if line.unicodeScalars.contains("|") && i + 1 < n && tableSeparator.match(lines[i + 1]) != nil {
                // Tables are left out: cells are fragments, not sentences.
                flush()
                i += 2
                while i < n && !lines[i].isPythonBlank && lines[i].unicodeScalars.contains("|") { i += 1 }
                previousBlank = true
                inList = false
                continue
            }
            if let m = listItem.match(line) {
                flush()
                inList = true
                current = TextBlock(kind: .item, text: taskBox.sub(m[2] ?? "", ""), line: lineNumber)
                previousBlank = false
                i += 1
                continue
            }
            if current != nil && !previousBlank {
                current!.text += "\n" + line.pythonStripped
            } else if inList && deepIndent.match(raw) != nil && blocks.last?.kind == .item {
                // A further paragraph inside a list item stays a block of its own.
                current = TextBlock(kind: .item, text: line.pythonStripped, line: lineNumber)
            } else {
                flush()
                inList = false
                current = TextBlock(kind: .paragraph, text: line.pythonStripped, line: lineNumber)
            }
            previousBlank = false
            i += 1
        }
        flush()
        return blocks.map { TextBlock(kind: $0.kind, text: InlineText.clean($0.text), line: $0.line) }
            .filter { Sentences.containsWord($0.text) }
    }

    private static func isIndentedCode(_ line: String) -> Bool {
        line.hasPrefix("\t") || line.unicodeScalars.prefix(4).elementsEqual("    ".unicodeScalars)
    }

    /// Lines taken by YAML ('---') or TOML ('+++') front matter, if the text opens with it.
    private static func frontMatterLength(_ lines: [String]) -> Int {
        guard let first = lines.first?.pythonStripped, first == "---" || first == "+++" else { return 0 }
        let ends: Set<String> = first == "---" ? ["---", "..."] : ["+++"]
        var i = 1
        while i < min(lines.count, 200) {
            if ends.contains(lines[i].pythonStripped) { return i + 1 }
            i += 1
        }
        return 0
    }
}
