import CLibXML2

/// Builds an `XMLTree` from libxml2's SAX events while the parser reads, and hands the same
/// events to the schema validator, so a file is read once and no libxml2 tree is made.
/// Validating events name no node, so the builder keeps track of which element the validator
/// is looking at and puts each complaint there, where a validator walking a tree would have.
final class TreeBuilder {
    private let parser: xmlParserCtxtPtr
    let errors: ErrorCollector
    private var columns: ColumnFinder
    private(set) var elements: [XMLTree.Element] = []
    /// The parser's line when each start tag was read: the line libxml2 gives for the element.
    var reportedLines: [Int] = []
    private var open: [Int] = []
    private var openText: [[UInt8]] = []
    /// Characters since the last tag, comment or processing instruction: one text node in a
    /// libxml2 tree, so they go to the validator in one piece, as they did when it walked a tree.
    private var run: [UInt8] = []
    private var runLength = 0
    var validator: Validator?
    var issues: [XSDIssue] = []
    /// The element the validator is on, and whether it is reading that element's start tag.
    var subject: Int?
    var starting = false
    private(set) var sawDoctype = false
    private var ids: Set<[UInt8]> = []

    struct Validator {
        let context: OpaquePointer
        let plug: OpaquePointer
        let events: UnsafeMutablePointer<xmlSAXHandler>
        let data: UnsafeMutableRawPointer?
    }

    init(parser: xmlParserCtxtPtr, bytes: ArraySlice<UInt8>, errors: ErrorCollector) {
        self.parser = parser
        self.errors = errors
        columns = ColumnFinder(bytes)
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func start(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
               _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
               _ attributeCount: Int32, _ defaultedCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flush()
        let name = String(cString: localName)
        let prefixText = prefix.map { String(cString: $0) }
        let reportedLine = Int(parser.pointee.input.pointee.line)
        let (line, column) = columns.locate(tag: prefixText.map { "\($0):\(name)" } ?? name, reportedLine: reportedLine)
        let index = elements.count
        let parent = open.last
        elements.append(XMLTree.Element(
            name: name, namespace: uri.map { String(cString: $0) }, prefix: prefixText,
            attributes: readAttributes(Int(attributeCount), attributes), children: [], parent: parent, text: "",
            line: line, column: column))
        reportedLines.append(reportedLine)
        if let parent { elements[parent].children.append(index) }
        open.append(index)
        openText.append([])
        subject = index
        starting = true
        validator.map { $0.events.pointee.startElementNs?($0.data, localName, prefix, uri, namespaceCount, namespaces,
                                                           attributeCount, defaultedCount, attributes) }
        starting = false
    }

    func end(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        flush()
        guard let index = open.popLast() else { return }
        let text = openText.removeLast()
        if !text.isEmpty { elements[index].text = String(decoding: text, as: UTF8.self) }
        subject = index
        validator.map { $0.events.pointee.endElementNs?($0.data, localName, prefix, uri) }
    }

    func characters(_ characters: UnsafePointer<xmlChar>, _ count: Int32) {
        guard !open.isEmpty else { return }
        let count = Int(count)
        // libxml2 refuses a text node this long unless told XML_PARSE_HUGE, and so do we.
        if runLength > 0, runLength + count > 10_000_000 {
            raise(code: XML_ERR_NO_MEMORY.rawValue, domain: XML_FROM_PARSER.rawValue, "xmlSAX2Characters: huge text node")
            parser.pointee.instate = XML_PARSER_EOF
            parser.pointee.disableSAX = 1
            return
        }
        runLength += count
        let chunk = UnsafeBufferPointer(start: characters, count: count)
        openText[openText.count - 1].append(contentsOf: chunk)
        if validator != nil { run.append(contentsOf: chunk) }
    }

    /// A comment or processing instruction ends a text node.
    func flush() {
        runLength = 0
        guard !run.isEmpty else { return }
        if let validator, let current = open.last {
            subject = current
            run.withUnsafeBufferPointer { validator.events.pointee.characters?(validator.data, $0.baseAddress, Int32($0.count)) }
        }
        run.removeAll(keepingCapacity: true)
    }

    func doctype() {
        sawDoctype = true
        xmlStopParser(parser)
    }

    private func readAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [XMLTree.Attribute] {
        guard count > 0, let attributes else { return [] }
        return (0..<count).map { number in
            let base = number * 5
            let name = String(cString: attributes[base]!)
            let start = attributes[base + 3]!
            var value = Array(UnsafeBufferPointer(start: start, count: attributes[base + 4]! - start))
            if attributes[base + 1].map({ String(cString: $0) }) == "xml", name == "id" { checkID(value) }
            value = Self.ampersandsDecoded(value)
            return XMLTree.Attribute(name: name, namespace: attributes[base + 2].map { String(cString: $0) },
                                     value: String(decoding: value, as: UTF8.self))
        }
    }

    /// libxml2 hands over each '&' of an attribute value as "&#38;" when entities are not replaced.
    static func ampersandsDecoded(_ value: [UInt8]) -> [UInt8] {
        guard value.contains(0x26) else { return value }
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
    /// wants to fail exactly where the tree reader failed.
    private func checkID(_ value: [UInt8]) {
        let text = String(decoding: value, as: UTF8.self)
        if (value + [0]).withUnsafeBufferPointer({ xmlValidateNCName($0.baseAddress, 1) }) != 0 {
            raise(code: Int32(XML_DTD_XMLID_VALUE.rawValue), domain: XML_FROM_DTD.rawValue,
                  "xml:id : attribute value \(text) is not an NCName")
        }
        if !value.isEmpty, !ids.insert(value).inserted {
            raise(code: Int32(XML_DTD_ID_REDEFINED.rawValue), domain: XML_FROM_VALID.rawValue, "ID \(text) already defined")
        }
    }

    private func raise(code: UInt32, domain: UInt32, _ message: String) {
        raise(code: Int32(code), domain: domain, message)
    }

    private func raise(code: Int32, domain: UInt32, _ message: String) {
        let input = parser.pointee.input.pointee
        errors.append(CollectedError(code: code, domain: Int32(domain), message: message,
                                     line: Int(input.line), column: Int(input.col)))
    }
}
