import Foundation
import QualifyDocument

/// Who the organisations are: registration numbers that fit their legal form and nation, no
/// organisation twice, postcodes, and organisation types.
enum IdentityRules {
    static let companyForms: Set<String> = [
        "PRIVATE_LIMITED_BY_SHARES", "PRIVATE_LIMITED_BY_GUARANTEE", "PLC", "CIC", "LLP", "LIMITED_PARTNERSHIP",
    ]
    static let charityNumberFields = ["charityNumber", "scottishCharityNumber", "niCharityNumber", "hmrcCharityReference"]
    /// VAT numbers are left out: organisations in one VAT group rightly share one.
    static let numberFields = ["companyNumber", "charityNumber", "scottishCharityNumber", "niCharityNumber",
                               "mutualsRegisterNumber", "hmrcCharityReference", "dunsNumber", "ppon", "ukprn", "nhsOdsCode"]

    static func has(_ s: Submission, _ org: Submission.Organisation, _ field: String) -> Bool {
        s.text(org.path / "identifiers" / field) != nil
    }

    /// A registration number as compared: capitals, no white space. In ASCII by bytes (the
    /// white space there is tab to carriage return and the space), otherwise by characters.
    static func comparable(_ raw: String) -> String {
        let upper = raw.uppercased()
        guard upper.isASCII else { return comparableByCharacters(upper) }
        return String(decoding: upper.utf8.filter { !(0x09...0x0D).contains($0) && $0 != 0x20 }, as: UTF8.self)
    }

    static func comparableByCharacters(_ upper: String) -> String { upper.filter { !$0.isWhitespace } }

    static let all: [Rule] = [
        Rule("organisation.no-registration", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                let numbers = s.node(org.path / "identifiers")?.members ?? []
                guard numbers.isEmpty, s.text(org.path / "noRegistrationReason") == nil else { return nil }
                return RuleHit(org.path / "identifiers", ["name": org.name])
            }
        },
        Rule("organisation.register-number-missing", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                let form = s.text(org.path / "legalForm") ?? ""
                var variant: String?
                if companyForms.contains(form), !has(s, org, "companyNumber") { variant = "company" }
                if form == "CIO", !has(s, org, "charityNumber"), !has(s, org, "companyNumber") { variant = "cio" }
                if form == "SCIO", !has(s, org, "scottishCharityNumber") { variant = "scio" }
                if form == "REGISTERED_SOCIETY", !has(s, org, "mutualsRegisterNumber") { variant = "society" }
                if variant == nil, s.texts(org.path / "classifications").contains("CHARITY"),
                   !charityNumberFields.contains(where: { has(s, org, $0) }) { variant = "charity" }
                guard let variant else { return nil }
                return RuleHit(org.path / "identifiers", ["name": org.name, "form": s.label(form, in: "LegalFormType")],
                               variant: variant)
            }
        },
        Rule("organisation.register-nation", .ask) { s, _ in
            s.organisations.compactMap { org in
                guard let nation = s.text(org.path / "headquartersNation") else { return nil }
                var registered: (field: String, nation: String)?
                if let company = s.text(org.path / "identifiers" / "companyNumber") {
                    let prefix = String(company.prefix(2))
                    if ["SC", "SO", "SL", "SF", "SP", "SZ", "SR", "SI", "SA", "SE"].contains(prefix), nation != "SCOTLAND" {
                        registered = ("companyNumber", "SCOTLAND")
                    } else if ["NI", "NC", "NL", "R0", "NF", "NP", "NZ", "NR", "NV", "NA"].contains(prefix), nation != "NORTHERN_IRELAND" {
                        registered = ("companyNumber", "NORTHERN_IRELAND")
                    }
                }
                if registered == nil, has(s, org, "scottishCharityNumber"), nation == "ENGLAND" || nation == "WALES" {
                    registered = ("scottishCharityNumber", "SCOTLAND")
                }
                if registered == nil, has(s, org, "niCharityNumber"), nation != "NORTHERN_IRELAND", nation != "OUTSIDE_UK" {
                    registered = ("niCharityNumber", "NORTHERN_IRELAND")
                }
                guard let registered else { return nil }
                return RuleHit(org.path / "identifiers" / registered.field,
                               ["name": org.name, "registered": s.label(registered.nation, in: "NationType"),
                                "nation": s.label(nation, in: "NationType")])
            }
        },
        Rule("organisation.repeated", .mustFix) { s, _ in
            var seen: Set<String> = []
            return s.organisations.compactMap { org in
                guard let ref = org.ref, !seen.insert(ref).inserted else { return nil }
                return RuleHit(org.path / "ref", ["ref": ref, "name": org.name])
            }
        },
        Rule("organisation.shared-number", .mustFix) { s, _ in
            struct Number: Hashable { let field: Int, value: String }
            var owners: [Number: Submission.Organisation] = [:]
            var hits: [RuleHit] = []
            for org in s.organisations {
                let identifiers = org.path / "identifiers"
                for (index, field) in numberFields.enumerated() {
                    guard let raw = s.text(identifiers / field) else { continue }
                    let key = Number(field: index, value: comparable(raw))
                    if let owner = owners[key] {
                        if owner.ref != org.ref {
                            hits.append(RuleHit(identifiers / field, ["name": org.name, "other": owner.name, "value": raw]))
                        }
                    } else {
                        owners[key] = org
                    }
                }
            }
            return hits
        },
        Rule("address.postcode", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                let address = org.path / "registeredAddress"
                guard s.text(address / "countryCode") == "GB" else { return nil }
                guard let postcode = s.text(address / "postalCode") else {
                    return RuleHit(address / "postalCode", ["name": org.name], variant: "missing")
                }
                return Postcode.isUK(postcode) ? nil : RuleHit(address / "postalCode", ["name": org.name, "value": postcode])
            }
        },
        Rule("classification.none-with-others", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                let chosen = s.texts(org.path / "classifications")
                return chosen.contains("NONE") && chosen.count > 1 ? RuleHit(org.path / "classifications", ["name": org.name]) : nil
            }
        },
        Rule("organisation.legal-form-other", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                s.text(org.path / "legalForm") == "OTHER" && s.text(org.path / "legalFormOther") == nil
                    ? RuleHit(org.path / "legalFormOther", ["name": org.name]) : nil
            }
        },
    ]
}

