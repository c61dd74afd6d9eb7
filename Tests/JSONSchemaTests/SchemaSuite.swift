import Foundation
import JSONSchema
import QualifyDocument
import XCTest

/// Reads the official JSON-Schema-Test-Suite from the shared data beside the repository; the
/// data is never copied into the repository.
enum SchemaSuite {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/json-schema-test-suite")

    struct Case {
        var file: String
        var description: String
        var schema: Node
        var tests: [(description: String, data: Node, valid: Bool)]
    }

    struct Result {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    static func requireSuite() throws {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("tests").path) else {
            throw XCTSkip("JSON-Schema-Test-Suite not found at \(folder.path); it is shared data beside the repository")
        }
    }

    static func parse(_ url: URL) throws -> Node {
        let bytes = try [UInt8](Data(contentsOf: url))
        switch JSONReader.parse(bytes[...]) {
        case .success(let node): return node
        case .failure(let problem): throw NSError(domain: "SchemaSuite", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(url.path): \(problem)"])
        }
    }

    /// Every file under remotes/, by the URI the suite expects for it.
    static func remotes() throws -> [String: Node] {
        let root = folder.appendingPathComponent("remotes")
        var result: [String: Node] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return result }
        for case let relative as String in enumerator where relative.hasSuffix(".json") {
            result["http://localhost:1234/" + relative] = try parse(root.appendingPathComponent(relative))
        }
        return result
    }

    /// The .json files directly in a folder (not in its subfolders), sorted.
    static func files(in relative: String) throws -> [URL] {
        let directory = folder.appendingPathComponent(relative)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }

    static func cases(in files: [URL]) throws -> [Case] {
        var result: [Case] = []
        for file in files {
            for group in try parse(file).items ?? [] {
                guard case .string(let description)? = group["description"]?.value, let schema = group["schema"] else { continue }
                var tests: [(String, Node, Bool)] = []
                for test in group["tests"]?.items ?? [] {
                    guard case .string(let name)? = test["description"]?.value, let data = test["data"],
                          case .bool(let valid)? = test["valid"]?.value else { continue }
                    tests.append((name, data, valid))
                }
                result.append(Case(file: file.lastPathComponent, description: description, schema: schema, tests: tests))
            }
        }
        return result
    }

    /// Runs cases; a schema that fails to compile fails all of its tests. When `agreement` is
    /// set, isValid must also agree with validate().isEmpty for every test.
    static func run(_ cases: [Case], options: SchemaOptions, agreement: Bool = false) -> Result {
        var result = Result()
        for group in cases {
            let compiled: CompiledSchema
            do {
                compiled = try CompiledSchema(group.schema, options: options)
            } catch {
                result.total += group.tests.count
                for test in group.tests {
                    result.failures.append("\(group.file) | \(group.description) | \(test.description): schema error \(error)")
                }
                continue
            }
            for test in group.tests {
                result.total += 1
                let fast = compiled.isValid(test.data)
                let errors = compiled.validate(test.data)
                let name = "\(group.file) | \(group.description) | \(test.description)"
                if agreement {
                    if fast == errors.isEmpty { result.passed += 1 } else {
                        result.failures.append("\(name): isValid \(fast) but validate gave \(errors.count) errors")
                    }
                } else if fast == test.valid {
                    result.passed += 1
                } else {
                    result.failures.append("\(name): expected \(test.valid ? "valid" : "invalid")")
                }
            }
        }
        return result
    }
}
