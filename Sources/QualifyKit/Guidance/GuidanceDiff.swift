public import Foundation

/// `qualify guidance diff OLD NEW`: what changed between two drafts of the guidance, in plain
/// words, for a reviewer who does not use git: pages, examples, assumptions and severities,
/// messages and the version.
public struct GuidanceDiff: Sendable {
    public let lines: [String]

    /// `old` and `new` are each a kit folder (holding guidance/) or a guidance folder itself.
    public init(old: URL, new: URL) throws {
        let (before, after) = (try Self.guidanceFolder(old), try Self.guidanceFolder(new))
        var lines: [String] = []
        let versions = [before, after].map { (try? String(contentsOf: $0.appendingPathComponent("VERSION"), encoding: .utf8)) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if versions[0] != versions[1] { lines.append("Version: \(versions[0].isEmpty ? "none" : versions[0]) → \(versions[1])") }
        lines += Self.settings(before, after)
        lines += Self.messages(before, after)
        lines += Self.pages(GuidanceLibrary(folder: before), GuidanceLibrary(folder: after))
        self.lines = lines
    }

    public var text: String {
        lines.isEmpty ? "The two copies of the guidance say the same.\n" : lines.joined(separator: "\n") + "\n"
    }

    static func guidanceFolder(_ url: URL) throws -> URL {
        let inner = url.appendingPathComponent("guidance")
        for candidate in [inner, url] where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("messages").path) {
            return candidate
        }
        throw ConfigurationError(description: "\(url.path) holds no guidance: give a folder with guidance/ in it, or the guidance folder itself.")
    }

    /// Assumptions and severities, setting by setting, from each copy's assumptions file.
    static func settings(_ before: URL, _ after: URL) -> [String] {
        func flat(_ folder: URL) -> [String: String] {
            guard let configuration = try? Configuration.load(folder.appendingPathComponent("assumptions.yaml")),
                  let data = try? JSONEncoder().encode(configuration),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
            var out: [String: String] = [:]
            for (key, value) in object {
                if let nested = value as? [String: Any] {
                    for (inner, item) in nested { out["\(key): \(inner)"] = "\(item)" }
                } else {
                    out[key] = "\(value)"
                }
            }
            return out
        }
        let (old, new) = (flat(before), flat(after))
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let (was, now) = (old[key], new[key])
            guard was != now else { return nil }
            return "Setting \(key): \(was ?? "not set") → \(now ?? "not set")"
        }
    }

    static func messages(_ before: URL, _ after: URL) -> [String] {
        func load(_ folder: URL) -> [String: String] {
            (try? MessageCatalogue.load(folder: folder.appendingPathComponent("messages")))?.english ?? [:]
        }
        let (old, new) = (load(before), load(after))
        var lines: [String] = []
        for key in Set(old.keys).union(new.keys).sorted() where old[key] != new[key] {
            switch (old[key], new[key]) {
            case (nil, let now?): lines.append("Message \(key) added: \"\(now)\"")
            case (let was?, nil): lines.append("Message \(key) removed (it said \"\(was)\")")
            case (let was?, let now?): lines.append("Message \(key) changed:\n    was: \"\(was)\"\n    now: \"\(now)\"")
            default: break
            }
        }
        return lines
    }

    static func pages(_ before: GuidanceLibrary, _ after: GuidanceLibrary) -> [String] {
        var lines: [String] = []
        let oldPages = Dictionary(before.pages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newPages = Dictionary(after.pages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(oldPages.keys).union(newPages.keys).sorted() {
            switch (oldPages[id], newPages[id]) {
            case (nil, let page?): lines.append("Page \(page.file.lastPathComponent) added: \"\(page.title)\"")
            case (let page?, nil): lines.append("Page \(page.file.lastPathComponent) removed: \"\(page.title)\"")
            case (let was?, let now?): lines += changes(was, now)
            default: break
            }
        }
        return lines
    }

    /// A page's changes: title, assumption, examples, and its text line by line.
    static func changes(_ was: GuidancePage, _ now: GuidancePage) -> [String] {
        var notes: [String] = []
        if was.title != now.title { notes.append("title \"\(was.title)\" → \"\(now.title)\"") }
        if was.assumption != now.assumption { notes.append("assumption \(was.assumption ?? "none") → \(now.assumption ?? "none")") }
        if was.examples.map(\.title) != now.examples.map(\.title) || was.examples.map(\.flags) != now.examples.map(\.flags) {
            notes.append("examples \(was.examples.count) → \(now.examples.count), or what they flag")
        }
        let (old, new) = (textLines(was.body), textLines(now.body))
        let removed = old.filter { !new.contains($0) }, added = new.filter { !old.contains($0) }
        guard !notes.isEmpty || !removed.isEmpty || !added.isEmpty else { return [] }
        var lines = ["Page \(now.file.lastPathComponent) changed" + (notes.isEmpty ? ":" : " (\(notes.joined(separator: "; "))):")]
        lines += removed.map { "  - \($0)" } + added.map { "  + \($0)" }
        return lines
    }

    static func textLines(_ body: String) -> [String] {
        body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
