public import Foundation

/// Every page in guidance/, read when the tool starts so that edits take effect at once.
public struct GuidanceLibrary: Sendable {
    public let pages: [GuidancePage]
    /// Pages that could not be read, with the reason; the lint reports them.
    public let problems: [String]
    /// The file names of those pages, so the lint does not also call them missing.
    public let unreadable: Set<String>

    public static let folders = ["topics", "rules", "findings", "reference"]

    public init(folder: URL) {
        var pages: [GuidancePage] = []
        var problems: [String] = []
        var unreadable: Set<String> = []
        for sub in Self.folders {
            let dir = folder.appendingPathComponent(sub)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
            for name in names {
                do {
                    pages.append(try GuidancePage(file: dir.appendingPathComponent(name)))
                } catch {
                    problems.append("guidance/\(sub)/\(name) could not be read: \(error)")
                    unreadable.insert(name)
                }
            }
        }
        self.pages = pages
        self.problems = problems
        self.unreadable = unreadable
    }

    public func page(_ id: String) -> GuidancePage? { pages.first { $0.id == id } }

    /// A page by the id a person types or a link gives: a rule or finding id, or a topic or
    /// reference page with or without its prefix ("case-studies", "topic.case-studies", "fields").
    /// The command line and the web page both look pages up this way.
    public func find(_ id: String) -> GuidancePage? {
        page(id) ?? page("topic." + id) ?? page("reference." + id)
    }

    public func pages(of kind: GuidancePage.Kind) -> [GuidancePage] { pages.filter { $0.kind == kind } }
}
