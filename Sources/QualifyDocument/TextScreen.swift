#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level checks made before any parser sees a file, so that an empty, binary or wrongly
/// encoded file gets a plain reason instead of a parser's complaint about its first byte.
public enum TextScreen {
    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooLarge(size: Int, limit: Int)
        /// Kind of binary file recognised by its first bytes, when one is known.
        case binary(kind: BinaryKind)
        case utf16
        case notUTF8(line: Int)
    }

    public enum BinaryKind: String, Sendable {
        case officeDocument = "office document"
        case pdf
        case image
        case unknown
    }

    /// The bytes without a UTF-8 byte order mark, once they pass every check.
    public static func screen(_ bytes: [UInt8], limit: Int) -> Result<ArraySlice<UInt8>, Problem> {
        if bytes.count > limit { return .failure(.tooLarge(size: bytes.count, limit: limit)) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.empty) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(.utf16)
        }
        if let kind = binaryKind(bytes) { return .failure(.binary(kind: kind)) }
        if let line = firstInvalidUTF8Line(body) { return .failure(.notUTF8(line: line)) }
        return .success(body)
    }

    /// UTF-16 without a byte order mark shows as every other byte being zero in ASCII text.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(64)
        guard sample.count >= 8 else { return false }
        let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let half = sample.count / 2
        // One side mostly zero and the other mostly not: a file of zeros is binary, not UTF-16.
        return (evenZeros >= half * 3 / 4 && oddZeros <= half / 4) || (oddZeros >= half * 3 / 4 && evenZeros <= half / 4)
    }

    static func binaryKind(_ bytes: [UInt8]) -> BinaryKind? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .officeDocument
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: Array("GIF8".utf8)) {
            return .image
        }
        // memchr: a byte-by-byte Swift loop over every file was slower, most of all when fuzzing.
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        return hasNUL ? .unknown : nil
    }

    static func firstInvalidUTF8Line(_ bytes: ArraySlice<UInt8>) -> Int? {
        // Fast path: checking in place is far quicker than decoding scalar by scalar, which is
        // only needed to find the line of a fault.
        if UTF8Check.isValid(bytes) { return nil }
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}
