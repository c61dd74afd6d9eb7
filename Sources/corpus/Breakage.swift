/// The mistakes people make, each made once in a copy of a valid submission.
enum Breakage: String, CaseIterable {
    /// A date written day first with slashes, like 31/03/2024.
    case dateWithSlashes = "date-with-slashes"
    /// An amount written with thousands separators, like "12,000".
    case moneyWithComma = "money-with-comma"
    /// A field name with a typing mistake, like legalNmae.
    case misspeltField = "misspelt-field"
    /// A service category that is not in the list.
    case unknownCategory = "unknown-category"
    /// A whole required section left out.
    case missingSection = "missing-section"

    struct Made {
        var kind: Breakage
        /// JSON Pointer of the field that was broken (for a misspelt field, the field as misspelt).
        var path: String
        /// What was there before, and what is there now (nil when removed).
        var before: String
        var after: String?
    }

    static let misspellings: [(section: String, field: String, wrong: String)] = [
        ("/applicant", "legalName", "legalNmae"),
        ("/applicant", "dateOfRegistration", "dateOfRegistation"),
        ("/applicant/contact", "telephone", "telephon"),
        ("/applicant/registeredAddress", "postalCode", "postCode"),
        ("/declaration", "signatoryName", "signatoryNmae"),
        ("/applicant/contact", "email", "emial"),
        ("/caseStudies/0", "narrative", "narative"),
        ("/caseStudies/0", "customerName", "custmerName"),
    ]

    /// The XML form of a misspelt field: the same element renamed where it stands. Each field in
    /// `misspellings` is the first element of its name in the XML form, so the first one is renamed.
    static func misspell(_ xml: String, field: String, as wrong: String) -> String? {
        guard let open = xml.range(of: "<\(field)>"),
              let close = xml.range(of: "</\(field)>", range: open.upperBound..<xml.endIndex) else { return nil }
        var out = xml
        out.replaceSubrange(close, with: "</\(wrong)>")
        out.replaceSubrange(open, with: "<\(wrong)>")
        return out
    }

    static let notInTheList = ["HOUSING", "MENTAL_HEALTH", "EMPLOYMENT", "DRUGS_AND_ALCOHOL", "FINANCE", "WOMENS_SERVICES"]

    static let requiredSections = ["geography", "declaration", "financialStanding"]

    func apply(to doc: inout Value, random: inout Random) -> Made {
        switch self {
        case .dateWithSlashes:
            var candidates: [String] = []
            doc.visit { value, pointer in
                if case .string(let text) = value, text.count == 10, Variation.isDate(text) { candidates.append(pointer) }
            }
            let pointer = random.pick(candidates)
            let date = doc[pointer: pointer]!.text!
            let parts = date.split(separator: "-")
            let written = "\(parts[2])/\(parts[1])/\(parts[0])"
            doc[pointer: pointer] = .string(written)
            return Made(kind: self, path: pointer, before: date, after: written)
        case .moneyWithComma:
            var candidates: [String] = []
            doc.visit { value, pointer in
                guard case .number(let text) = value, let key = pointer.split(separator: "/").last,
                      key.hasSuffix("GBP"), (Double(text) ?? 0) >= 1000 else { return }
                candidates.append(pointer)
            }
            let pointer = random.pick(candidates)
            let amount = doc[pointer: pointer]!.text!
            let parts = amount.split(separator: ".", maxSplits: 1).map(String.init)
            let pence = parts.count > 1 && parts[1].contains(where: { $0 != "0" }) ? "." + parts[1] : ""
            let written = Self.withCommas(parts[0]) + pence
            doc[pointer: pointer] = .string(written)
            return Made(kind: self, path: pointer, before: amount, after: written)
        case .misspeltField:
            let present = Self.misspellings.filter { doc[pointer: $0.section + "/" + $0.field] != nil }
            let chosen = random.pick(present)
            var section = doc[pointer: chosen.section]!
            section.rename(chosen.field, to: chosen.wrong)
            doc[pointer: chosen.section] = section
            return Made(kind: self, path: chosen.section + "/" + chosen.wrong, before: chosen.field, after: chosen.wrong)
        case .unknownCategory:
            let count = doc["serviceCategories"]?.items.count ?? 1
            let pointer = "/serviceCategories/\(random.int(0...count - 1))/category"
            let before = doc[pointer: pointer]?.text ?? ""
            let written = random.pick(Self.notInTheList)
            doc[pointer: pointer] = .string(written)
            return Made(kind: self, path: pointer, before: before, after: written)
        case .missingSection:
            let section = random.pick(Self.requiredSections)
            doc[section] = nil
            return Made(kind: self, path: "/" + section, before: section, after: nil)
        }
    }

    static func withCommas(_ digits: String) -> String {
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }
}
