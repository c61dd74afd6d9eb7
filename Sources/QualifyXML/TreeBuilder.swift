import CLibXML2

/// Builds an `XMLTree` from libxml2's SAX events, in document order, while the parser reads.
/// `Reading` feeds it and the schema validator from the same events.
struct TreeBuilder {
    private let parser: xmlParserCtxtPtr
    private let errors: ErrorCollector
    private var columns: ColumnFinder
    private(set) var elements: [XMLTree.Element] = []
    /// The parser's line when each start tag was read: the line libxml2 gives for the element.
    private(set) var reportedLines: [Int] = []
    /// Each open element, and where its text begins in `text`.
    private var open: [(element: Int, textStart: Int)] = []
    private var text = TextStack()
    /// Where the characters since the last tag, comment or processing instruction begin: one
    /// text node in a libxml2 tree.
    private var runStart = 0
    private(set) var sawDoctype = false
    private var ids: Set<[UInt8]> = []
    /// Names already made into strings, by where libxml2 keeps them: it keeps each name once
    /// per document, so a name is read from C only the first time (that was a tenth of reading).
    /// A small table open by address: hashing each address with the standard library's
    /// dictionary cost more than the strings it saved.
    private var names = [(UnsafePointer<xmlChar>?, String)](repeating: (nil, ""), count: TreeBuilder.nameSlots)
    private static let nameSlots = 256

    init(parser: xmlParserCtxtPtr, bytes: ArraySlice<UInt8>, errors: ErrorCollector) {
        self.parser = parser
        self.errors = errors
        columns = ColumnFinder(bytes)
        // A submission has an element for every 60 to 80 bytes: room for them at once, instead of
        // copying every element each time the list doubles (capped, for a huge hostile file).
        let expected = min(bytes.count / 48, 8_192)
        elements.reserveCapacity(expected)
        reportedLines.reserveCapacity(expected)
    }

    /// Frees the text; call once, after the parse.
    func release() {
        text.release()
    }

    mutating func start(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                        _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Int {
        let name = interned(localName)
        let prefixText = prefix.map { interned($0) }
        let reportedLine = Int(parser.pointee.input.pointee.line)
        let (line, column) = columns.locate(prefix: prefixText, name: name, reportedLine: reportedLine)
        let index = elements.count
        let parent = open.last?.element
        elements.append(XMLTree.Element(
            name: name, namespace: uri.map { interned($0) }, prefix: prefixText,
            attributes: readAttributes(Int(attributeCount), attributes), children: [], parent: parent, text: "",
            line: line, column: column))
        reportedLines.append(reportedLine)
        if let parent { elements[parent].children.append(index) }
        open.append((index, text.count))
        runStart = text.count
        return index
    }

    private mutating func interned(_ pointer: UnsafePointer<xmlChar>) -> String {
        var slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (Self.nameSlots - 1)
        for _ in 0..<Self.nameSlots {
            guard let known = names[slot].0 else {
                let made = String(cString: pointer)
                names[slot] = (pointer, made)
                return made
            }
            if known == pointer { return names[slot].1 }
            slot = (slot + 1) & (Self.nameSlots - 1)
        }
        return String(cString: pointer)
    }

    mutating func end() -> Int? {
        guard let (index, start) = open.popLast() else { return nil }
        if text.count > start { elements[index].text = text.string(from: start) }
        text.truncate(to: start)
        runStart = start
        return index
    }

    /// Text of the open element. libxml2's tree builder refuses a text node over 10 MB unless
    /// told XML_PARSE_HUGE, so this stops the parse there with the same error.
    mutating func characters(_ characters: UnsafePointer<xmlChar>, _ count: Int32) {
        guard !open.isEmpty else { return }
        let run = text.count - runStart
        if run > 0, run + Int(count) > 10_000_000 {
            raise(code: XML_ERR_NO_MEMORY.rawValue, domain: XML_FROM_PARSER, "xmlSAX2Characters: huge text node")
            parser.pointee.instate = XML_PARSER_EOF
            parser.pointee.disableSAX = 1
            return
        }
        text.append(characters, Int(count))
    }

    /// Ends the run of text, returning it (valid until the next characters) when there is one.
    mutating func endRun() -> (element: Int, text: UnsafeBufferPointer<UInt8>)? {
        defer { runStart = text.count }
        guard let element = open.last?.element, text.count > runStart else { return nil }
        return (element, text.bytes(from: runStart))
    }

    mutating func doctype() {
        sawDoctype = true
        xmlStopParser(parser)
    }

    private mutating func readAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> [XMLTree.Attribute] {
        guard count > 0, let attributes else { return [] }
        return (0..<count).map { number in
            let base = number * 5
            let name = String(cString: attributes[base]!)
            let start = attributes[base + 3]!
            let value = UnsafeBufferPointer(start: start, count: attributes[base + 4]! - start)
            if name == "id", let prefix = attributes[base + 1], String(cString: prefix) == "xml" { checkID(Array(value)) }
            return XMLTree.Attribute(name: name, namespace: attributes[base + 2].map { String(cString: $0) },
                                     value: String(decoding: Self.ampersandsDecoded(value), as: UTF8.self))
        }
    }

    /// libxml2 hands over each '&' of an attribute value as "&#38;" when entities are not replaced.
    static func ampersandsDecoded(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard value.contains(0x26) else { return Array(value) }
        let escaped: [UInt8] = Array("&#38;".utf8)
        var result: [UInt8] = []
        var index = 0
        while index < value.count {
            if value[index] == 0x26, value[index...].starts(with: escaped) {
                result.append(0x26)
                index += escaped.count
            } else {
                result.append(value[index])
                index += 1
            }
        }
        return result
    }

    /// libxml2's tree builder checks xml:id and refuses a repeated one; so must a reader that
    /// is to fail exactly where the tree reader failed.
    private mutating func checkID(_ value: [UInt8]) {
        let text = String(decoding: value, as: UTF8.self)
        if (value + [0]).withUnsafeBufferPointer({ xmlValidateNCName($0.baseAddress, 1) }) != 0 {
            raise(code: XML_DTD_XMLID_VALUE.rawValue, domain: XML_FROM_DTD, "xml:id : attribute value \(text) is not an NCName")
        }
        if !value.isEmpty, !ids.insert(value).inserted {
            raise(code: XML_DTD_ID_REDEFINED.rawValue, domain: XML_FROM_VALID, "ID \(text) already defined")
        }
    }

    private func raise(code: UInt32, domain: xmlErrorDomain, _ message: String) {
        let input = parser.pointee.input.pointee
        errors.append(CollectedError(code: Int32(code), domain: Int32(domain.rawValue), message: message,
                                     line: Int(input.line), column: Int(input.col)))
    }
}

/// The text of the open elements, one after another: a child is closed before its parent's text
/// goes on, so an open element's text is always one piece, and the innermost one's is on top.
/// Its memory is managed by hand so that a run can be given to libxml2 while no Swift access
/// to the reader is held.
struct TextStack {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity = 4096
    private(set) var count = 0

    init() {
        base = .allocate(capacity: capacity)
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity {
            capacity = max(capacity * 2, count + length)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
        }
        (base + count).update(from: bytes, count: length)
        count += length
    }

    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    func string(from start: Int) -> String {
        String(decoding: bytes(from: start), as: UTF8.self)
    }

    mutating func truncate(to start: Int) {
        count = start
    }

    func release() {
        base.deallocate()
    }
}
