/// Script and bidirectional classes by code point range, for the IDNA context rules. Swift
/// exposes no script or bidi property, and host names only need the common ranges.
enum Script {
    static func isGreek(_ s: Unicode.Scalar) -> Bool {
        (0x370...0x3FF).contains(s.value) || (0x1F00...0x1FFF).contains(s.value)
    }

    static func isHebrew(_ s: Unicode.Scalar) -> Bool {
        (0x591...0x5FF).contains(s.value) || (0xFB1D...0xFB4F).contains(s.value)
    }

    static func isJapaneseOrHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3040...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0xFF66...0xFF9F).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3FFFF).contains(v) || v == 0x3005 || v == 0x3007
    }

    /// Letters of the cursive scripts that join on both sides (Arabic, Syriac, N'Ko and kin),
    /// which is what lets a ZERO WIDTH NON-JOINER sit between them.
    static func isJoining(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard s.properties.generalCategory == .otherLetter else { return false }
        return (0x620...0x6FF).contains(v) || (0x710...0x74F).contains(v) || (0x750...0x77F).contains(v)
            || (0x7C0...0x7FF).contains(v) || (0x840...0x85F).contains(v) || (0x860...0x8FF).contains(v)
    }
}

/// The Bidi rule of RFC 5893 for host names.
enum Bidi {
    enum Class { case l, r, al, an, en, es, cs, et, on, nsm }

    static func classOf(_ s: Unicode.Scalar) -> Class {
        let v = s.value
        if IDNA.isMark(s) && s.properties.generalCategory != .spacingMark { return .nsm }
        switch v {
        case 0x30...0x39, 0x6F0...0x6F9, 0xB2, 0xB3, 0xB9: return .en
        case 0x660...0x669, 0x66B, 0x66C: return .an
        case 0x2B, 0x2D: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A, 0xA0: return .cs
        case 0x23...0x25, 0xA2...0xA5, 0xB0, 0xB1: return .et
        case 0x590...0x5FF, 0x7C0...0x85F, 0xFB1D...0xFB4F: return .r
        case 0x600...0x6FF, 0x700...0x7BF, 0x860...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .al
        default: return s.properties.isAlphabetic || s.properties.generalCategory == .decimalNumber ? .l : .on
        }
    }

    /// Whether a label has right-to-left characters, which puts the whole name under the rule.
    static func isRightToLeft(_ label: [Unicode.Scalar]) -> Bool {
        label.contains { [.r, .al, .an].contains(classOf($0)) }
    }

    static func satisfiesRule(_ label: [Unicode.Scalar]) -> Bool {
        let classes = label.map(classOf)
        guard let first = classes.first else { return false }
        let trailing = classes.reversed().first { $0 != .nsm } ?? first
        if first == .r || first == .al {
            let allowed: Set<Class> = [.r, .al, .an, .en, .es, .cs, .et, .on, .nsm]
            guard classes.allSatisfy(allowed.contains), [.r, .al, .en, .an].contains(trailing) else { return false }
            return !(classes.contains(.en) && classes.contains(.an))
        }
        guard first == .l else { return false }
        let allowed: Set<Class> = [.l, .en, .es, .cs, .et, .on, .nsm]
        return classes.allSatisfy(allowed.contains) && (trailing == .l || trailing == .en)
    }
}
