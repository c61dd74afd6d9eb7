import CLibXML2

/// How the builder reaches libxml2: its SAX events, and the schema validator fed from them.
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

    /// Complaints that a child's start tag makes about its parent ("element content is not allowed").
    private static let aboutTheParent: Set<UInt32> = [
        XML_SCHEMAV_CVC_ELT_3_2_1.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue,
        XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue,
    ]

    func schemaError(_ raw: UnsafePointer<xmlError>) {
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
