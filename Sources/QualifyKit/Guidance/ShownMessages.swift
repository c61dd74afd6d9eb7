import Foundation
import Readability

/// The messages reports really show: every finding for the example submissions and for every
/// rule page's examples. Names and quoted values are put as one word before measuring, because
/// a long organisation name is the person's words, not the message's; the issue of how plain a
/// message is, is the words around them.
enum ShownMessages {
    static let placeholder = "Name"

    static func collect(kit: Kit, outcomes: [ExampleRunner.Outcome]) -> [String] {
        var messages = outcomes.flatMap(\.findings).map(\.message)
        let checker = Checker(kit: kit)
        for folder in ["examples/valid", "examples/invalid"] {
            let url = kit.root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".xml") || name.hasSuffix(".json") {
                messages += checker.check(file: url.appendingPathComponent(name)).findings.map(\.message)
            }
        }
        return messages.map(neutral)
    }

    /// Each 'quoted' value as one word. A quote opens after a space or the start and closes
    /// before a space, punctuation or the end, so "Women's" inside a name does not close it.
    static func neutral(_ message: String) -> String {
        let characters = Array(message)
        var out = ""
        var index = 0
        while index < characters.count {
            let opens = characters[index] == "'" && (index == 0 || characters[index - 1] == " " || characters[index - 1] == "(")
            if opens, let close = closing(characters, after: index) {
                out += placeholder
                index = close + 1
            } else {
                out.append(characters[index])
                index += 1
            }
        }
        return out
    }

    private static func closing(_ characters: [Character], after open: Int) -> Int? {
        var index = open + 1
        while index < characters.count {
            if characters[index] == "'" {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next == " " || ".,;:!?)".contains(next) { return index }
            }
            index += 1
        }
        return nil
    }

    /// What the advisory group's review asked of the messages people really see.
    static let goal = Gate(targets: [.minimum(.readingEase, 82), .maximum(.grade, 4.5)])

    /// The lint's line: the pooled figures against that goal (reported, not failed on).
    static func line(_ messages: [String]) -> String {
        let pooled = TextCounts.pooled(messages.map(Readability.measureMessage))
        let misses = goal.failures(pooled) + Gate.pooledMessagesGoal.failures(pooled)
        return "Messages as reports show them: \(messages.count) from the examples, names and quoted values as one word; together "
            + PlainLanguageReview.figures(pooled) + (misses.isEmpty ? ". Every goal met." : ". Short of a goal: " + misses.joined(separator: "; ") + ".")
    }
}