enum Postcode {
    /// The shape of a UK postcode by Royal Mail's rules for the letters in each position, the
    /// same as `^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$`
    /// in any case. Scanned by hand: compiling that expression was a tenth of the start-up time.
    static func isUK(_ text: String) -> Bool {
        // In ASCII the white space trimmed is the space and the tab; Foundation's trimming
        // was most of the cost. Other text is trimmed as before (a no-break space counts).
        if text.isASCII {
            let bytes = text.utf8
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
                return isUK(code: [])
            }
            return isUK(code: bytes[first...last].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.isASCII else { return false }
        return isUK(code: Array(trimmed.uppercased().utf8))
    }

    /// The shape check on the trimmed code in capitals, as bytes.
    private static func isUK(code: [UInt8]) -> Bool {
        guard code.count >= 5 else { return false }
        let inward = code.suffix(3)
        var outward = Array(code.dropLast(3))
        if outward.last == UInt8(ascii: " ") { outward.removeLast() }
        guard inward.first.map(isDigit) == true, inward.dropFirst().allSatisfy({ inSet($0, "ABDEFGHJLNPQRSTUWXYZ") }) else {
            return false
        }
        if outward == Array("GIR".utf8) { return Array(inward) == Array("0AA".utf8) }
        guard let first = outward.first, inSet(first, "ABCDEFGHIJKLMNOPRSTUWYZ") else { return false }
        let rest = Array(outward.dropFirst())
        let secondLetters: StaticString = "ABCDEFGHKLMNOPQRSTUVWXY"
        switch rest.count {
        case 1: return isDigit(rest[0])
        case 2:
            return (isDigit(rest[0]) && isDigit(rest[1]))
                || (inSet(rest[0], secondLetters) && isDigit(rest[1]))
                || (isDigit(rest[0]) && inSet(rest[1], "ABCDEFGHJKPSTUW"))
        case 3:
            return inSet(rest[0], secondLetters) && isDigit(rest[1])
                && (isDigit(rest[2]) || inSet(rest[2], "ABEHMNPRVWXY"))
        default: return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func inSet(_ byte: UInt8, _ letters: StaticString) -> Bool {
        UnsafeBufferPointer(start: letters.utf8Start, count: letters.utf8CodeUnitCount).contains(byte)
    }
}
