import Foundation

/// Case studies and subcontractors: added or removed, with everything that refers to them.
extension Variation {
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
}
