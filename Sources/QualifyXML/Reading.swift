import CLibXML2

/// One document being read: libxml2's SAX events build the tree and, when there is a schema,
/// go on to libxml2's validator, so the document is read once and no libxml2 tree is made.
/// Events name no node to the validator, so its complaints are put on the element it was on.
///
/// libxml2 calls back with a pointer to this struct, and no Swift access to it is held while
/// the validator runs, because the validator calls back into it with its complaints.
struct Reading {
    var tree: TreeBuilder
    var issues: [XSDIssue] = []
    fileprivate var validator: Validator?
    /// The element the validator is on, and whether it is reading that element's start tag.
    fileprivate var subject: Int?
    private var starting = false

    fileprivate struct Validator {
        let context: OpaquePointer
        let plug: OpaquePointer
        let events: UnsafeMutablePointer<xmlSAXHandler>
        let data: UnsafeMutableRawPointer?
    }

    init(tree: TreeBuilder) {
        self.tree = tree
    }

    /// Only what the tree needs: no entity, DTD or document handlers, so nothing declared in a
    /// document is ever stored or used. CDATA arrives as characters (XML_PARSE_NOCDATA).
    static var events: xmlSAXHandler {
        var events = xmlSAXHandler()
        events.initialized = UInt32(XML_SAX2_MAGIC)
        events.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes in
            guard let localName else { return }
            let reading = reading(context)
            reading.endRun()
            let index = reading.pointee.tree.start(localName, prefix, uri, count, attributes)
            reading.pointee.subject = index
            reading.pointee.starting = true
            if let validator = reading.pointee.validator {
                validator.events.pointee.startElementNs?(validator.data, localName, prefix, uri, namespaceCount, namespaces,
                                                         count, defaulted, attributes)
            }
            reading.pointee.starting = false
        }
        events.endElementNs = { context, localName, prefix, uri in
            let reading = reading(context)
            reading.endRun()
            reading.pointee.subject = reading.pointee.tree.end()
            if let validator = reading.pointee.validator {
                validator.events.pointee.endElementNs?(validator.data, localName, prefix, uri)
            }
        }
        // The same function for both, so that libxml2 never asks whether whitespace is ignorable.
        events.characters = { context, characters, count in
            guard let characters else { return }
            reading(context).pointee.tree.characters(characters, count)
        }
        events.ignorableWhitespace = events.characters
        events.comment = { context, _ in reading(context).endRun() }
        events.processingInstruction = { context, _, _ in reading(context).endRun() }
        events.internalSubset = { context, _, _, _ in reading(context).pointee.tree.doctype() }
        return events
    }

    /// The validator is plugged in on its own, not behind our handlers, so that our handlers
    /// decide what it sees: text in the pieces a libxml2 tree would have held, for one.
    mutating func validate(against schema: XSDSchema, reportingTo pointer: UnsafeMutablePointer<Reading>) {
        let failed = XSDIssue(kind: .other, code: -1, element: nil, attribute: nil, line: 1, detail: "no validation context")
        guard let context = xmlSchemaNewValidCtxt(schema.compiled) else { return issues.append(failed) }
        xmlSchemaSetValidStructuredErrors(context, schemaErrorCallback, UnsafeMutableRawPointer(pointer))
        var events: UnsafeMutablePointer<xmlSAXHandler>?
        var data: UnsafeMutableRawPointer?
        guard let plug = xmlSchemaSAXPlug(context, &events, &data), let events else {
            xmlSchemaFreeValidCtxt(context)
            return issues.append(failed)
        }
        validator = Validator(context: context, plug: plug, events: events, data: data)
    }

    mutating func finish() {
        guard let validator else { return }
        xmlSchemaSAXUnplug(validator.plug)
        xmlSchemaFreeValidCtxt(validator.context)
        self.validator = nil
    }

    /// Complaints that a child's start tag makes about its parent ("element content is not allowed").
    private static let aboutTheParent: Set<UInt32> = [
        XML_SCHEMAV_CVC_ELT_3_2_1.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue,
        XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue,
    ]

    fileprivate mutating func complaint(_ raw: UnsafePointer<xmlError>) {
        guard issues.count < ErrorCollector.limit else { return }
        let error = CollectedError(raw)
        let elements = tree.elements
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
                               attribute: attribute, line: element.map { tree.reportedLines[$0] } ?? error.line,
                               detail: error.message))
    }

    private static func formatted(_ namespace: String?, _ name: String) -> String {
        namespace.map { "{\($0)}\(name)" } ?? name
    }
}

private extension UnsafeMutablePointer<Reading> {
    /// Gives the text since the last tag, comment or processing instruction to the validator.
    func endRun() {
        guard let run = pointee.tree.endRun(), let validator = pointee.validator else { return }
        pointee.subject = run.element
        validator.events.pointee.characters?(validator.data, run.text.baseAddress, Int32(run.text.count))
    }
}

private func reading(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Reading> {
    context!.assumingMemoryBound(to: Reading.self)
}

private let schemaErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    reading(context).pointee.complaint(error)
}
