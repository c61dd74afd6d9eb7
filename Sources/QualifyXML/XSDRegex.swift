import CLibXML2
import Glibc

/// An XSD regular expression compiled by libxml2, the engine that checks the XML form, so a
/// value passes or fails a pattern the same way in XML and in JSON (`\s` and `\d` mean what
/// XSD says, not what ICU says). Matching does not change the compiled form, so one instance
/// serves every thread.
public final class XSDRegex: @unchecked Sendable {
    private let compiled: xmlRegexpPtr
    /// The schema's "not blank" pattern: libxml2 steps through every character of a long
    /// answer to match `[\s\S]*`, when one character other than XSD white space decides it.
    private let notBlank: Bool
    public static let notBlankPattern = #"\s*\S[\s\S]*"#

    public init?(_ pattern: String) {
        XMLReader.prepare()
        guard let compiled = pattern.withCString({ text in
            text.withMemoryRebound(to: xmlChar.self, capacity: pattern.utf8.count + 1) { xmlRegexpCompile($0) }
        }) else { return nil }
        self.compiled = compiled
        notBlank = pattern == Self.notBlankPattern
    }

    deinit { xmlRegFreeRegexp(compiled) }

    /// Whether the whole value matches, as XSD patterns always mean.
    public func matches(_ value: String) -> Bool {
        // A C string would end at a NUL and let the rest through; XML cannot hold one anyway.
        if Self.holdsNUL(value) { return false }
        if notBlank { return Self.isNotBlank(value) }
        return libxml2Matches(value)
    }

    /// memchr over the string's bytes: long answers are matched in every file.
    static func holdsNUL(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        } ?? value.utf8.contains(0)
    }

    /// libxml2's answer for the not-blank pattern: some character other than XSD white space,
    /// and none that XML cannot hold (control characters, U+FFFE, U+FFFF), which no class
    /// in a libxml2 pattern matches.
    public static func isNotBlank(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable(isNotBlank(utf8:)) ?? isNotBlank(bytes: value.utf8)
    }

    /// Eight bytes at a time while they are printable ASCII: such a word only says whether it
    /// holds something other than spaces. Anything else is looked at byte by byte.
    private static func isNotBlank(utf8 buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let highs: UInt64 = 0x8080_8080_8080_8080, spaces: UInt64 = 0x2020_2020_2020_2020
        var found = false
        var index = 0
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // No byte of 0x80 or more and none below 0x20: printable ASCII, spaces included.
            guard word & highs == 0, (word &- spaces) & ~word & highs == 0 else {
                return isNotBlank(bytes: UnsafeBufferPointer(rebasing: buffer[index...]), found: found)
            }
            if word != spaces { found = true }
            index += 8
        }
        return isNotBlank(bytes: UnsafeBufferPointer(rebasing: buffer[index...]), found: found)
    }

    private static func isNotBlank(bytes: some Sequence<UInt8>, found alreadyFound: Bool = false) -> Bool {
        var found = alreadyFound
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: break
            case ..<0x20: return false
            default: found = true
            }
            if previous == (0xEF, 0xBF), byte == 0xBE || byte == 0xBF { return false }
            previous = (previous.1, byte)
        }
        return found
    }

    /// What libxml2 makes of the value, whatever the pattern.
    func libxml2Matches(_ value: String) -> Bool {
        value.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: value.utf8.count + 1) { xmlRegexpExec(compiled, $0) == 1 }
        }
    }
}
