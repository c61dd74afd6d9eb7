import QualifyDocument
import Synchronization

/// Names a path the way the form does ("Case study 2, outcomes"), from the schema's labels.
struct Places {
    let model: FormModel

    struct Description {
        var section: String
        var place: String
        /// The last part alone, ready to follow "the" ("outcomes", "VAT number").
        var field: String
    }

    func describe(_ path: DocumentPath) -> Description {
        if let known = model.placeWords.description(of: path) { return known }
        let made = describeAnew(path)
        model.placeWords.keep(made, for: path)
        return made
    }

    func describeAnew(_ path: DocumentPath) -> Description {
        let parts = components(path)
        guard let first = parts.first else {
            return Description(section: "Whole file", place: model.rootLabel, field: Self.inSentence(model.rootLabel))
        }
        return Description(section: section(of: path), place: Self.join(parts), field: Self.inSentence(parts.last ?? first))
    }

    /// The place of the section holding this path; the form itself for top-level fields.
    func parentPlace(of path: DocumentPath) -> String {
        guard let parent = path.parent, !parent.tokens.isEmpty else { return model.rootLabel }
        return Self.join(components(parent))
    }

    func section(of path: DocumentPath) -> String {
        guard case .key(let key)? = path.tokens.first else { return "Whole file" }
        guard case .complex(let root)? = model.type(named: model.rootType), let field = root.field(key) else {
            return "Other fields"
        }
        return field.label
    }

    func type(at path: DocumentPath) -> FormType? {
        var type = model.type(named: model.rootType)
        for token in path.tokens {
            switch (token, type) {
            case (.key(let key), .complex(let complex)?):
                type = complex.field(key).flatMap { model.type(named: $0.typeName) }
            case (.index, .list(let list)?):
                type = model.type(named: list.item.typeName)
            default:
                return nil
            }
        }
        return type
    }

    /// The field's declaration in its section, for how often it may appear.
    func declaration(at path: DocumentPath) -> FieldDecl? {
        guard let parent = path.parent, case .key(let key)? = path.tokens.last, case .complex(let complex)? = type(at: parent) else {
            return nil
        }
        return complex.field(key)
    }

    func label(ofField name: String, in path: DocumentPath) -> String? {
        if case .complex(let complex)? = type(at: path) { return complex.field(name)?.label }
        if case .list(let list)? = type(at: path), list.item.name == name { return list.item.label }
        return nil
    }

    private func components(_ path: DocumentPath) -> [String] {
        var parts: [String] = []
        var type = model.type(named: model.rootType)
        for (offset, token) in path.tokens.enumerated() {
            switch (token, type) {
            case (.key(let key), .complex(let complex)?):
                guard let field = complex.field(key) else {
                    parts.append("'\(key)'")
                    type = nil
                    continue
                }
                type = model.type(named: field.typeName)
                let nextIsIndex: Bool = {
                    guard offset + 1 < path.tokens.count, case .index = path.tokens[offset + 1] else { return false }
                    return true
                }()
                if case .list? = type, nextIsIndex { continue }
                if field.omitFromPlace, offset + 1 < path.tokens.count { continue }
                parts.append(field.label)
            case (.index(let index), .list(let list)?):
                parts.append("\(list.item.label) \(index + 1)")
                type = model.type(named: list.item.typeName)
            case (.key(let key), _):
                parts.append("'\(key)'")
                type = nil
            case (.index(let index), _):
                parts.append("item \(index + 1)")
                type = nil
            }
        }
        return parts
    }

    static func join(_ parts: [String]) -> String {
        guard let first = parts.first else { return "" }
        return ([first] + parts.dropFirst().map(inSentence)).joined(separator: ", ")
    }

    /// Lower-cases the first letter unless the first word is an abbreviation ("VAT number") or
    /// part of a name ("Northern Ireland charity number").
    static func inSentence(_ label: String) -> String {
        label.isASCII ? asciiInSentence(label) : inSentenceByCharacters(label)
    }

    static func inSentenceByCharacters(_ label: String) -> String {
        let words = label.split(separator: " ")
        guard let firstWord = words.first else { return label }
        if firstWord.count > 1, firstWord.allSatisfy({ $0.isUppercase || $0.isNumber }) { return label }
        if words.dropFirst().contains(where: { $0.first?.isUppercase == true }) { return label }
        if label.hasPrefix("'") { return label }
        // Names of nations and peoples keep their capital: "the Scottish charity number".
        if ["Scottish", "Welsh", "English", "Irish", "British", "European"].contains(String(firstWord)) { return label }
        return label.prefix(1).lowercased() + label.dropFirst()
    }

    /// The same for a label all in ASCII, by bytes: Character properties look up Unicode tables,
    /// and every finding's place and field are put in a sentence.
    static func asciiInSentence(_ label: String) -> String {
        let bytes = Array(label.utf8)
        let words = bytes.split(separator: 0x20)
        guard let firstWord = words.first else { return label }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        if firstWord.count > 1, firstWord.allSatisfy({ isUpper($0) || ($0 >= 0x30 && $0 <= 0x39) }) { return label }
        if words.dropFirst().contains(where: { isUpper($0.first!) }) { return label }
        if bytes.first == 0x27 { return label }
        if ["Scottish", "Welsh", "English", "Irish", "British", "European"].contains(where: { firstWord.elementsEqual($0.utf8) }) {
            return label
        }
        guard isUpper(bytes[0]) else { return label }
        var lowered = bytes
        lowered[0] += 0x20
        return String(decoding: lowered, as: UTF8.self)
    }
}

/// Descriptions of places made before, kept with the form model: the same places come up in
/// file after file, and wording one took as long as checking a few rules. Bounded, so that a
/// server reading odd paths all day does not grow without end.
final class PlaceWords: Sendable {
    static let limit = 4_096
    private let known = Mutex<[DocumentPath: Places.Description]>([:])

    func description(of path: DocumentPath) -> Places.Description? {
        known.withLock { $0[path] }
    }

    func keep(_ description: Places.Description, for path: DocumentPath) {
        known.withLock { known in
            if known.count < Self.limit { known[path] = description }
        }
    }
}
