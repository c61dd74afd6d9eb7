import Foundation

/// One valid example, read once.
struct Base {
    let name: String
    let value: Value
}

/// A valid submission made by varying one of the valid examples, and what it became.
struct Variant {
    var value: Value
    var base: String
    var caseStudies: Int { value["caseStudies"]?.items.count ?? 0 }
    var subcontractors: Int { value["subcontractors"]?.items.count ?? 0 }
}

/// Varies the valid examples so every result stays valid: names, numbers within each
/// organisation's size band, all dates moved together by whole years, 1 to 6 case studies,
/// 0 to 5 subcontractors, and longer or shorter answers. Every reference stays consistent.
struct Variation {
    let bases: [Base]
    /// A small volunteer group not relied on for selection: the shape added subcontractors take.
    let subcontractorTemplate: Value
    let sentences: [String: [String]]

    /// Longest answers, in words, kept under the word limits of assumption A3.
    static let wordCaps = ["narrative": 900, "outcomes": 250, "serviceDescriptor": 450]

    init(bases: [Base]) {
        self.bases = bases
        let template = bases.lazy.flatMap { $0.value["subcontractors"]?.items ?? [] }
            .first { $0["reliedOnForSelection"] == .bool(false) }
        subcontractorTemplate = template ?? .object([])
        var pool: [String: [String]] = [:]
        for base in bases {
            var copy = base.value
            copy.visit { value, pointer in
                guard let key = pointer.split(separator: "/").last.map(String.init), Self.wordCaps[key] != nil,
                      case .string(let text) = value else { return }
                pool[key, default: []] += Self.sentences(text)
            }
        }
        sentences = pool
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if ".!?".contains(character), index + 1 == characters.count || characters[index + 1] == " " {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    func make(index: Int, seed: UInt64) -> Variant {
        var random = Random(seed: seed, stream: UInt64(index))
        let base = random.pick(bases)
        var doc = base.value
        let yearShift = -random.int(0...3)
        shiftDates(&doc, years: yearShift, random: &random)
        let year = doc["submittedAt"]?.text.map { String($0.prefix(4)) } ?? "2026"
        doc["submissionId"] = .string("PSDF-\(year)-\(String(format: "%05d", index + 1))")
        renameOrganisations(&doc, random: &random)
        varySizes(&doc, random: &random)
        setCaseStudies(&doc, count: random.int(1...6), random: &random)
        setSubcontractors(&doc, count: random.int(0...5), random: &random)
        varyTexts(&doc, random: &random)
        return Variant(value: doc, base: base.name)
    }

    // MARK: Numbers

    /// Staff numbers each size basis allows for each declared scale, so the declared size stays right.
    static func staffBand(basis: String, scale: String) -> ClosedRange<Int>? {
        switch (basis, scale) {
        case ("EU_2003_361", "MICRO"): return 1...9
        case ("EU_2003_361", "SMALL"): return 10...49
        case ("EU_2003_361", "MEDIUM"): return 50...249
        case ("CA2006_2025", "MICRO"), ("CA2006_PRE_2025", "MICRO"): return 1...10
        case ("PA2023", "MEDIUM"), ("PA2023", "SMALL"), ("PA2023", "MICRO"): return 1...249
        case (_, "LARGE"): return 260...20_000
        default: return nil
        }
    }

    static func money(_ pence: Int) -> String { "\(pence / 100).\(String(format: "%02d", pence % 100))" }

    static func pence(_ text: String) -> Int? { Double(text).map { Int(($0 * 100).rounded()) } }

    /// Staff within the band of the declared size, and money within a quarter of what it was:
    /// every example sits far enough inside its band for that.
    func varySizes(_ doc: inout Value, random: inout Random) {
        var turnovers: [String: (old: String, new: String)] = [:]
        for pointer in Self.organisations(doc) {
            guard var size = doc[pointer: pointer + "/size"], let basis = size["basis"]?.text,
                  let scale = size["declaredScale"]?.text, let band = Self.staffBand(basis: basis, scale: scale),
                  let staff = size["employeesHeadcount"]?.text.flatMap({ Int($0) }) else { continue }
            let varied = Int((Double(staff) * random.double(0.7, 1.3)).rounded())
            size["employeesHeadcount"] = .number("\(min(max(varied, band.lowerBound), band.upperBound))")
            for key in ["annualTurnoverGBP", "balanceSheetTotalGBP"] {
                guard let old = size[key]?.text, let pence = Self.pence(old) else { continue }
                let new = Self.money(Int(Double(pence) * random.double(0.75, 1.25)))
                size[key] = .number(new)
                if key == "annualTurnoverGBP", let ref = doc[pointer: pointer + "/ref"]?.text { turnovers[ref] = (old, new) }
            }
            doc[pointer: pointer + "/size"] = size
        }
        var standing = doc["financialStanding"]?.items ?? []
        for index in standing.indices {
            guard let ref = standing[index]["organisationRef"]?.text, let change = turnovers[ref],
                  standing[index]["turnoverGBP"]?.text == change.old else { continue }
            standing[index]["turnoverGBP"] = .number(change.new)
        }
        if !standing.isEmpty { doc["financialStanding"] = .array(standing) }
        var studies = doc["caseStudies"]?.items ?? []
        for index in studies.indices {
            guard let old = studies[index]["valueGBP"]?.text, let pence = Self.pence(old) else { continue }
            studies[index]["valueGBP"] = .number(Self.money(Int(Double(pence) * random.double(0.5, 1.8))))
        }
        if !studies.isEmpty { doc["caseStudies"] = .array(studies) }
    }

    // MARK: Texts

    /// Long answers of different lengths: the answer's own sentences first, then sentences from
    /// other answers to the same question, kept under the word limit.
    func varyTexts(_ doc: inout Value, random: inout Random) {
        doc.visit { value, pointer in
            guard let key = pointer.split(separator: "/").last.map(String.init), let cap = Self.wordCaps[key],
                  case .string(let text) = value, let pool = sentences[key] else { return }
            let own = Self.sentences(text)
            let others = random.shuffled(pool.filter { !own.contains($0) })
            let wanted = key == "outcomes" ? random.int(1...9) : random.int(2...24)
            var out: [String] = []
            var words = 0
            for sentence in own + others where out.count < wanted {
                let count = sentence.split(separator: " ").count
                if words + count > cap { break }
                out.append(sentence)
                words += count
            }
            if !out.isEmpty { value = .string(out.joined(separator: " ")) }
        }
    }
}
