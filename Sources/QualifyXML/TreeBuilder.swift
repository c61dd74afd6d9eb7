import CLibXML2

/// Builds an `XMLTree` from libxml2's SAX events while the parser reads, and hands the same
/// events to the schema validator, so a file is read once and no libxml2 tree is made.
/// Validating events name no node, so the builder keeps track of which element the validator
/// is looking at and puts each complaint there, where a validator walking a tree would have.
final class TreeBuilder {
    private let parser: xmlParserCtxtPtr
    private let errors: ErrorCollector
    private var columns: ColumnFinder
    private(set) var elements: [XMLTree.Element] = []
    /// The parser's line when each start tag was read: the line libxml2 gives for the element.
    private var reportedLines: [Int] = []
    private var open: [Int] = []
    private var openText: [[UInt8]] = []
    /// Characters since the last tag, comment or processing instruction: one text node in a
    /// libxml2 tree, so they go to the validator in one piece, as they did when it walked a tree.
    private var run: [UInt8] = []
    private var runLength = 0
    private var validator: Validator?
    private(set) var issues: [XSDIssue] = []
    /// The element the validator is on, and whether it is reading that element's start tag.
    private var subject: Int?
    private var starting = false
    private(set) var sawDoctype = false
    private var ids: Set<[UInt8]> = []

    private struct Validator {
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

    /// The validator is plugged in on its own, not after our handlers, so that our handlers
    /// decide what it sees and when.
    func validate(against schema: XSDSchema) {
        guard let context = xmlSchemaNewValidCtxt(schema.compiled) else {
            issues.append(XSDIssue(kind: .other, code: -1, element: nil, attribute: nil, line: 1, detail: "no validation context"))
            return
        }
        xmlSchemaSetValidStructuredErrors(context, schemaErrorCallback, pointer)
        var events: UnsafeMutablePointer<xmlSAXHandler>?
        var data: UnsafeMutableRawPointer?
        guard let plug = xmlSchemaSAXPlug(context, &events, &data), let events else {
            xmlSchemaFreeValidCtxt(context)
            issues.append(XSDIssue(kind: .other, code: -1, element: nil, attribute: nil, line: 1, detail: "no validation context"))
            return
        }
        validator = Validator(context: context, plug: plug, events: events, data: data)
    }

    func finish() {
        guard let validator else { return }
        xmlSchemaSAXUnplug(validator.plug)
        xmlSchemaFreeValidCtxt(validator.context)
        self.validator = nil
    }

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

    /// Complaints that a child's start tag makes about its parent ("element content is not allowed").
    private static let aboutTheParent: Set<UInt32> = [
        XML_SCHEMAV_CVC_ELT_3_2_1.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue,
        XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue,
    ]

    fileprivate func schemaError(_ raw: UnsafePointer<xmlError>) {
        guard issues.count < errors.limit else { return }
        let error = CollectedError(raw)
        var element = subject
        if starting, let current = element, Self.aboutTheParent.contains(UInt32(bitPattern: error.code)) {
            element = elements[current].parent ?? current
        }
        var attribute: String?
        if let element {
            // libxml2 words a complaint about an attribute "Element 'E', attribute 'A': ...".
            let opening = "Element '\(Self.formatted(elements[element].namespace, elements[element].name))', attribute '"
            if error.message.utf8.starts(with: opening.utf8) {
                let rest = error.message.utf8.dropFirst(opening.utf8.count)
                attribute = elements[element].attributes.first {
                    rest.starts(with: (Self.formatted($0.namespace, $0.name) + "': ").utf8)
                }?.name
            }
        }
        issues.append(XSDIssue(kind: XSDSchema.kind(of: Int(error.code)), code: Int(error.code), element: element,
                               attribute: attribute, line: element.map { reportedLines[$0] } ?? error.line,
                               detail: error.message))
    }

    private static func formatted(_ namespace: String?, _ name: String) -> String {
        namespace.map { "{\($0)}\(name)" } ?? name
    }
}

private func builder(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
    Unmanaged<TreeBuilder>.fromOpaque(context!).takeUnretainedValue()
}

private let schemaErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    builder(context).schemaError(error)
}

extension TreeBuilder {
    /// Only what the tree needs: no entity, DTD or document handlers, so nothing declared in a
    /// document is ever stored or used.
    static var events: xmlSAXHandler {
        var events = xmlSAXHandler()
        events.initialized = UInt32(XML_SAX2_MAGIC)
        events.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes in
            guard let localName else { return }
            builder(context).start(localName, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes)
        }
        events.endElementNs = { context, localName, prefix, uri in builder(context).end(localName, prefix, uri) }
        // The same function for both, so that libxml2 never asks whether whitespace is ignorable.
        events.characters = { context, characters, count in
            guard let characters else { return }
            builder(context).characters(characters, count)
        }
        events.ignorableWhitespace = events.characters
        events.comment = { context, _ in builder(context).flush() }
        events.processingInstruction = { context, _, _ in builder(context).flush() }
        events.internalSubset = { context, _, _, _ in builder(context).doctype() }
        return events
    }
}
