/// A regular expression with ECMA-262 meaning, matched as the `pattern` keyword matches it
/// (anywhere in the text, unless anchored). For code beside the engine that needs the same
/// matcher on many short texts without evaluating a schema for each.
public struct Pattern: Sendable {
    private let regex: ECMARegex

    /// Nil when the pattern is not valid ECMA-262.
    public init?(_ source: String) {
        guard let regex = ECMARegex.compile(source) else { return nil }
        self.regex = regex
    }

    public func matches(_ text: String) -> Bool { regex.matches(text) }
}
