import Foundation

/// A reviewer checklist for one submission: the automated results, ticked or crossed with the
/// rule behind each, and the questions only a person can answer, pre-filled with the
/// submission's own facts so the reviewer does not have to hunt for them.
public struct Checklist: Sendable {
    public struct Fact: Sendable {
        public let label: String
        public let value: String
        public var link: String?

        init(_ label: String, _ value: String, link: String? = nil) {
            self.label = label
            self.value = value
            self.link = link
        }
    }

    public enum Result: String, Sendable {
        case passed, failed, waiting
        public var mark: String { self == .passed ? "✓" : self == .failed ? "✗" : "…" }
        public var words: String { self == .passed ? "Passed" : self == .failed ? "Needs attention" : "Not checked yet" }
    }

    public struct Automated: Sendable {
        public let rule: String
        public let title: String
        public let result: Result
        public let notes: [String]
    }

    /// One thing a reviewer judges, with the facts to judge it by.
    public struct Question: Sendable {
        public let subject: String
        public let question: String
        public let facts: [Fact]
    }

    public struct Section: Sendable {
        public let title: String
        public let questions: [Question]
    }

    public let file: String
    public let summary: [Fact]
    public let formFindings: [Finding]
    public let automated: [Automated]
    public let sections: [Section]
    public static let decisions = ["Ready", "Ask for clarification", "Cannot proceed"]
}
