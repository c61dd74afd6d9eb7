import Foundation
import QualifyDocument
import QualifyXML

/// The one mapping from the XML form of a submission to the neutral document (schemas/MAPPING.md):
/// sections become objects, lists become arrays, yes/no and number fields become booleans and
/// numbers when they are written correctly, and everything else stays text as written.
struct XMLMapping {
    let model: FormModel

    struct Result {
        var document: Document?
        var problems: [Problem]
        /// Where each XML element went in the neutral document, to place libxml2's complaints.
        var paths: [Int: DocumentPath] = [:]
    }

    func map(_ tree: XMLTree) -> Result {
        let root = tree.root
        let rootPosition = SourcePosition(line: root.line, column: root.column)
        guard root.name == model.rootName else {
            let found = root.qualifiedName
            return Result(document: nil, problems: [Problem(.wrongForm, at: .root, position: rootPosition, value: found,
                                                            facts: ["expected": model.rootName])])
        }
        var problems: [Problem] = []
        if root.namespace != model.namespace {
            problems.append(Problem(.wrongForm, at: .root, position: rootPosition, value: root.namespace ?? "",
                                    facts: ["expected": model.namespace]))
        }
        let version = tree.attribute("schemaVersion", of: 0)
        if let version, !model.versions.contains(version) {
            problems.append(Problem(.wrongVersion, at: .root, position: rootPosition, value: version,
                                    facts: ["expected": model.versions.joined(separator: ", ")]))
        } else if version == nil {
            problems.append(Problem(.missingVersion, at: .root, position: rootPosition,
                                    facts: ["expected": model.versions.first ?? ""]))
        }
        var walker = Walker(model: model, tree: tree, formNamespace: root.namespace)
        var rootNode = walker.node(for: 0, type: model.type(named: model.rootType), path: .root)
        if case .object(var members) = rootNode.value {
            members.insert(Member(key: "schemaVersion", node: Node(.string(version ?? ""), position: rootPosition)), at: 0)
            rootNode.value = .object(members)
        }
        return Result(document: Document(root: rootNode, format: .xml), problems: problems + walker.problems,
                      paths: walker.paths)
    }

    private struct Walker {
        let model: FormModel
        let tree: XMLTree
        let formNamespace: String?
        var problems: [Problem] = []
        var paths: [Int: DocumentPath] = [:]

        init(model: FormModel, tree: XMLTree, formNamespace: String?) {
            self.model = model
            self.tree = tree
            self.formNamespace = formNamespace
        }

        func key(of element: XMLTree.Element) -> String {
            element.namespace == formNamespace ? element.name : element.qualifiedName
        }

        mutating func node(for index: Int, type: FormType?, path: DocumentPath) -> Node {
            let element = tree.elements[index]
            let position = SourcePosition(line: element.line, column: element.column)
            paths[index] = path
            for attribute in element.attributes where !(index == 0 && attribute.name == "schemaVersion")
                && attribute.namespace != "http://www.w3.org/2001/XMLSchema-instance" {
                problems.append(Problem(.unknownField, at: path.appending("@" + attribute.name), position: position,
                                        value: attribute.name, facts: ["attribute": "yes"]))
            }
            switch type {
            case .complex(let complex)?:
                return Node(.object(members(of: index, path: path) { complex.field($0)?.typeName }), position: position)
            case .list(let list)?:
                let items = element.children.enumerated().map { offset, child -> Node in
                    let childElement = tree.elements[child]
                    var item = node(for: child, type: key(of: childElement) == list.item.name
                        ? model.type(named: list.item.typeName) : nil, path: path.appending(index: offset))
                    item.tag = key(of: childElement)
                    return item
                }
                return Node(.array(items), position: position)
            case .simple(let simple)?:
                if !element.children.isEmpty {
                    return Node(.object(members(of: index, path: path) { _ in nil }), position: position)
                }
                return Node(Self.scalar(element.text, base: simple.base), position: position)
            case nil:
                if element.children.isEmpty { return Node(.string(element.text), position: position) }
                return Node(.object(members(of: index, path: path) { _ in nil }), position: position)
            }
        }

        private mutating func members(of index: Int, path: DocumentPath, typeOf: (String) -> String?) -> [Member] {
            let element = tree.elements[index]
            if !element.children.isEmpty || !element.text.isEmpty,
               !element.text.trimmedSpace.isEmpty {
                problems.append(Problem(.unexpectedText, at: path, position: SourcePosition(line: element.line, column: element.column),
                                        value: element.text.trimmedSpace))
            }
            return element.children.map { child in
                let name = key(of: tree.elements[child])
                let type = typeOf(name).flatMap(model.type(named:))
                return Member(key: name, node: node(for: child, type: type, path: path.appending(name)))
            }
        }

        static func scalar(_ text: String, base: SimpleType.Base) -> Node.Value {
            let trimmed = text.trimmedSpace
            switch base {
            case .boolean:
                if trimmed == "true" || trimmed == "1" { return .bool(true) }
                if trimmed == "false" || trimmed == "0" { return .bool(false) }
                return .string(text)
            case .decimal:
                return Lexical.isDecimal(trimmed) ? .number(trimmed) : .string(text)
            case .integer, .nonNegativeInteger:
                return Lexical.isInteger(trimmed) ? .number(trimmed) : .string(text)
            case .string, .date, .dateTime, .anyURI:
                return .string(text)
            }
        }
    }
}
