import Foundation
import QualifyDocument

/// Case studies: one or more for each category, recent, sensible dates, and an independent referee.
enum CaseStudyRules {
    static let studies = DocumentPath("/caseStudies")

    static func title(_ s: Submission, _ study: Field) -> String {
        s.text(study / "title") ?? "Case study \(study.number)"
    }

    static let all: [Rule] = [
        Rule("case-study.none", .mustFix) { s, config in
            guard s.items(studies).isEmpty, s.text(Paths.noExampleExplanation) == nil else { return [] }
            return [RuleHit(s.field(studies), ["limit": "\(config.wordLimits["noExampleExplanation"] ?? 500)"])]
        },
        Rule("case-study.category-missing", .ask, assumption: "A1") { s, config in
            // The reason for having no case studies covers a bid with none, not the categories a
            // bid with some leaves out.
            if s.items(studies).isEmpty, s.text(Paths.noExampleExplanation) != nil { return [] }
            let covered = s.items(studies).flatMap { s.texts($0 / "serviceCategories") }
            return s.items(CategoryRules.categories).compactMap { application in
                guard let code = s.text(application / "category"),
                      covered.filter({ $0 == code }).count < config.caseStudiesPerCategoryMinimum else { return nil }
                return RuleHit(application / "category", ["category": s.categoryLabel(code),
                                                          "min": "\(config.caseStudiesPerCategoryMinimum)"])
            }
        },
        Rule("case-study.category-not-applied", .mustFix) { s, _ in
            let applied = Set(s.appliedCategories)
            return s.items(studies).flatMap { study in
                s.items(study / "serviceCategories").compactMap { item -> RuleHit? in
                    guard let code = s.text(item), !applied.contains(code) else { return nil }
                    return RuleHit(item, ["title": title(s, study), "category": s.categoryLabel(code)])
                }
            }
        },
        Rule("case-study.too-many", .advice, assumption: "A1") { s, config in
            var counts: [String: [Field]] = [:]
            for study in s.items(studies) {
                for code in Set(s.texts(study / "serviceCategories")) { counts[code, default: []].append(study) }
            }
            return counts.keys.sorted().compactMap { code in
                let list = counts[code]!
                guard list.count > config.caseStudiesPerCategoryMaximum else { return nil }
                return RuleHit(list[config.caseStudiesPerCategoryMaximum] / "serviceCategories",
                               ["count": "\(list.count)", "category": s.categoryLabel(code),
                                "max": "\(config.caseStudiesPerCategoryMaximum)"])
            }
        },
        Rule("case-study.delivered-by-unknown", .mustFix) { s, _ in
            let refs = Set(s.organisations.compactMap(\.ref))
            return s.items(studies).compactMap { study in
                guard let ref = s.text(study / "deliveredByRef"), !refs.contains(ref) else { return nil }
                return RuleHit(study / "deliveredByRef", ["title": title(s, study), "ref": ref])
            }
        },
        Rule("case-study.similar-without-explanation", .mustFix) { s, _ in
            s.items(studies).compactMap { study in
                guard s.text(study / "relationToProposedService") == "SIMILAR",
                      s.text(study / "similarityExplanation") == nil else { return nil }
                return RuleHit(study / "similarityExplanation", ["title": title(s, study)])
            }
        },
        Rule("case-study.too-old", .ask, assumption: "A2") { s, config in
            let submitted = try need(s.submitted, Paths.submittedAt)
            return s.items(studies).compactMap { study in
                guard s.bool(study / "ongoing") == false, let end = s.day(study / "endDate"),
                      end.months(until: submitted) > config.caseStudyRecencyMonths else { return nil }
                return RuleHit(study / "endDate", ["title": title(s, study), "date": "\(end)",
                                                   "years": Self.years(config.caseStudyRecencyMonths)])
            }
        },
        Rule("case-study.dates", .mustFix) { s, _ in
            let submitted = try need(s.submitted, Paths.submittedAt)
            return s.items(studies).compactMap { study in
                let facts = ["title": title(s, study)]
                let start = s.day(study / "startDate"), end = s.day(study / "endDate")
                if let start, let end, end < start { return RuleHit(study / "endDate", facts, variant: "order") }
                if let start, submitted < start { return RuleHit(study / "startDate", facts, variant: "future") }
                if s.bool(study / "ongoing") == true, let end, end < submitted {
                    return RuleHit(study / "ongoing", facts, variant: "ongoing-ended")
                }
                if s.bool(study / "ongoing") == false, s.node(study / "endDate") == nil {
                    return RuleHit(study / "endDate", facts, variant: "no-end")
                }
                return nil
            }
        },
        Rule("case-study.referee-not-independent", .ask, assumption: "A5") { s, config in
            guard config.refereesMustBeIndependent else { return [] }
            let organisations = s.organisations
            let domains = Set(organisations.flatMap { org in
                [s.text(org.path / "website").flatMap(Domain.ofWebsite), s.text(org.path / "contact" / "email").flatMap(Domain.ofEmail)]
                    .compactMap { $0 }
            }).subtracting(Domain.shared)
            let names = Set(organisations.map { $0.name.lowercased() })
            return s.items(studies).compactMap { study in
                let referee = study / "referee"
                if let domain = s.text(referee / "email").flatMap(Domain.ofEmail), domains.contains(domain) {
                    return RuleHit(referee / "email", ["title": title(s, study)])
                }
                if let employer = s.text(referee / "organisation"), names.contains(employer.lowercased()) {
                    return RuleHit(referee / "organisation", ["title": title(s, study)])
                }
                return nil
            }
        },
        Rule("case-study.referee-consent", .ask) { s, _ in
            s.items(studies).compactMap { study in
                s.bool(study / "referee" / "consentToContact") == false
                    ? RuleHit(study / "referee" / "consentToContact", ["title": title(s, study)]) : nil
            }
        },
        Rule("text.word-limit", .ask, assumption: "A3") { s, config in
            var hits: [RuleHit] = []
            let shortest = config.wordLimits.values.min() ?? 0
            // Fields step down without allocating, and only a hit's path is written out: this
            // visits every value of every file.
            func visit(_ field: Field) {
                switch field.node?.value {
                case .object(let members)?:
                    for (index, member) in members.enumerated() {
                        if case .string(let text) = member.node.value {
                            // n bytes hold at most (n + 1) / 2 words, so most answers need neither
                            // a count nor a look-up of their limit.
                            let most = (text.utf8.count + 1) / 2
                            guard most > shortest, let limit = config.wordLimits[member.key], most > limit else { continue }
                            let count = Words.count(text)
                            guard count > limit else { continue }
                            hits.append(RuleHit(field.member(index), ["count": "\(count)", "limit": "\(limit)"]))
                        } else if member.node.members != nil || member.node.items != nil {
                            visit(field.member(index))
                        }
                    }
                case .array(let items)?:
                    for (index, item) in items.enumerated() where item.members != nil || item.items != nil { visit(field / index) }
                default:
                    break
                }
            }
            visit(s.root)
            return hits
        },
    ]

