// corpus: writes realistic submissions for benchmarks and soak tests.
//
//   swift run -c release corpus --count N --out DIR [--seed S] [--broken-share 0.1]
//
// Half the files are JSON (DIR/json) and half XML (DIR/xml). Each is one of the valid examples
// varied so it stays valid; a known share then gets one realistic mistake. DIR/manifest.json
// lists every file, what it was made from and how it was broken. The same seed gives the same
// files. XML is made from the JSON by Qualify's own converter, which converts the result back
// and refuses if anything would change, so both forms say the same thing.

import Foundation
import QualifyDocument
import QualifyKit

struct Options {
    var count = 1000
    var out = "corpus"
    var seed: UInt64 = 1
    var brokenShare = 0.1

    static let usage = "usage: corpus --count N --out DIR [--seed S] [--broken-share 0.1]"

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw Failure(Self.usage) }
            switch flag {
            case "--count": guard let n = Int(value), n > 0 else { throw Failure("--count takes a whole number above 0") }; count = n
            case "--out": out = value
            case "--seed": guard let s = UInt64(value) else { throw Failure("--seed takes a whole number") }; seed = s
            case "--broken-share":
                guard let share = Double(value), (0...1).contains(share) else { throw Failure("--broken-share takes a number from 0 to 1") }
                brokenShare = share
            default: throw Failure(Self.usage)
            }
        }
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Form: String { case json, xml }

/// Which files are broken and how: the same number in each form, the kinds taken in turn.
func plan(count: Int, share: Double, seed: UInt64) -> [Int: Breakage] {
    let total = Int((Double(count) * share).rounded())
    var random = Random(seed: seed, stream: 1 << 62)
    var chosen: [Int: Breakage] = [:]
    for (form, wanted) in [(0, total / 2), (1, total - total / 2)] {
        let indices = random.shuffled(Array(stride(from: form, to: count, by: 2)))
        for (turn, index) in indices.prefix(wanted).enumerated() {
            chosen[index] = Breakage.allCases[turn % Breakage.allCases.count]
        }
    }
    return chosen
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    guard let root = Kit.locate() else { throw Failure("cannot find schemas/ and examples/; run from the project or set QUALIFY_HOME") }
    let kit = try Kit(root: root)
    let converter = Converter(kit: kit)
    let validFolder = root.appendingPathComponent("examples/valid")
    let bases = try FileManager.default.contentsOfDirectory(atPath: validFolder.path)
        .filter { $0.hasSuffix(".json") }.sorted()
        .map { name -> Base in
            let bytes = try [UInt8](Data(contentsOf: validFolder.appendingPathComponent(name)))
            guard case .success(let node) = JSONReader.parse(bytes[...]) else { throw Failure("\(name) is not JSON") }
            return Base(name: String(name.dropLast(5)), value: Value(node))
        }
    guard !bases.isEmpty else { throw Failure("no valid examples in \(validFolder.path)") }
    let variation = Variation(bases: bases)

    let out = URL(fileURLWithPath: options.out)
    for form in [Form.json, .xml] {
        let folder = out.appendingPathComponent(form.rawValue)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let broken = plan(count: options.count, share: options.brokenShare, seed: options.seed)
    let width = max(5, String(options.count).count)
    var entries: [Node] = []
    for index in 0..<options.count {
        let form: Form = index % 2 == 0 ? .json : .xml
        let name = "q" + String(repeating: "0", count: width - String(index + 1).count) + "\(index + 1).\(form.rawValue)"
        let relative = "\(form.rawValue)/\(name)"
        var variant = variation.make(index: index, seed: options.seed)
        let clean = variant.value
        var made: Breakage.Made?
        if let kind = broken[index] {
            var random = Random(seed: options.seed, stream: (1 << 61) + UInt64(index))
            made = kind.apply(to: &variant.value, random: &random)
        }
        var text = JSONWriter.write(variant.value.node)
        if form == .xml {
            // A misspelt field is renamed in the XML itself, so it stays where the person wrote it
            // (the converter would put a field it does not know at the end of its section).
            let misspelt = made?.kind == .misspeltField
            let source = misspelt ? JSONWriter.write(clean.node) : text
            switch converter.convert(Array(source.utf8), file: relative, to: .xml) {
            case .success(let xml):
                text = xml
                if misspelt, let made {
                    let field = String(made.before)
                    guard let renamed = Breakage.misspell(xml, field: field, as: made.after ?? field) else {
                        throw Failure("\(relative): no <\(field)> to misspell")
                    }
                    text = renamed
                }
            case .failure(let failure):
                throw Failure("\(relative): the converter refused: " + failure.findings.map(\.message).joined(separator: " "))
            }
        }
        try Data(text.utf8).write(to: out.appendingPathComponent(relative))
        var members = [
            Member(key: "file", node: Node(.string(relative))),
            Member(key: "form", node: Node(.string(form.rawValue))),
            Member(key: "base", node: Node(.string(variant.base))),
            Member(key: "caseStudies", node: Node(.number("\(variant.caseStudies)"))),
            Member(key: "subcontractors", node: Node(.number("\(variant.subcontractors)"))),
            Member(key: "bytes", node: Node(.number("\(text.utf8.count)"))),
        ]
        if let made {
            members.append(Member(key: "broken", node: Node(.object([
                Member(key: "kind", node: Node(.string(made.kind.rawValue))),
                Member(key: "path", node: Node(.string(made.path))),
                Member(key: "before", node: Node(.string(made.before))),
                Member(key: "after", node: made.after.map { Node(.string($0)) } ?? Node(.null)),
            ]))))
        } else {
            members.append(Member(key: "broken", node: Node(.null)))
        }
        entries.append(Node(.object(members)))
    }
    var kinds: [Member] = []
    for kind in Breakage.allCases {
        kinds.append(Member(key: kind.rawValue, node: Node(.number("\(broken.values.filter { $0 == kind }.count)"))))
    }
    let manifest = Node(.object([
        Member(key: "seed", node: Node(.number("\(options.seed)"))),
        Member(key: "count", node: Node(.number("\(options.count)"))),
        Member(key: "json", node: Node(.number("\((options.count + 1) / 2)"))),
        Member(key: "xml", node: Node(.number("\(options.count / 2)"))),
        Member(key: "brokenShare", node: Node(.number("\(options.brokenShare)"))),
        Member(key: "broken", node: Node(.number("\(broken.count)"))),
        Member(key: "brokenByKind", node: Node(.object(kinds))),
        Member(key: "files", node: Node(.array(entries))),
    ]))
    try Data(JSONWriter.write(manifest).utf8).write(to: out.appendingPathComponent("manifest.json"))
    print("Wrote \(options.count) submissions to \(out.path) (\((options.count + 1) / 2) JSON, \(options.count / 2) XML), \(broken.count) broken; manifest.json lists them.")
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("corpus: \(error)\n".utf8))
    exit(1)
}
