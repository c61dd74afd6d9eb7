import Foundation

// The figures must equal those of a Python tool, so the text primitives copy Python's rules:
// its whitespace set, its `\w`, its `$`, and its regex call shapes (match, search, sub, split).

/// Python's `str.isspace()` set, written as the inside of an ICU character class.
let pythonSpaceClassBody =
    #"\x{09}-\x{0D}\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"#

/// Python's `\w` for text: letters, numbers and the underscore. ICU's own `\w` adds marks and joiners.
let pythonWordClassBody = #"\p{L}\p{N}_"#

func isPythonSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
    default:
        return false
    }
}

extension String {
    /// Python's `str.strip()`, which trims on scalars, not on grapheme clusters.
    var pythonStripped: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
              let last = scalars.lastIndex(where: { !isPythonSpace($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    var isPythonBlank: Bool { unicodeScalars.allSatisfy(isPythonSpace) }

    /// `str.split(sep)` for a one-scalar separator, keeping empty pieces.
    func pythonSplit(_ separator: Unicode.Scalar) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == separator {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        pieces.append(String(current))
        return pieces
    }

    /// `str.splitlines()`: the line boundaries Python recognises, with no final empty line.
    func pythonLines() -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        var pending = false
        for s in unicodeScalars {
            if previousWasCR && s == "\n" {
                previousWasCR = false
                continue
            }
            previousWasCR = s == "\r"
            switch s.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                pending = false
            default:
                current.append(s)
                pending = true
            }
        }
        if pending { lines.append(String(current)) }
        return lines
    }

    /// Drops a leading byte-order mark, as Python's `utf-8-sig` reading does.
    var withoutByteOrderMark: String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }
}

/// Python's `round(x, 1)`: correctly rounded from the exact binary value, ties to even.
/// C's `%.1f` follows the same rule, so the round trip through text reproduces it.
func pythonRound1(_ x: Double) -> Double {
    Double(String(format: "%.1f", x)) ?? x
}
