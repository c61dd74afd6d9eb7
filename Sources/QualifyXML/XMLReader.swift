import CLibXML2

/// Why a file could not be read as XML, in terms a caller can turn into plain words.
public struct XMLReadProblem: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file declares a document type; we never process one.
        case doctype
        case tagMismatch(opened: String, closed: String)
        case unexpectedEnd
        case lonelyAmpersand
        case undeclaredEntity(name: String)
        case tooDeep
        case extraContent
        case noRootElement
        case badCharacter
        case brokenTag
        case other
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    /// libxml2's own words, kept for logs and bug reports, never shown as a message.
    public var detail: String

    public init(kind: Kind, line: Int, column: Int, detail: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail
    }
}

/// A read document and, when it was read against a schema, the schema's complaints about it.
public struct ParsedXML: Sendable {
    public let tree: XMLTree
    /// In the order libxml2 made them; empty when no schema was given or the document is valid.
    public let issues: [XSDIssue]
}

public enum XMLReader {
    /// No network, line numbers past 65,535, CDATA as text. Never NOENT, DTDLOAD, DTDATTR,
    /// DTDVALID, XINCLUDE or HUGE: entities stay unexpanded and depth stays limited.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Call once before any reading; later calls do nothing.
    public static func prepare() {
        _ = setUp
    }

    private static let setUp: Void = {
        xmlInitParser()
        qualify_install_no_network_loader()
        qualify_silence_generic_errors()
    }()

    /// Reads UTF-8 bytes (already screened) into a tree, checking them against `schema` in the
    /// same pass when one is given.
    public static func parse(_ bytes: ArraySlice<UInt8>, validatingAgainst schema: XSDSchema? = nil)
        -> Result<ParsedXML, XMLReadProblem> {
        prepare()
        if let line = Prologue.doctypeLine(in: bytes) {
            return .failure(XMLReadProblem(kind: .doctype, line: line, column: 1, detail: "DOCTYPE refused"))
        }
        let collector = ErrorCollector()
        typealias Read = (elements: [XMLTree.Element], issues: [XSDIssue], sawDoctype: Bool)
        let read: Read? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let parser = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                      xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
                  }) else { return nil }
            defer { xmlFreeParserCtxt(parser) }
            // What xmlReadMemory(…, "UTF-8", parseOptions) does before parsing, so that the
            // parser reports the same errors at the same places as it did when it built a tree.
            parser.pointee.sax.pointee = Reading.events
            xmlCtxtUseOptions(parser, parseOptions)
            parser.pointee.encoding = UnsafePointer(xmlCharStrdup("UTF-8"))
            if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(parser, utf8) }
            if parser.pointee.input.pointee.filename == nil {
                parser.pointee.input.pointee.filename = UnsafeRawPointer(xmlCharStrdup("submission"))
                    .map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) }
            }
            var reading = Reading(tree: TreeBuilder(parser: parser, bytes: bytes, errors: collector))
            withUnsafeMutablePointer(to: &reading) { pointer in
                parser.pointee.userData = UnsafeMutableRawPointer(pointer)
                if let schema { pointer.pointee.validate(against: schema, reportingTo: pointer) }
                collector.collecting { _ = xmlParseDocument(parser) }
                pointer.pointee.finish()
            }
            reading.tree.release()
            return (reading.tree.elements, reading.issues, reading.tree.sawDoctype)
        }
        // A schema error reaches the shared handler only when the validator runs out of memory.
        if let first = collector.errors.first(where: {
            $0.level >= XML_ERR_ERROR.rawValue && $0.domain != Int32(XML_FROM_SCHEMASV.rawValue)
        }) {
            return .failure(XMLReadProblem(first))
        }
        if read?.sawDoctype == true {
            return .failure(XMLReadProblem(kind: .doctype, line: 1, column: 1, detail: "DOCTYPE refused"))
        }
        guard let read, !read.elements.isEmpty else {
            return .failure(XMLReadProblem(kind: .noRootElement, line: 1, column: 1, detail: "no root element"))
        }
        return .success(ParsedXML(tree: XMLTree(elements: read.elements), issues: read.issues))
    }
}

extension XMLReadProblem {
    init(_ error: CollectedError) {
        let kind: Kind
        switch Int(error.code) {
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            kind = .tagMismatch(opened: error.str1 ?? "", closed: error.str3 ?? error.str2 ?? "")
        case Int(XML_ERR_TAG_NOT_FINISHED.rawValue):
            kind = .unexpectedEnd
        case Int(XML_ERR_DOCUMENT_END.rawValue):
            kind = error.message.contains("Premature") ? .unexpectedEnd : .extraContent
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            kind = .noRootElement
        case Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
            kind = .lonelyAmpersand
        case Int(XML_ERR_NAME_REQUIRED.rawValue) where error.message.contains("EntityRef"):
            kind = .lonelyAmpersand
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            kind = .undeclaredEntity(name: error.str1 ?? "")
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_CHARREF.rawValue):
            kind = .badCharacter
        case Int(XML_ERR_INTERNAL_ERROR.rawValue) where error.message.contains("depth"):
            kind = .tooDeep
        case Int(XML_ERR_GT_REQUIRED.rawValue), Int(XML_ERR_LT_IN_ATTRIBUTE.rawValue),
             Int(XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue), Int(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue),
             Int(XML_ERR_STRING_NOT_STARTED.rawValue), Int(XML_ERR_STRING_NOT_CLOSED.rawValue),
             Int(XML_ERR_SPACE_REQUIRED.rawValue), Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue),
             Int(XML_ERR_NAME_REQUIRED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue):
            kind = .brokenTag
        default:
            kind = error.message.contains("depth") ? .tooDeep : .other
        }
        self.init(kind: kind, line: max(error.line, 1), column: max(error.column, 1), detail: error.message)
    }
}
