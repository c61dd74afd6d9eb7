import XCTest
@testable import QualifyXML

final class XMLReaderTests: XCTestCase {
    func parse(_ text: String) -> Result<ParsedXML, XMLReadProblem> {
        XMLReader.parse(Array(text.utf8)[...])
    }

    func problem(_ text: String) -> XMLReadProblem? {
        if case .failure(let problem) = parse(text) { return problem }
        return nil
    }

    func testReadsElementsWithLinesColumnsAndNamespaces() throws {
        let text = "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" v=\"1\">\n  <b>one</b><b>two</b>\n  <c><![CDATA[x<y]]></c>\n</a>\n"
        guard case .success(let parsed) = parse(text) else { return XCTFail("did not parse") }
        let tree = parsed.tree
        XCTAssertEqual(tree.root.name, "a")
        XCTAssertEqual(tree.root.namespace, "urn:x")
        XCTAssertEqual(tree.attribute("v", of: 0), "1")
        let children = tree.children(of: 0)
        XCTAssertEqual(children.map(\.name), ["b", "b", "c"])
        XCTAssertEqual(children.map(\.text), ["one", "two", "x<y"])
        XCTAssertEqual(children.map(\.line), [3, 3, 4])
        XCTAssertEqual(children.map(\.column), [3, 13, 3])
    }

    /// Names are kept in a small table by where libxml2 stores them; more names than the table
    /// holds, in several namespaces and with prefixes, must all read back as written.
    func testManyDistinctNamesReadBackAsWritten() throws {
        let names = (0..<400).map { "name\($0)" }
        let body = names.enumerated().map { index, name in
            index % 3 == 0 ? "<p:\(name) xmlns:p=\"urn:p\(index % 5)\">\(index)</p:\(name)>" : "<\(name)>\(index)</\(name)><\(name)/>"
        }.joined(separator: "\n")
        guard case .success(let parsed) = parse("<root xmlns=\"urn:r\">\n\(body)\n</root>") else { return XCTFail("did not parse") }
        let children = parsed.tree.children(of: 0)
        let expected = names.enumerated().flatMap { index, name in index % 3 == 0 ? [name] : [name, name] }
        XCTAssertEqual(children.map(\.name), expected)
        XCTAssertEqual(children.map { $0.namespace ?? "" }, names.enumerated().flatMap { index, _ in
            index % 3 == 0 ? ["urn:p\(index % 5)"] : ["urn:r", "urn:r"]
        })
        XCTAssertEqual(children.compactMap(\.prefix).count, names.indices.filter { $0 % 3 == 0 }.count)
    }

    func testColumnsCountCharactersNotBytes() throws {
        guard case .success(let parsed) = parse("<a>\n<é>x</é><b/>\n</a>") else { return XCTFail("did not parse") }
        XCTAssertEqual(parsed.tree.children(of: 0).map(\.column), [1, 9])
    }

    func testRefusesAnyDoctypeBeforeReadingIt() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        XCTAssertEqual(problem(bomb)?.kind, .doctype)
        XCTAssertEqual(problem(bomb)?.line, 2)
        let external = "<!-- note -->\n<!doctype a SYSTEM \"file:///etc/passwd\">\n<a>&x;</a>"
        XCTAssertEqual(problem(external)?.kind, .doctype)
    }

    func testUndeclaredEntitiesAreNotResolved() {
        XCTAssertEqual(problem("<a>&nbsp;</a>")?.kind, .undeclaredEntity(name: "nbsp"))
    }

    func testMalformedXMLIsSortedIntoKinds() {
        XCTAssertEqual(problem("<a><b>x</c></a>")?.kind, .tagMismatch(opened: "b", closed: "c"))
        XCTAssertEqual(problem("<a><b>x</b>")?.kind, .unexpectedEnd)
        XCTAssertEqual(problem("<a>Fish & chips</a>")?.kind, .lonelyAmpersand)
        XCTAssertEqual(problem("<a/><b/>")?.kind, .extraContent)
        XCTAssertEqual(problem("<a>\n<b x=1/></a>")?.line, 2)
    }

    func testDeepNestingIsRefusedNotFollowed() {
        let depth = 100_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        XCTAssertEqual(problem(text)?.kind, .tooDeep)
    }

    func testXIncludeIsNeverProcessed() throws {
        let text = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></a>"
        guard case .success(let parsed) = parse(text) else { return XCTFail("did not parse") }
        XCTAssertEqual(parsed.tree.children(of: 0).map(\.qualifiedName), ["xi:include"])
        XCTAssertEqual(parsed.tree.children(of: 0).first?.text, "")
    }
}

final class XSDSchemaTests: XCTestCase {
    let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
          <xs:element name="r"><xs:complexType><xs:sequence>
            <xs:element name="n" type="Digits"/><xs:element name="d" type="xs:date"/>
          </xs:sequence></xs:complexType></xs:element>
          <xs:simpleType name="Digits"><xs:restriction base="xs:string"><xs:pattern value="[0-9]{3}"/></xs:restriction></xs:simpleType>
        </xs:schema>
        """

    func validate(_ text: String) throws -> [XSDIssue] {
        let schema = try XSDSchema(bytes: Array(xsd.utf8))
        switch XMLReader.parse(Array(text.utf8)[...], validatingAgainst: schema) {
        case .success(let parsed): return parsed.issues
        // A test of the schema check must fail, not skip, when its document does not even read.
        case .failure(let problem): throw problem
        }
    }

    func testValidDocumentHasNoIssues() throws {
        XCTAssertEqual(try validate("<r xmlns=\"urn:t\"><n>123</n><d>2024-03-31</d></r>"), [])
    }

    func testIssuesNameTheirElementAndKind() throws {
        let issues = try validate("<r xmlns=\"urn:t\">\n<n>12</n>\n<d>31/03/2024</d></r>")
        XCTAssertTrue(issues.contains { $0.kind == .pattern && $0.element == 1 })
        XCTAssertTrue(issues.contains { $0.kind == .datatype && $0.element == 2 && $0.line == 3 })
    }

    func testContentAndRootProblems() throws {
        XCTAssertTrue(try validate("<r xmlns=\"urn:t\"><d>2024-03-31</d></r>").contains { $0.kind == .content })
        XCTAssertTrue(try validate("<q xmlns=\"urn:t\"/>").contains { $0.kind == .rootMismatch })
    }

    func testSchemaImportsAreNeverFetched() throws {
        let importing = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:import namespace="urn:other" schemaLocation="http://192.0.2.1/other.xsd"/>
              <xs:element name="r" type="xs:string"/>
            </xs:schema>
            """
        let started = Date()
        _ = try? XSDSchema(bytes: Array(importing.utf8))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "an import must fail at once, not wait on a network")
    }

    func testBrokenSchemaSaysWhy() {
        XCTAssertThrowsError(try XSDSchema(bytes: Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>".utf8)))
    }
}
