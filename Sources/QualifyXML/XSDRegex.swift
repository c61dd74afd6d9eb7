import CLibXML2

/// An XSD regular expression compiled by libxml2, the engine that checks the XML form, so a
/// value passes or fails a pattern the same way in XML and in JSON (`\s` and `\d` mean what
/// XSD says, not what ICU says). Matching does not change the compiled form, so one instance
/// serves every thread.
public final class XSDRegex: @unchecked Sendable {
    private let compiled: xmlRegexpPtr

    public init?(_ pattern: String) {
        XMLReader.prepare()
        guard let compiled = pattern.withCString({ text in
            text.withMemoryRebound(to: xmlChar.self, capacity: pattern.utf8.count + 1) { xmlRegexpCompile($0) }
        }) else { return nil }
        self.compiled = compiled
    }

    deinit { xmlRegFreeRegexp(compiled) }

    /// Whether the whole value matches, as XSD patterns always mean.
    public func matches(_ value: String) -> Bool {
        // A C string would end at a NUL and let the rest through; XML cannot hold one anyway.
        if value.utf8.contains(0) { return false }
        return value.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: value.utf8.count + 1) { xmlRegexpExec(compiled, $0) == 1 }
        }
    }
}