    static func years(_ months: Int) -> String {
        months % 12 == 0 ? "\(months / 12) years" : "\(months) months"
    }
}

/// Internet domains, to tell whether a referee works for an organisation in the bid.
enum Domain {
    /// Free email services many people share; a match on these says nothing.
    static let shared: Set<String> = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "yahoo.co.uk",
                                      "hotmail.co.uk", "btinternet.com", "icloud.com", "live.co.uk", "aol.com"]

    static func ofEmail(_ email: String) -> String? {
        // In ASCII each character is one byte, so the byte search finds the same "@" as the
        // character search, which breaks the text into characters first and was most of the cost;
        // the domain is lowered and its "www." dropped in the same pass over the bytes.
        var text = email
        let ascii: String?? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return .some(nil) }
            var domain = bytes[(at + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if domain.starts(with: "www.".utf8) { domain.removeFirst(4) }
            return String(decoding: domain, as: UTF8.self)
        }
        return ascii ?? ofEmailByCharacters(email)
    }

    static func ofEmailByCharacters(_ email: String) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        return normalise(String(email[email.index(after: at)...]))
    }

    static func ofWebsite(_ website: String) -> String? {
        guard let host = URL(string: website)?.host else { return nil }
        return normalise(host)
    }

    static func normalise(_ host: String) -> String {
        let lower = host.lowercased()
        return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    }
}
