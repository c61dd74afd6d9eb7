import QualifyDocument
import QualifyKit

/// "Add another" and "Remove", done on the server. The path comes from the browser, so it is
/// checked against the form and the section before anything changes; a path that does not fit
/// changes nothing.
struct FormEdits {
    let model: FormModel

    func add(at path: DocumentPath, in section: FormPlan.Section, to root: Node) -> Node {
        guard section.owner(of: path) != nil, case .list(let list)? = type(at: path) else { return root }
        let items = root.node(at: path)?.items
        if root.node(at: path) != nil, items == nil { return root }
        guard (items?.count ?? 0) < (list.item.maxOccurs ?? Int.max) else { return root }
        let blank: Node
        if case .complex? = model.type(named: list.item.typeName) { blank = Node(.object([])) } else { blank = Node(.string("")) }
        var edited = withSections(along: path, in: root)
        edited = edited.setting(path, to: Node(.array((items ?? []) + [blank])))
        return edited
    }

    /// Takes out one item of a list, or a field the form does not have; an emptied list goes too.
    func remove(at path: DocumentPath, in section: FormPlan.Section, from root: Node) -> Node {
        guard let base = section.owner(of: path), path.tokens.count > base.tokens.count, root.node(at: path) != nil,
              let parent = path.parent else { return root }
        if case .index? = path.tokens.last {
            guard case .list? = type(at: parent) else { return root }
        } else if let key = path.lastKey, case .complex(let complex)? = type(at: parent), complex.field(key) != nil {
            return root
        }
        let edited = root.removing(path)
        if edited.node(at: parent)?.items?.isEmpty == true { return edited.removing(parent) }
        return edited
    }

    /// Empty sections made on the way, so that a first item can be added to a list whose section
    /// has no answers yet.
    private func withSections(along path: DocumentPath, in root: Node) -> Node {
        var edited = root
        var walked = DocumentPath.root
        for token in path.tokens.dropLast() {
            walked = DocumentPath(walked.tokens + [token])
            if edited.node(at: walked) == nil { edited = edited.setting(walked, to: Node(.object([]))) }
        }
        return edited
    }

    /// The form's type at a path, following sections by name and lists by position.
    func type(at path: DocumentPath) -> FormType? {
        var type = model.type(named: model.rootType)
        for token in path.tokens {
            switch (token, type) {
            case (.key(let key), .complex(let complex)?): type = complex.field(key).flatMap { model.type(named: $0.typeName) }
            case (.index, .list(let list)?): type = model.type(named: list.item.typeName)
            default: return nil
            }
        }
        return type
    }
}
