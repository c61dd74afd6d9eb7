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

/// A parsed document that keeps libxml2's tree alive for schema checking.
public final class ParsedXML: @unchecked Sendable {
    let document: xmlDocPtr
    public let tree: XMLTree
    let elementIndex: [UnsafeMutablePointer<xmlNode>: Int]

    init(document: xmlDocPtr, tree: XMLTree, elementIndex: [UnsafeMutablePointer<xmlNode>: Int]) {
        self.document = document
        self.tree = tree
        self.elementIndex = elementIndex
    }

    deinit { xmlFreeDoc(document) }
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

    /// Reads UTF-8 bytes (already screened) into a tree.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<ParsedXML, XMLReadProblem> {
        prepare()
        if let line = Prologue.doctypeLine(in: bytes) {
            return .failure(XMLReadProblem(kind: .doctype, line: line, column: 1, detail: "DOCTYPE refused"))
        }
        let collector = ErrorCollector()
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                collector.collecting {
                    xmlReadMemory(base, Int32(buffer.count), "submission", "UTF-8", parseOptions)
                }
            }
        }
        if let first = collector.errors.first(where: { $0.level >= XML_ERR_ERROR.rawValue }) {
            if let document { xmlFreeDoc(document) }
            return .failure(XMLReadProblem(first))
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            return .failure(XMLReadProblem(kind: .noRootElement, line: 1, column: 1, detail: "no root element"))
        }
        if document.pointee.intSubset != nil {
            xmlFreeDoc(document)
            return .failure(XMLReadProblem(kind: .doctype, line: 1, column: 1, detail: "DOCTYPE refused"))
        }
        var builder = TreeBuilder(columns: ColumnFinder(bytes))
        builder.add(root, parent: nil)
        return .success(ParsedXML(document: document, tree: XMLTree(elements: builder.elements), elementIndex: builder.index))
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
