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

    // MARK: Dates

    /// Moves every date by the same whole number of years, so every gap between dates (and so
    /// every recency and age rule) stays as it was; the time of sending changes too.
    func shiftDates(_ doc: inout Value, years: Int, random: inout Random) {
        doc.visit { value, _ in
            guard case .string(let text) = value, Self.isDate(text) else { return }
            let year = Int(text.prefix(4))! + years
            var shifted = String(format: "%04d", year) + text.dropFirst(4)
            if shifted.dropFirst(5).hasPrefix("02-29") { shifted = String(shifted.prefix(5)) + "02-28" + shifted.dropFirst(10) }
            value = .string(shifted)
        }
        if let sent = doc["submittedAt"]?.text, sent.count >= 19 {
            let time = String(format: "T%02d:%02d:%02d", random.int(8...17), random.int(0...59), random.int(0...59))
            doc["submittedAt"] = .string(String(sent.prefix(10)) + time + sent.dropFirst(19))
        }
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count >= 19 && bytes[10] == UInt8(ascii: "T")) else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return digits.allSatisfy { (48...57).contains(bytes[$0]) } && bytes[4] == 45 && bytes[7] == 45
    }

    // MARK: Names

    /// Pointers of every organisation in the submission.
    static func organisations(_ doc: Value) -> [String] {
        var out = ["/applicant"]
        for (index, _) in (doc[pointer: "/consortium/members"]?.items ?? []).enumerated() {
            out.append("/consortium/members/\(index)/organisation")
        }
        for (index, _) in (doc["subcontractors"]?.items ?? []).enumerated() {
            out.append("/subcontractors/\(index)/organisation")
        }
        return out
    }

    static func slug(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }

    func person(_ random: inout Random) -> (name: String, local: String) {
        let first = random.pick(Pools.firstNames), last = random.pick(Pools.surnames)
        return ("\(first) \(last)", Self.slug(first) + "." + Self.slug(last))
    }

    func telephone(_ random: inout Random) -> String {
        let prefix = random.pick(Pools.telephones)
        return prefix + String(format: "%03d", random.int(0...999))
    }

    func organisationName(_ random: inout Random, avoiding used: Set<String>) -> String {
        while true {
            let name = "\(random.pick(Pools.places)) \(random.pick(Pools.kinds))"
            if !used.contains(name) { return name }
        }
    }

    /// New names, people, web addresses and telephone numbers for every organisation, the
    /// signatory and every referee. Where another field repeated an old name, it gets the new one.
    func renameOrganisations(_ doc: inout Value, random: inout Random) {
        var used: Set<String> = []
        var renamed: [String: String] = [:]
        for pointer in Self.organisations(doc) {
            guard var org = doc[pointer: pointer], let old = org["legalName"]?.text else { continue }
            let name = organisationName(&random, avoiding: used)
            used.insert(name)
            renamed[old] = name
            let domain = Self.slug(name) + ".org.uk"
            org["legalName"] = .string(name)
            if org["website"] != nil { org["website"] = .string("https://www.\(domain)") }
            if org["tradingNames"] != nil {
                let initials = String(name.split(separator: " ").compactMap(\.first).filter(\.isUppercase))
                org["tradingNames"] = random.chance(0.5) ? nil : .array([.string(initials)])
            }
            if var contact = org["contact"] {
                let someone = person(&random)
                contact["name"] = .string(someone.name)
                let atExample = contact["email"]?.text?.hasSuffix("example.org.uk") == true
                contact["email"] = .string(someone.local + "@" + (atExample ? Self.slug(name) + ".example.org.uk" : domain))
                if contact["telephone"] != nil { contact["telephone"] = .string(telephone(&random)) }
                org["contact"] = contact
            }
            doc[pointer: pointer] = org
        }
        doc.visit { value, _ in
            if case .string(let text) = value, let name = renamed[text] { value = .string(name) }
        }
        if var declaration = doc["declaration"] {
            declaration["signatoryName"] = .string(person(&random).name)
            doc["declaration"] = declaration
        }
        var studies = doc["caseStudies"]?.items ?? []
        for index in studies.indices { renameReferee(&studies[index], random: &random) }
        if !studies.isEmpty { doc["caseStudies"] = .array(studies) }
    }

    func renameReferee(_ study: inout Value, random: inout Random) {
        guard var referee = study["referee"] else { return }
        let someone = person(&random)
        referee["name"] = .string(someone.name)
        if let email = referee["email"]?.text, let at = email.lastIndex(of: "@") {
            referee["email"] = .string(someone.local + email[at...])
        }
        if referee["telephone"] != nil { referee["telephone"] = .string(telephone(&random)) }
        study["referee"] = referee
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

    // MARK: Case studies

    static func applied(_ doc: Value) -> [String] {
        (doc["serviceCategories"]?.items ?? []).compactMap { $0["category"]?.text }
    }

    static func categories(of study: Value) -> [String] {
        (study["serviceCategories"]?.items ?? []).compactMap(\.text)
    }

    static func coverage(_ studies: [Value]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for study in studies {
            for code in Set(categories(of: study)) { counts[code, default: 0] += 1 }
        }
        return counts
    }

    /// Between 1 and 6 case studies, every category applied for covered once to three times
    /// (assumption A1). One case study may mean applying for fewer categories.
    func setCaseStudies(_ doc: inout Value, count target: Int, random: inout Random) {
        guard let original = doc["caseStudies"]?.items, !original.isEmpty else { return }
        if target == 1 {
            keepCategories(Set(Self.categories(of: random.pick(original))), in: &doc)
        }
        var studies = doc["caseStudies"]?.items ?? []
        let applied = Self.applied(doc)
        for id in random.shuffled(studies.compactMap { $0["id"]?.text }) where studies.count > target {
            guard let index = studies.firstIndex(where: { $0["id"]?.text == id }) else { continue }
            var without = studies
            without.remove(at: index)
            let counts = Self.coverage(without)
            if applied.allSatisfy({ counts[$0, default: 0] >= 1 }) { studies = without }
        }
        while studies.count < target {
            let counts = Self.coverage(studies)
            let candidates = studies.filter { Self.categories(of: $0).allSatisfy { counts[$0, default: 0] < 3 } }
            guard !candidates.isEmpty else { break }
            var copy = random.pick(candidates)
            if let title = copy["title"]?.text {
                let longer = title + " " + random.pick(Pools.titleEndings)
                copy["title"] = .string(longer.count <= 120 ? longer : title)
            }
            renameReferee(&copy, random: &random)
            studies.append(copy)
        }
        for index in studies.indices { studies[index]["id"] = .string("cs-\(index + 1)") }
        doc["caseStudies"] = .array(studies)
    }

    /// Applies only for these categories, and keeps every list of categories in step.
    func keepCategories(_ keep: Set<String>, in doc: inout Value) {
        let applications = (doc["serviceCategories"]?.items ?? []).filter { ($0["category"]?.text).map(keep.contains) ?? false }
        guard !applications.isEmpty else { return }
        doc["serviceCategories"] = .array(applications)
        let first = applications[0]["category"]!
        func filterList(_ pointer: String) {
            guard let list = doc[pointer: pointer]?.items else { return }
            let kept = list.filter { ($0.text).map(keep.contains) ?? false }
            doc[pointer: pointer] = .array(kept.isEmpty ? [first] : kept)
        }
        for index in (doc["caseStudies"]?.items ?? []).indices { filterList("/caseStudies/\(index)/serviceCategories") }
        for index in (doc[pointer: "/consortium/members"]?.items ?? []).indices {
            filterList("/consortium/members/\(index)/serviceCategories")
        }
        for index in (doc["subcontractors"]?.items ?? []).indices { filterList("/subcontractors/\(index)/serviceCategories") }
    }

    // MARK: Subcontractors

    /// Between 0 and 5 subcontractors: extra ones are small volunteer groups not relied on for
    /// selection; removed ones take every reference to them along, and the delivery model follows.
    func setSubcontractors(_ doc: inout Value, count target: Int, random: inout Random) {
        var subs = doc["subcontractors"]?.items ?? []
        let applicant = doc[pointer: "/applicant/ref"]?.text ?? ""
        while subs.count > target, let removed = subs.popLast() {
            if let ref = removed[pointer: "/organisation/ref"]?.text { removeReferences(to: ref, in: &doc, applicant: applicant) }
        }
        var usedNames = Set(Self.organisations(doc).compactMap { doc[pointer: $0 + "/legalName"]?.text })
        var number = 1
        while subs.count < target, subcontractorTemplate != .object([]) {
            var sub = subcontractorTemplate
            var ref = "sub-\(number)"
            while Self.refs(doc).contains(ref) { number += 1; ref = "sub-\(number)" }
            number += 1
            let name = organisationName(&random, avoiding: usedNames)
            usedNames.insert(name)
            sub[pointer: "/organisation/ref"] = .string(ref)
            sub[pointer: "/organisation/legalName"] = .string(name)
            let someone = person(&random)
            sub[pointer: "/organisation/contact/name"] = .string(someone.name)
            sub[pointer: "/organisation/contact/email"] = .string(someone.local + "@" + Self.slug(name) + ".example.org.uk")
            sub[pointer: "/organisation/contact/telephone"] = .string(telephone(&random))
            let category = random.pick(Self.applied(doc))
            sub["serviceCategories"] = .array([.string(category)])
            sub["approxShareOfDeliveryPercent"] = .number("\(random.int(1...6))")
            subs.append(sub)
            doc["subcontractors"] = .array(subs)
            var applications = doc["serviceCategories"]?.items ?? []
            for index in applications.indices where applications[index]["category"]?.text == category {
                applications[index]["deliveredBy"] = .array((applications[index]["deliveredBy"]?.items ?? []) + [.string(ref)])
            }
            doc["serviceCategories"] = .array(applications)
            if var declarations = doc["exclusionDeclarations"]?.items, var entry = declarations.first {
                entry["organisationRef"] = .string(ref)
                declarations.append(entry)
                doc["exclusionDeclarations"] = .array(declarations)
            }
        }
        let consortium = doc["consortium"] != nil
        if subs.isEmpty {
            doc["subcontractors"] = nil
            doc["deliveryModel"] = .string(consortium ? "CONSORTIUM_MEMBERS_ONLY" : "SOLE")
        } else {
            if doc["subcontractors"] == nil { doc.insert("subcontractors", .array(subs), after: consortium ? "consortium" : "deliveryModel") }
            doc["subcontractors"] = .array(subs)
            if consortium {
                doc["deliveryModel"] = .string("CONSORTIUM_WITH_SUBCONTRACTORS")
            } else if doc["deliveryModel"]?.text == "SOLE" {
                doc["deliveryModel"] = .string("PRIME_WITH_SUBCONTRACTORS_SOME")
            }
        }
    }

    static func refs(_ doc: Value) -> Set<String> {
        Set(organisations(doc).compactMap { doc[pointer: $0 + "/ref"]?.text })
    }

    func removeReferences(to ref: String, in doc: inout Value, applicant: String) {
        var applications = doc["serviceCategories"]?.items ?? []
        for index in applications.indices {
            let delivered = (applications[index]["deliveredBy"]?.items ?? []).filter { $0.text != ref }
            applications[index]["deliveredBy"] = .array(delivered.isEmpty ? [.string(applicant)] : delivered)
        }
        doc["serviceCategories"] = .array(applications)
        var studies = doc["caseStudies"]?.items ?? []
        for index in studies.indices where studies[index]["deliveredByRef"]?.text == ref {
            studies[index]["deliveredByRef"] = .string(applicant)
        }
        if !studies.isEmpty { doc["caseStudies"] = .array(studies) }
        for list in ["exclusionDeclarations", "financialStanding"] {
            guard let entries = doc[list]?.items else { continue }
            doc[list] = .array(entries.filter { $0["organisationRef"]?.text != ref })
        }
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
