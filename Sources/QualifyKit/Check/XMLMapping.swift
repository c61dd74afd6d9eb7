import Foundation
import QualifyDocument
import QualifyXML

/// The one mapping from the XML form of a submission to the neutral document (schemas/MAPPING.md):
/// sections become objects, lists become arrays, yes/no and number fields become booleans and
/// numbers when they are written correctly, and everything else stays text as written.
struct XMLMapping {
    let model: FormModel
    /// Whether answers are checked against the patterns and maximum lengths the quick schema
    /// leaves out (see `QuickFacets`); only worth it when the quick schema read the file.
    var checksQuickFacets = false

    struct Result {
        var document: Document?
        var problems: [Problem]
        /// Where each XML element went in the neutral document, to place libxml2's complaints.
        var paths = ElementPaths(count: 0)
        /// Some answer of a type that must not be blank is blank (or has no type to tell), or
        /// (when checked) breaks a pattern or a maximum length, so the quick schema's yes
        /// cannot be trusted (see `Kit.quickSchema`).
        var needsPublishedSchema = false
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
        var walker = Walker(tree: tree, formNamespace: root.namespace, checksQuickFacets: checksQuickFacets)
        var rootNode = walker.node(for: 0, plan: model.mappingPlans.root(of: model, withQuickChecks: checksQuickFacets),
                                   parent: -1, step: nil)
        if case .object(var members) = rootNode.value {
            members.insert(Member(key: "schemaVersion", node: Node(.string(version ?? ""), position: rootPosition)), at: 0)
            rootNode.value = .object(members)
        }
        return Result(document: Document(root: rootNode, format: .xml), problems: problems + walker.problems,
                      paths: walker.paths, needsPublishedSchema: walker.needsPublishedSchema)
    }

    private struct Walker {
        let tree: XMLTree
        let formNamespace: String?
        var problems: [Problem] = []
        var paths: ElementPaths
        var needsPublishedSchema = false
        let checksQuickFacets: Bool

        init(tree: XMLTree, formNamespace: String?, checksQuickFacets: Bool) {
            self.tree = tree
            self.checksQuickFacets = checksQuickFacets
            self.formNamespace = formNamespace
            paths = ElementPaths(count: tree.elements.count)
        }

        // Elements are read field by field (`tree.elements[index].name`), never copied whole:
        // copying one copies its six strings and arrays, and that was a fifth of the mapping.
        func key(of index: Int) -> String {
            tree.elements[index].namespace == formNamespace ? tree.elements[index].name : tree.elements[index].qualifiedName
        }

        /// `step` is the key or list position that leads from the parent element to this one.
        mutating func node(for index: Int, plan: MappingPlan?, parent: Int, step: DocumentPath.Token?) -> Node {
            let position = SourcePosition(line: tree.elements[index].line, column: tree.elements[index].column)
            paths.record(index, parent: parent, step: step)
            if !tree.elements[index].attributes.isEmpty { attributeProblems(index, position) }
            let children = tree.elements[index].children
            switch plan?.kind {
            case .complex?:
                return Node(.object(members(of: index, children) { plan?.field($0) }), position: position)
            case .list?:
                let itemName = plan?.itemName, itemPlan = plan?.itemPlan
                let items = children.enumerated().map { offset, child -> Node in
                    let name = key(of: child)
                    var item = node(for: child, plan: name == itemName ? itemPlan : nil, parent: index, step: .index(offset))
                    item.tag = name
                    return item
                }
                return Node(.array(items), position: position)
            case .simple(let base, let mustNotBeBlank, let quickCheck)?:
                if !children.isEmpty {
                    return Node(.object(members(of: index, children) { _ in nil }), position: position)
                }
                // The not-blank pattern's answer for text libxml2 has read: XML holds none of the
                // characters the pattern refuses, so the first one that is not white space decides.
                let text = tree.elements[index].text
                if mustNotBeBlank, !text.hasNonSpace {
                    needsPublishedSchema = true
                } else if checksQuickFacets, !needsPublishedSchema, let quickCheck, !quickCheck.allows(text) {
                    needsPublishedSchema = true
                }
                return Node(Self.scalar(text, base: base), position: position)
            case nil:
                if children.isEmpty {
                    if !tree.elements[index].text.hasNonSpace { needsPublishedSchema = true }
                    return Node(.string(tree.elements[index].text), position: position)
                }
                return Node(.object(members(of: index, children) { _ in nil }), position: position)
            }
        }

        private mutating func attributeProblems(_ index: Int, _ position: SourcePosition) {
            for attribute in tree.elements[index].attributes where !(index == 0 && attribute.name == "schemaVersion")
                && attribute.namespace != "http://www.w3.org/2001/XMLSchema-instance" {
                problems.append(Problem(.unknownField, at: paths[index].appending("@" + attribute.name), position: position,
                                        value: attribute.name, facts: ["attribute": "yes"]))
            }
        }

        private mutating func members(of index: Int, _ children: [Int], planOf: (String) -> MappingPlan?) -> [Member] {
            if tree.elements[index].text.hasNonSpace {
                problems.append(Problem(.unexpectedText, at: paths[index],
                                        position: SourcePosition(line: tree.elements[index].line, column: tree.elements[index].column),
                                        value: tree.elements[index].text.trimmedSpace))
            }
            return children.map { child in
                let name = key(of: child)
                return Member(key: name, node: node(for: child, plan: planOf(name), parent: index, step: .key(name)))
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

/// Where each XML element went in the neutral document: one step from its parent for each
/// element, put together into a path only for the few that a problem names (making a path for
/// every element of every file was a large share of the time).
struct ElementPaths {
    private var parents: [Int]
    private var steps: [DocumentPath.Token?]

    init(count: Int) {
        parents = Array(repeating: -2, count: count)
        steps = Array(repeating: nil, count: count)
    }

    /// The root has parent -1 and no step.
    mutating func record(_ index: Int, parent: Int, step: DocumentPath.Token?) {
        parents[index] = parent
        steps[index] = step
    }

    func contains(_ index: Int) -> Bool { parents.indices.contains(index) && parents[index] != -2 }

    /// The path of a recorded element; the root for one that was never mapped.
    subscript(index: Int) -> DocumentPath {
        guard contains(index) else { return .root }
        var tokens: [DocumentPath.Token] = []
        var current = index
        while current >= 0, let step = steps[current] {
            tokens.append(step)
            current = parents[current]
        }
        return DocumentPath(tokens.reversed())
    }
}
