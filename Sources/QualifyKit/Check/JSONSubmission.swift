import QualifyDocument

/// The document-level checks for the JSON form; XML gets the same from `XMLMapping`.
enum JSONSubmission {
    static func problems(in document: Document, model: FormModel) -> (problems: [Problem], walk: Bool) {
        let root = document.root
        let position = root.position
        guard let members = root.members else {
            return ([Problem(.wrongForm, at: .root, position: position, value: root.scalarText ?? "a list")], false)
        }
        var problems: [Problem] = []
        guard case .complex(let form)? = model.type(named: model.rootType) else { return ([], false) }
        let known = members.filter { form.field($0.key) != nil }
        if known.isEmpty {
            return ([Problem(.wrongForm, at: .root, position: position, value: members.first?.key ?? "")], false)
        }
        if let version = root["schemaVersion"] {
            let text = version.scalarText ?? ""
            if case .string = version.value, model.versions.contains(text) {
                // the version this checker reads
            } else {
                problems.append(Problem(.wrongVersion, at: .root, position: version.position, value: text,
                                        facts: ["expected": model.versions.joined(separator: ", ")]))
            }
        } else {
            problems.append(Problem(.missingVersion, at: .root, position: position, facts: ["expected": model.versions.first ?? ""]))
        }
        return (problems, true)
    }

    /// Text with a character XML cannot hold (an escaped control character such as \u0001):
    /// JSON allows it, but the submission could never become XML, and it is almost always
    /// pasted in by mistake. JSON Schema cannot see it, so it is looked for here.
    static func hiddenCharacters(_ node: Node, at tokens: inout [DocumentPath.Token], into problems: inout [Problem]) {
        switch node.value {
        case .object(let members):
            for member in members {
                tokens.append(.key(member.key))
                hiddenCharacters(member.node, at: &tokens, into: &problems)
                tokens.removeLast()
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                tokens.append(.index(index))
                hiddenCharacters(item, at: &tokens, into: &problems)
                tokens.removeLast()
            }
        case .string(let text):
            guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }),
                  let bad = text.unicodeScalars.first(where: { !isXMLCharacter($0) }) else { return }
            let hex = String(bad.value, radix: 16, uppercase: true)
            problems.append(Problem(.controlCharacter, at: DocumentPath(tokens), position: node.position, value: text,
                                    facts: ["character": "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex]))
        default:
            break
        }
    }

    /// XML 1.0's Char production, for what JSON can hold (no lone surrogates reach here).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

extension InputProblem {
    init(_ problem: JSONReader.Problem) {
        var values: [String: String] = [:]
        let key: String
        switch problem.kind {
        case .empty: key = "input.empty"
        case .unexpectedEnd: key = "input.json.unexpected-end"
        case .unexpected(let found):
            key = "input.json.unexpected"
            values["found"] = found
        case .missingComma: key = "input.json.missing-comma"
        case .trailingComma: key = "input.json.trailing-comma"
        case .comment: key = "input.json.comment"
        case .singleQuotes: key = "input.json.single-quotes"
        case .keyNotQuoted: key = "input.json.key-not-quoted"
        case .bareWord(let word):
            key = "input.json.bare-word"
            values["found"] = word
        case .badNumber(let text):
            key = "input.json.bad-number"
            values["found"] = text
        case .badEscape: key = "input.json.bad-escape"
        case .loneSurrogate: key = "input.json.lone-surrogate"
        case .controlCharacter: key = "input.json.control-character"
        case .invalidUTF8: key = "input.not-utf8"
        case .tooDeep(let limit):
            key = "input.json.too-deep"
            values["limit"] = "\(limit)"
        case .extraContent: key = "input.json.extra-content"
        }
        self = .json(line: problem.line, column: problem.column, key: key, values: values)
    }
}
