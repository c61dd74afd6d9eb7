import QualifyDocument

typealias QualifyDocumentJSON = JSONWriter

/// A unified diff of two texts that differ only inside some lines, as `qualify fix` makes them.
public enum LineDiff {
    public static func unified(_ old: String, _ new: String, file: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false)
        guard before.count == after.count else { return "--- \(file)\n+++ \(file) (fixed)\n" }
        var out = "--- \(file)\n+++ \(file) (fixed)\n"
        for index in before.indices where before[index] != after[index] {
            out += "@@ -\(index + 1) +\(index + 1) @@\n-\(before[index])\n+\(after[index])\n"
        }
        return out
    }
}
