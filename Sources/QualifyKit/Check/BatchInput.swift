public import Foundation

/// What `qualify check` was asked to read: files, standard input, or folders searched all the
/// way down. Anything odd in a folder (a broken link, a pipe, a device) becomes an item of its
/// own, so it is reported rather than skipped or waited on.
public enum BatchInput {
    public enum Item: Sendable {
        case file(URL, name: String)
        case standardInput
    }

    public struct Expansion: Sendable {
        public var items: [Item] = []
        /// Ordinary files in folders that are not .xml or .json, left out, as shown to the person.
        public var skipped: [String] = []
    }

    static let extensions: Set<String> = ["xml", "json"]

    public static func expand(_ arguments: [String]) -> Expansion {
        var result = Expansion()
        for argument in arguments {
            if argument == "-" {
                result.items.append(.standardInput)
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue {
                walk(URL(fileURLWithPath: argument), shownAs: argument, into: &result)
            } else {
                result.items.append(.file(URL(fileURLWithPath: argument), name: argument))
            }
        }
        return result
    }

    /// The kind of file (S_IFDIR, S_IFREG, ...), or nil when there is none to ask about.
    private static func fileType(_ path: String, followingLinks: Bool) -> mode_t? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Paths are joined as text and made URLs only for the files kept: asking Foundation to
    /// join each name made it look at the file system for every file in the folder.
    private static func walk(_ folder: URL, shownAs shown: String, into result: inout Expansion) {
        let folderPath = folder.path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let path = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
            let display = shown.hasSuffix("/") ? shown + name : shown + "/" + name
            // lstat, not Foundation's attributes: those build a dictionary (owner and group names
            // included) for each file, and listing a folder of 5,000 took a fiftieth of the batch.
            switch fileType(path, followingLinks: false) {
            case S_IFDIR:
                walk(URL(fileURLWithPath: path, isDirectory: true), shownAs: display, into: &result)
            case S_IFREG:
                if extensions.contains(Self.pathExtension(name).lowercased()) {
                    result.items.append(.file(URL(fileURLWithPath: path, isDirectory: false), name: display))
                } else {
                    result.skipped.append(display)
                }
            case S_IFLNK:
                // A link to a folder is not followed, so a loop of links cannot trap the batch.
                if fileType(path, followingLinks: true) == S_IFDIR {
                    result.skipped.append(display)
                } else {
                    result.items.append(.file(URL(fileURLWithPath: path, isDirectory: false), name: display))
                }
            default:
                result.items.append(.file(URL(fileURLWithPath: path, isDirectory: false), name: display))
            }
        }
    }

    /// A name's extension as URL's pathExtension gives it. Letters and digits after the last
    /// dot are the extension; anything else (a space, say, which URL does not accept in one) is
    /// left to URL's own rules.
    static func pathExtension(_ name: String) -> String {
        let bytes = name.utf8
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex {
            let tail = bytes[bytes.index(after: dot)...]
            func isLetterOrDigit(_ byte: UInt8) -> Bool {
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
            if !tail.isEmpty, tail.allSatisfy(isLetterOrDigit) { return String(Substring(tail)) }
        }
        return URL(fileURLWithPath: "/" + name, isDirectory: false).pathExtension
    }
}
