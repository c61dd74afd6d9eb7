import QualifyDocument

/// Writes a neutral document as the XML form of the submission, fields in form order, lists
/// with their item names from the schema. What cannot be written is collected as losses.
struct XMLWriter {
    let model: FormModel
    private(set) var losses: [(path: DocumentPath, reason: Loss)] = []

    enum Loss: String {
        case nullValue = "null"
        case badName = "name"
        case listWithoutItemName = "list"
        case notAnObject = "root"
    }

    init(model: FormModel) {
        self.model = model
    }

    mutating func write(_ root: Node) -> String {
        guard let members = root.members else {
            losses.append((.root, .notAnObject))
            return ""
        }
        let version = root["schemaVersion"]?.scalarText ?? model.versions.first ?? ""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<\(model.rootName) xmlns=\"\(Self.escape(model.namespace))\" schemaVersion=\"\(Self.escape(version))\">\n"
        let body = members.filter { $0.key != "schemaVersion" }
        out += section(body, type: model.type(named: model.rootType), path: .root, level: 1)
        out += "</\(model.rootName)>\n"
        return out
    }

    private mutating func section(_ members: [Member], type: FormType?, path: DocumentPath, level: Int) -> String {
        var ordered = members.enumerated().map { ($0.offset, $0.element) }
        if case .complex(let complex)? = type {
            ordered.sort { lhs, rhs in
                let a = complex.order(of: lhs.1.key) ?? Int.max, b = complex.order(of: rhs.1.key) ?? Int.max
                return a != b ? a < b : lhs.0 < rhs.0
            }
        }
        var out = ""
        for (_, member) in ordered {
            var fieldType: FormType?
            if case .complex(let complex)? = type, let field = complex.field(member.key) {
                fieldType = model.type(named: field.typeName)
            }
            out += element(member.key, member.node, type: fieldType, path: path.appending(member.key), level: level)
        }
        return out
    }

    private mutating func element(_ name: String, _ node: Node, type: FormType?, path: DocumentPath, level: Int) -> String {
        guard Self.isXMLName(name) else {
            losses.append((path, .badName))
            return ""
        }
        let pad = String(repeating: "  ", count: level)
        switch node.value {
        case .object(let members):
            if members.isEmpty { return "\(pad)<\(name)/>\n" }
            return "\(pad)<\(name)>\n" + section(members, type: type, path: path, level: level + 1) + "\(pad)</\(name)>\n"
        case .array(let items):
            guard case .list(let list)? = type else {
                losses.append((path, .listWithoutItemName))
                return ""
            }
            if items.isEmpty { return "\(pad)<\(name)/>\n" }
            var out = "\(pad)<\(name)>\n"
            for (index, item) in items.enumerated() {
                out += element(item.tag ?? list.item.name, item, type: model.type(named: list.item.typeName),
                               path: path.appending(index: index), level: level + 1)
            }
            return out + "\(pad)</\(name)>\n"
        case .string(let text): return "\(pad)<\(name)>\(Self.escape(text))</\(name)>\n"
        case .number(let text): return "\(pad)<\(name)>\(text)</\(name)>\n"
        case .bool(let flag): return "\(pad)<\(name)>\(flag)</\(name)>\n"
        case .null:
            losses.append((path, .nullValue))
            return ""
        }
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }

    static func isXMLName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
            && !name.lowercased().hasPrefix("xml")
    }
}
