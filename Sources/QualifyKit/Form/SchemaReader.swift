import Foundation
import QualifyXML

public struct SchemaReadError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Builds a `FormModel` from the XSD, read as plain XML. It accepts the subset of XSD the
/// form is written in (named types, one sequence each, lists of one repeated element, simple
/// restrictions) and says clearly when the schema strays from it.
enum SchemaReader {
    static let xs = "http://www.w3.org/2001/XMLSchema"

    static func read(_ tree: XMLTree) throws -> FormModel {
        let schema = tree.root
        guard schema.name == "schema", schema.namespace == xs else {
            throw SchemaReadError(description: "the file is not an XML Schema")
        }
        let namespace = tree.attribute("targetNamespace", of: 0) ?? ""
        var types: [String: FormType] = [:]
        var root: (name: String, type: String, label: String)?
        for index in tree.elements[0].children {
            let element = tree.elements[index]
            guard element.namespace == xs, let name = tree.attribute("name", of: index) else { continue }
            switch element.name {
            case "element":
                let docs = documentation(of: index, in: tree)
                root = (name, local(tree.attribute("type", of: index) ?? ""), docs["label"] ?? name)
            case "complexType":
                types[name] = try complexType(index, named: name, in: tree)
            case "simpleType":
                types[name] = .simple(try simpleType(index, named: name, in: tree))
            default:
                continue
            }
        }
        guard let root else { throw SchemaReadError(description: "the schema declares no root field") }
        var versions: [String] = []
        if let versionType = versionTypeName(of: root.type, in: tree), case .simple(let simple)? = types[versionType] {
            versions = simple.choices.map(\.value)
        }
        return FormModel(namespace: namespace, rootName: root.name, rootLabel: root.label,
                         versions: versions, rootType: root.type, types: types)
    }

    private static func complexType(_ index: Int, named name: String, in tree: XMLTree) throws -> FormType {
        let sequence = tree.elements[index].children.first { tree.elements[$0].name == "sequence" }
        let fields = try (sequence.map { tree.elements[$0].children } ?? []).compactMap { child -> FieldDecl? in
            guard tree.elements[child].name == "element" else { return nil }
            return try field(child, in: tree)
        }
        if fields.count == 1, let only = fields.first, (only.maxOccurs ?? Int.max) > 1 {
            return .list(ListType(name: name, item: only))
        }
        if let repeated = fields.first(where: { ($0.maxOccurs ?? Int.max) > 1 }) {
            throw SchemaReadError(description: "\(name).\(repeated.name) repeats outside a list")
        }
        return .complex(ComplexType(name: name, fields: fields))
    }

    private static func field(_ index: Int, in tree: XMLTree) throws -> FieldDecl {
        guard let name = tree.attribute("name", of: index), let type = tree.attribute("type", of: index) else {
            throw SchemaReadError(description: "a field on line \(tree.elements[index].line) has no name or type")
        }
        let docs = documentation(of: index, in: tree)
        guard let label = docs["label"] else {
            throw SchemaReadError(description: "field '\(name)' on line \(tree.elements[index].line) has no label")
        }
        let maxText = tree.attribute("maxOccurs", of: index) ?? "1"
        return FieldDecl(
            name: name,
            typeName: type.hasPrefix("xs:") ? type : local(type),
            minOccurs: Int(tree.attribute("minOccurs", of: index) ?? "1") ?? 1,
            maxOccurs: maxText == "unbounded" ? nil : Int(maxText) ?? 1,
            label: label,
            hint: docs["hint"] ?? "",
            omitFromPlace: docs["place"] == "omit")
    }

    private static func simpleType(_ index: Int, named name: String, in tree: XMLTree) throws -> SimpleType {
        guard let restriction = tree.elements[index].children.first(where: { tree.elements[$0].name == "restriction" }),
              let baseName = tree.attribute("base", of: restriction),
              let builtin = SimpleType.builtin(baseName) else {
            throw SchemaReadError(description: "simple type \(name) is not a restriction of a built-in type")
        }
        var type = SimpleType(name: name, base: builtin.base)
        type.format = documentation(of: index, in: tree)["format"]
        for facet in tree.elements[restriction].children {
            let value = tree.attribute("value", of: facet) ?? ""
            switch tree.elements[facet].name {
            case "enumeration":
                var docs = documentation(of: facet, in: tree)
                let label = docs.removeValue(forKey: "label") ?? value
                type.choices.append(.init(value: value, label: label, facts: docs))
            case "pattern":
                guard let pattern = XSDPattern(value) else {
                    throw SchemaReadError(description: "pattern of \(name) cannot be compiled: \(value)")
                }
                type.patterns.append(pattern)
            case "minLength": type.minLength = Int(value)
            case "maxLength": type.maxLength = Int(value)
            case "minInclusive": type.minInclusive = Decimal(string: value)
            case "maxInclusive": type.maxInclusive = Decimal(string: value)
            case "fractionDigits": type.fractionDigits = Int(value)
            case "annotation": continue
            default:
                throw SchemaReadError(description: "facet \(tree.elements[facet].name) of \(name) is not supported")
            }
        }
        return type
    }

    /// The `xs:documentation` texts of a declaration, keyed by their `source` attribute.
    private static func documentation(of index: Int, in tree: XMLTree) -> [String: String] {
        var result: [String: String] = [:]
        for annotation in tree.elements[index].children where tree.elements[annotation].name == "annotation" {
            for doc in tree.elements[annotation].children where tree.elements[doc].name == "documentation" {
                let source = tree.attribute("source", of: doc) ?? "text"
                result[source] = Words.collapsed(tree.elements[doc].text)
            }
        }
        return result
    }

    private static func versionTypeName(of rootType: String, in tree: XMLTree) -> String? {
        for index in tree.elements.indices where tree.elements[index].name == "complexType"
            && tree.attribute("name", of: index) == rootType {
            for child in tree.elements[index].children where tree.elements[child].name == "attribute" {
                if tree.attribute("name", of: child) == "schemaVersion" {
                    return tree.attribute("type", of: child).map(local)
                }
            }
        }
        return nil
    }

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
