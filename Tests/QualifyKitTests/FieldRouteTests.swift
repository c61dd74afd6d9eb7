import XCTest
import QualifyDocument
@testable import QualifyKit

/// A field keeps its way from the root packed in two words and reads the keys back from the
/// document; the path it writes out must be the one its steps spell.
final class FieldRouteTests: XCTestCase {
    /// Deep, wide and with a repeated key, so that every way a step can be kept is taken.
    private static let root: Node = {
        var deep = Node(.string("bottom"))
        for level in (0..<12).reversed() { deep = Node(.object([Member(key: "level\(level)", node: deep)])) }
        let long = Node(.array((0..<70_000).map { Node(.number("\($0)")) }))
        let repeated = Node(.object([Member(key: "a", node: Node(.string("first"))), Member(key: "b", node: Node(.null)),
                                     Member(key: "a", node: Node(.string("second")))]))
        let list = Node(.array([repeated, Node(.array([deep, repeated])), Node(.string("x"))]))
        return Node(.object([Member(key: "deep", node: deep), Member(key: "long", node: long),
                             Member(key: "list", node: list), Member(key: "a/~b", node: repeated)]))
    }()

    private func walk(_ steps: [DocumentPath.Token]) -> Field {
        steps.reduce(Field(root: Self.root)) { field, token in
            switch token {
            case .key(let key): return field / key
            case .index(let index): return field / index
            }
        }
    }

    func testThePathWrittenOutIsTheOneTheStepsSpell() {
        let cases: [[DocumentPath.Token]] = [
            [],
            [.key("deep")] + (0..<12).map { .key("level\($0)") },
            [.key("deep")] + (0..<5).map { .key("level\($0)") } + [.key("missing"), .key("below"), .index(3)],
            [.key("long"), .index(69_999)],
            [.key("long"), .index(65_535)],
            [.key("long"), .index(65_536)],
            [.key("long"), .index(70_000)],
            [.key("list"), .index(1), .index(1), .key("a")],
            [.key("list"), .index(1), .index(0), .key("level0"), .key("level1"), .key("level2"), .key("level3"),
             .key("level4"), .key("level5"), .key("level6")],
            [.key("a/~b"), .key("b")],
            [.key("nothing"), .index(0), .key("a")],
            [.key("list"), .index(2), .key("x")],
        ]
        for steps in cases {
            let field = walk(steps)
            let expected = DocumentPath(steps)
            XCTAssertEqual(field.path(in: Self.root), expected, expected.description)
            XCTAssertEqual(field.node?.scalarText, Self.root.node(at: expected)?.scalarText, expected.description)
            if case .index(let last)? = steps.last { XCTAssertEqual(field.number, last + 1, expected.description) }
        }
    }

    func testARepeatedKeyLeadsToItsFirstValue() {
        let field = walk([.key("list"), .index(0), .key("a")])
        XCTAssertEqual(field.node?.scalarText, "first")
        XCTAssertEqual(field.path(in: Self.root).description, "/list/0/a")
    }

    func testRandomWalksAgreeWithPathsFromTheRoot() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var steps: [DocumentPath.Token] = []
            var node: Node? = Self.root
            for _ in 0..<Int.random(in: 0...16, using: &generator) {
                let token: DocumentPath.Token
                if let members = node?.members, !members.isEmpty, Int.random(in: 0..<8, using: &generator) > 0 {
                    token = .key(members.randomElement(using: &generator)!.key)
                } else if let items = node?.items, !items.isEmpty, Int.random(in: 0..<8, using: &generator) > 0 {
                    token = .index(Int.random(in: 0..<items.count, using: &generator))
                } else {
                    token = Bool.random(using: &generator) ? .key("gone") : .index(Int.random(in: 0...3, using: &generator))
                }
                steps.append(token)
                node = node.flatMap { $0.node(at: DocumentPath([token])) }
            }
            let expected = DocumentPath(steps)
            XCTAssertEqual(walk(steps).path(in: Self.root), expected, expected.description)
            XCTAssertEqual(walk(steps).node?.scalarText, node?.scalarText, expected.description)
        }
    }
}
