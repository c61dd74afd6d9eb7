import XCTest
@testable import QualifyDocument

/// The in-place UTF-8 check must say what the standard library's validation says.
final class UTF8CheckTests: XCTestCase {
    private func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    func testKnownCasesAgreeWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], Array("plain ASCII text of more than eight bytes".utf8), Array("£5 and café and 日本 and 😀".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0x80], [0xC2], [0xE2, 0x82], [0xF0, 0x9F, 0x98], Array("1234567".utf8) + [0xC2],
            Array("1234567".utf8) + [0xC2, 0xA3], Array("12345678".utf8) + [0xE2, 0x82, 0xAC], [0xE2, 0x28, 0xA1],
        ]
        for bytes in cases {
            XCTAssertEqual(UTF8Check.isValid(bytes[...]), standard(bytes), "\(bytes)")
            // The same bytes not at the start of their array.
            let shifted = [0x41] + bytes
            XCTAssertEqual(UTF8Check.isValid(shifted[1...]), standard(bytes), "\(bytes) in a slice")
        }
    }

    func testRandomBytesAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        // Mostly ASCII with the bytes at the edges of each range, so that both paths are taken.
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator)
                    : interesting.randomElement(using: &generator)!
            }
            XCTAssertEqual(UTF8Check.isValid(bytes[...]), standard(bytes), "\(bytes)")
        }
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Character(Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &generator)) ?? "x")
            })
            XCTAssertTrue(UTF8Check.isValid(Array(text.utf8)[...]), text.debugDescription)
        }
    }
}
