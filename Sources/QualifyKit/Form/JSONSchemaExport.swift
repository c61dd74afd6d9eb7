import Foundation
import QualifyDocument

/// Writes the JSON Schema (draft 2020-12) for the JSON form of the submission from the same
/// model the XSD defines, so the two published schemas cannot drift apart. The result is
/// committed as schemas/qualification-1.0.schema.json and a test fails when it is stale.
public enum JSONSchemaExport {
    public static let fileName = "schemas/qualification-1.0.schema.json"

    public static func schema(for model: FormModel) -> String {
        var defs: [Member] = []
        var rootFields: [Member] = []
        var required: [Node] = [s("schemaVersion")]
        if case .complex(let root)? = model.type(named: model.rootType) {
            rootFields = root.fields.map { Member(key: $0.name, node: property($0)) }
            required += root.fields.filter(\.isRequired).map { s($0.name) }
        }
        for name in model.types.keys.sorted() where name != model.rootType {
            guard let type = model.types[name], let body = definition(type) else { continue }
            defs.append(Member(key: name, node: body))
        }
        let builtins = Set(model.types.values.flatMap(fieldsOf).map(\.typeName)
            + rootFieldsOf(model).map(\.typeName)).filter { SimpleType.builtin($0) != nil && model.types[$0] == nil }
        for name in builtins.sorted() {
            if let simple = SimpleType.builtin(name) {
                defs.append(Member(key: builtinName(name), node: Node(.object(simpleMembers(simple)))))
            }
        }
        let version = Node(.object([
            m("title", s("Form version")),
            m("description", s("The version of this form the file follows.")),
            m("enum", Node(.array(model.versions.map(s)))),
        ]))
        let root = Node(.object([
            m("$schema", s("https://json-schema.org/draft/2020-12/schema")),
            m("$id", s(model.namespace + ":json")),
            m("title", s(model.rootLabel)),
            m("description", s("The JSON form of the submission. Generated from \(Kit.schemaFile) by `qualify schema --write`; edit the XSD, not this file.")),
            m("type", s("object")),
            m("properties", Node(.object([Member(key: "schemaVersion", node: version)] + rootFields))),
            m("required", Node(.array(required))),
            m("additionalProperties", Node(.bool(false))),
            m("$defs", Node(.object(defs))),
        ]))
        return JSONWriter.write(root)
    }

    private static func property(_ field: FieldDecl) -> Node {
        Node(.object([
            m("title", s(field.label)),
            m("description", s(field.hint)),
            m("$ref", s("#/$defs/" + (SimpleType.builtin(field.typeName) != nil ? builtinName(field.typeName) : field.typeName))),
        ]))
    }

    private static func fieldsOf(_ type: FormType) -> [FieldDecl] {
        switch type {
        case .complex(let complex): return complex.fields
        case .list(let list): return [list.item]
        case .simple: return []
        }
    }

    private static func rootFieldsOf(_ model: FormModel) -> [FieldDecl] {
        model.type(named: model.rootType).map(fieldsOf) ?? []
    }

    private static func builtinName(_ name: String) -> String {
        "xs-" + (name.split(separator: ":").last.map(String.init) ?? name)
    }

    private static func definition(_ type: FormType) -> Node? {
        switch type {
        case .complex(let complex):
            return Node(.object([
                m("type", s("object")),
                m("properties", Node(.object(complex.fields.map { Member(key: $0.name, node: property($0)) }))),
                m("required", Node(.array(complex.fields.filter(\.isRequired).map { s($0.name) }))),
                m("additionalProperties", Node(.bool(false))),
            ]))
        case .list(let list):
            var members = [m("type", s("array")), m("items", property(list.item)),
                           m("minItems", n(list.item.minOccurs))]
            if let max = list.item.maxOccurs { members.append(m("maxItems", n(max))) }
            return Node(.object(members))
        case .simple(let simple):
            return Node(.object(simpleMembers(simple)))
        }
    }

    static func simpleMembers(_ simple: SimpleType) -> [Member] {
        var members: [Member] = []
        switch simple.base {
        case .string, .anyURI: members.append(m("type", s("string")))
        case .date:
            members += [m("type", s("string")), m("format", s("date")),
                        m("pattern", s("^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"))]
        case .dateTime:
            members += [m("type", s("string")), m("format", s("date-time")),
                        m("pattern", s("^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"))]
        case .boolean: members.append(m("type", s("boolean")))
        case .decimal: members.append(m("type", s("number")))
        case .integer: members.append(m("type", s("integer")))
        case .nonNegativeInteger: members += [m("type", s("integer")), m("minimum", n(0))]
        }
        if !simple.choices.isEmpty {
            members.append(m("enum", Node(.array(simple.choices.map { s($0.value) }))))
            members.append(m("x-choiceLabels", Node(.object(simple.choices.map { Member(key: $0.value, node: s($0.label)) }))))
        }
        if let pattern = simple.patterns.first { members.append(m("pattern", s("^(?:\(pattern.source))$"))) }
        if let min = simple.minLength { members.append(m("minLength", n(min))) }
        if let max = simple.maxLength { members.append(m("maxLength", n(max))) }
        if let min = simple.minInclusive { members.append(m("minimum", Node(.number("\(min)")))) }
        if let max = simple.maxInclusive { members.append(m("maximum", Node(.number("\(max)")))) }
        if let digits = simple.fractionDigits, digits > 0 {
            members.append(m("multipleOf", Node(.number("0." + String(repeating: "0", count: digits - 1) + "1"))))
        }
        if let format = simple.format { members.append(m("x-format", s(format))) }
        return members
    }

    private static func m(_ key: String, _ node: Node) -> Member { Member(key: key, node: node) }
    private static func s(_ text: String) -> Node { Node(.string(text)) }
    private static func n(_ value: Int) -> Node { Node(.number("\(value)")) }
}
