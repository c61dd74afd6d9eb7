import CLibXML2

/// One complaint from libxml2's schema check, sorted into a kind the caller can explain.
public struct XSDIssue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The value is not of the type's form at all (not a date, not a number, …).
        case datatype
        case pattern, enumeration, length, minLength, maxLength
        case minInclusive, maxInclusive, minExclusive, maxExclusive, totalDigits, fractionDigits
        /// Children missing, not expected or out of order.
        case content
        case rootMismatch
        case attribute
        case other
    }

    public var kind: Kind
    public var code: Int
    /// The element the complaint is about (its index in the tree).
    public var element: Int?
    /// Set when the complaint is about an attribute of `element`.
    public var attribute: String?
    public var line: Int
    /// libxml2's own words, kept for logs and bug reports, never shown as a message.
    public var detail: String
}

public struct XSDCompileError: Error, Sendable, CustomStringConvertible {
    public var details: [String]

    public var description: String { "the XML schema does not compile: " + details.joined(separator: " ") }
}

/// A compiled schema, used by `XMLReader.parse(_:validatingAgainst:)`. Compile once; validating
/// is safe from many threads at once because each validation has its own context.
public final class XSDSchema: @unchecked Sendable {
    let compiled: xmlSchemaPtr

    public init(bytes: [UInt8]) throws(XSDCompileError) {
        XMLReader.prepare()
        let collector = ErrorCollector()
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                xmlSchemaSetParserStructuredErrors(context, errorCallback, collector.context)
                return collector.collecting { xmlSchemaParse(context) }
            }
        }
        guard let compiled else {
            throw XSDCompileError(details: collector.errors.map(\.message))
        }
        self.compiled = compiled
    }

    deinit { xmlSchemaFree(compiled) }

    /// The facets a reader can check for itself, leaving libxml2 the rest (see `withoutFacets`).
    public static let quickFacets = ["pattern", "maxLength"]

    /// The schema's text without the named facets, as the published schema writes them
    /// (`<xs:pattern value="…"/>`), with how many of each were left out; nil when none was.
    /// A facet written any other way stays in, which costs time but never a wrong answer.
    public static func withoutFacets(_ names: [String], _ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String: Int])? {
        let starts = names.map { Array("<xs:\($0) value=\"".utf8) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var removed: [String: Int] = [:]
        var index = 0
        scan: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                for (number, start) in starts.enumerated() where index + start.count <= bytes.count
                    && bytes[index..<index + start.count].elementsEqual(start) {
                    // The value ends at the next quote (XML escapes any quote inside it), then "/>".
                    guard let quote = bytes[(index + start.count)...].firstIndex(of: UInt8(ascii: "\"")),
                          quote + 2 < bytes.count, bytes[quote + 1] == UInt8(ascii: "/"), bytes[quote + 2] == UInt8(ascii: ">") else { break }
                    index = quote + 3
                    removed[names[number], default: 0] += 1
                    continue scan
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return removed.isEmpty ? nil : (result, removed)
    }

    static func kind(of code: Int) -> XSDIssue.Kind {
        switch UInt32(truncatingIfNeeded: code) {
        case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue, XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2.rawValue,
             XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_2.rawValue,
             XML_SCHEMAV_CVC_ELT_5_2_1.rawValue:
            return .datatype
        case XML_SCHEMAV_CVC_PATTERN_VALID.rawValue: return .pattern
        case XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue: return .enumeration
        case XML_SCHEMAV_CVC_LENGTH_VALID.rawValue: return .length
        case XML_SCHEMAV_CVC_MINLENGTH_VALID.rawValue: return .minLength
        case XML_SCHEMAV_CVC_MAXLENGTH_VALID.rawValue: return .maxLength
        case XML_SCHEMAV_CVC_MININCLUSIVE_VALID.rawValue: return .minInclusive
        case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID.rawValue: return .maxInclusive
        case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID.rawValue: return .minExclusive
        case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID.rawValue: return .maxExclusive
        case XML_SCHEMAV_CVC_TOTALDIGITS_VALID.rawValue: return .totalDigits
        case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID.rawValue: return .fractionDigits
        case XML_SCHEMAV_ELEMENT_CONTENT.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue,
             XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3.rawValue,
             XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4.rawValue, XML_SCHEMAV_CVC_TYPE_3_1_1.rawValue,
             XML_SCHEMAV_CVC_ELT_4_2.rawValue, XML_SCHEMAV_NOTSIMPLE.rawValue:
            return .content
        case XML_SCHEMAV_CVC_ELT_1.rawValue, XML_SCHEMAV_NOROOT.rawValue, XML_SCHEMAV_DOCUMENT_ELEMENT_MISSING.rawValue:
            return .rootMismatch
        case XML_SCHEMAV_CVC_ATTRIBUTE_1.rawValue, XML_SCHEMAV_CVC_ATTRIBUTE_2.rawValue,
             XML_SCHEMAV_CVC_ATTRIBUTE_3.rawValue, XML_SCHEMAV_CVC_ATTRIBUTE_4.rawValue,
             XML_SCHEMAV_CVC_COMPLEX_TYPE_3_1.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1.rawValue,
             XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2.rawValue, XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue,
             XML_SCHEMAV_CVC_AU.rawValue:
            return .attribute
        default:
            return .other
        }
    }
}
