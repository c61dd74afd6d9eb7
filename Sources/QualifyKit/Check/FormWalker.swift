import Foundation
import QualifyDocument

/// Checks a neutral document against the form, field by field. Unlike libxml2, which stops
/// checking a section at its first unexpected field, this walks everything, so that one
/// mistake never hides another. It serves XML and JSON alike.
struct FormWalker {
    let model: FormModel
    let format: Document.Format
    private(set) var problems: [Problem] = []

    init(model: FormModel, format: Document.Format) {
        self.model = model
        self.format = format
    }

    static func check(_ document: Document, against model: FormModel) -> [Problem] {
        var walker = FormWalker(model: model, format: document.format)
        var root = document.root
        // The form version is checked on its own; it is not a field of the form.
        if case .object(let members) = root.value {
            root.value = .object(members.filter { $0.key != "schemaVersion" })
        }
        walker.walk(root, type: model.type(named: model.rootType), path: .root)
        return walker.problems
    }

    /// The path is made only when it is needed (a section, a list or a problem): most values
    /// are fine, and making a path for each one was a large share of the time per file.
    mutating func walk(_ node: Node, type: FormType?, path: @autoclosure () -> DocumentPath) {
        switch type {
        case .complex(let complex)?: walkSection(node, complex, path: path())
        case .list(let list)?: walkList(node, list, path: path())
        case .simple(let simple)?:
            if let problem = ValueCheck.problem(in: node, type: simple, path: path(), format: format) { problems.append(problem) }
        case nil: break
        }
    }

    private mutating func walkSection(_ node: Node, _ type: ComplexType, path: DocumentPath) {
        guard let members = node.members else {
            if case .string(let text) = node.value, text.trimmedSpace.isEmpty {
                reportMissing(in: type, present: { _ in false }, at: path, position: node.position)
            } else {
                problems.append(Problem(.notASection, at: path, position: node.position, value: node.scalarText))
            }
            return
        }
        // Fields seen, by their place in the form (a field's name has one place), rather than a
        // set of names to hash; and the names misspelt ones suggest, kept as they are found.
        var seen = [Bool](repeating: false, count: type.fields.count)
        var suggested: [String] = []
        var known: [(order: Int, member: Member)] = []
        for member in members {
            guard let order = type.order(of: member.key) else {
                var facts: [String: String] = [:]
                if let suggestion = Suggest.closest(to: member.key, among: type.fields.map(\.name)) {
                    facts["suggestion"] = suggestion
                    suggested.append(suggestion)
                }
                problems.append(Problem(.unknownField, at: path.appending(member.key), position: member.node.position,
                                        value: member.key, facts: facts))
                continue
            }
            if seen[order] {
                problems.append(Problem(.repeated, at: path.appending(member.key), position: member.node.position, value: member.key))
                continue
            }
            seen[order] = true
            known.append((order, member))
            walk(member.node, type: model.type(named: type.fields[order].typeName), path: path.appending(member.key))
        }
        if format == .xml { reportOrder(known, in: type, path: path) }
        // A misspelt field that suggests a missing one is one mistake, told once.
        reportMissing(in: type, present: { name in type.order(of: name).map { seen[$0] } == true || suggested.contains(name) },
                      at: path, position: node.position)
    }

    private mutating func reportMissing(in type: ComplexType, present: (String) -> Bool, at path: DocumentPath,
                                        position: SourcePosition?) {
        for field in type.fields where field.isRequired && !present(field.name) {
            problems.append(Problem(.missing, at: path.appending(field.name), position: position))
        }
    }

    /// Fields outside the longest run already in form order are the ones to move: moving
    /// those few puts everything right.
    private mutating func reportOrder(_ known: [(order: Int, member: Member)], in type: ComplexType, path: DocumentPath) {
        let keep = Set(LongestRun.increasing(known.map(\.order)))
        for (offset, entry) in known.enumerated() where !keep.contains(offset) {
            let before = known.indices.filter { keep.contains($0) && known[$0].order < entry.order }.last
            var facts: [String: String] = [:]
            if let before { facts["after"] = known[before].member.key }
            problems.append(Problem(.wrongPlace, at: path.appending(entry.member.key), position: entry.member.node.position,
                                    value: entry.member.key, facts: facts))
        }
    }

    private mutating func walkList(_ node: Node, _ list: ListType, path: DocumentPath) {
        guard let items = node.items else {
            if case .string(let text) = node.value, text.trimmedSpace.isEmpty {
                problems.append(Problem(.tooFew, at: path, position: node.position, facts: ["min": "\(list.item.minOccurs)"]))
            } else {
                problems.append(Problem(.notAList, at: path, position: node.position, value: node.scalarText))
            }
            return
        }
        var counted = 0
        for (index, item) in items.enumerated() {
            if let tag = item.tag, tag != list.item.name {
                var facts: [String: String] = [:]
                if let suggestion = Suggest.closest(to: tag, among: [list.item.name]) { facts["suggestion"] = suggestion }
                problems.append(Problem(.unknownField, at: path.appending(index: index), position: item.position, value: tag, facts: facts))
                continue
            }
            counted += 1
            walk(item, type: model.type(named: list.item.typeName), path: path.appending(index: index))
        }
        if counted < list.item.minOccurs {
            problems.append(Problem(.tooFew, at: path, position: node.position, facts: ["min": "\(list.item.minOccurs)"]))
        }
        if let max = list.item.maxOccurs, counted > max {
            problems.append(Problem(.tooMany, at: path, position: node.position,
                                    facts: ["count": "\(counted)", "max": "\(max)"]))
        }
    }
}

enum LongestRun {
    /// Positions of one longest strictly increasing subsequence (patience method).
    static func increasing(_ values: [Int]) -> [Int] {
        var tails: [Int] = []
        var previous = Array(repeating: -1, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [Int] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.append(cursor)
            cursor = previous[cursor]
        }
        return result.reversed()
    }
}
