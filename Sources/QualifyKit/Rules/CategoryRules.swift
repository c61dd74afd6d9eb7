import QualifyDocument

/// Service categories applied for, who delivers them, and where.
enum CategoryRules {
    static let categories = DocumentPath("/serviceCategories")
    static let geography = DocumentPath("/geography")

    static let all: [Rule] = [
        Rule("category.delivered-by-unknown", .mustFix) { s, _ in
            let refs = Set(s.organisations.compactMap(\.ref))
            return s.items(categories).flatMap { application in
                s.items(application / "deliveredBy").compactMap { item -> RuleHit? in
                    guard let ref = s.text(item), !refs.contains(ref) else { return nil }
                    return RuleHit(item, ["ref": ref, "category": s.categoryLabel(s.text(application / "category") ?? "")])
                }
            }
        },
        Rule("category.repeated", .mustFix) { s, _ in
            var seen: Set<String> = []
            return s.items(categories).compactMap { application in
                guard let code = s.text(application / "category"), !seen.insert(code).inserted else { return nil }
                return RuleHit(application / "category", ["category": s.categoryLabel(code)])
            }
        },
        Rule("category.cohort-only", .advice) { s, _ in
            let kinds = s.appliedCategories.compactMap { s.fact("kind", of: $0, in: "CategoryCodeType") }
            return kinds.contains("cohort") && !kinds.contains("need") ? [RuleHit(s.field(categories))] : []
        },
        Rule("category.young-adults-ages", .ask) { s, _ in
            s.items(categories).compactMap { application in
                guard s.text(application / "category") == "YOUNG_ADULTS", s.node(application / "eligibility") != nil else { return nil }
                let minimum = s.decimal(application / "eligibility" / "minimumAge") ?? 18
                let maximum = s.decimal(application / "eligibility" / "maximumAge")
                guard minimum < 18 || maximum == nil || maximum! > 25 else { return nil }
                return RuleHit(application / "eligibility", ["min": "\(minimum)", "max": maximum.map { "\($0)" } ?? "any age"])
            }
        },
        Rule("category.eligibility", .mustFix) { s, _ in
            s.items(categories).compactMap { application in
                let eligibility = application / "eligibility"
                guard s.node(eligibility) != nil else { return nil }
                let label = s.categoryLabel(s.text(application / "category") ?? "")
                if s.bool(eligibility / "allowsFemale") == false, s.bool(eligibility / "allowsMale") == false {
                    return RuleHit(eligibility, ["category": label], variant: "nobody")
                }
                if let minimum = s.decimal(eligibility / "minimumAge"), let maximum = s.decimal(eligibility / "maximumAge"),
                   maximum < minimum {
                    return RuleHit(eligibility / "maximumAge", ["category": label, "min": "\(minimum)", "max": "\(maximum)"],
                                   variant: "ages")
                }
                if s.text(application / "category") == "WOMEN", s.bool(eligibility / "allowsFemale") == false {
                    return RuleHit(eligibility / "allowsFemale", ["category": label], variant: "women")
                }
                return nil
            }
        },
        Rule("geography.no-area", .mustFix) { s, _ in
            let national = try need(s.bool(geography / "national"), geography / "national")
            return !national && s.items(geography / "regions").isEmpty ? [RuleHit(s.field(geography / "regions"))] : []
        },
        Rule("geography.police-area-outside-regions", .ask) { s, _ in
            guard s.bool(geography / "national") == false else { return [] }
            let regions = Set(s.texts(geography / "regions"))
            return s.items(geography / "pccAreas").compactMap { item in
                guard let area = s.text(item), let region = s.fact("region", of: area, in: "PccAreaType"),
                      !regions.contains(region) else { return nil }
                return RuleHit(item, ["area": s.label(area, in: "PccAreaType"), "region": s.label(region, in: "RegionCodeType")])
            }
        },
        Rule("geography.national-with-regions", .advice) { s, _ in
            s.bool(geography / "national") == true && !s.items(geography / "regions").isEmpty ? [RuleHit(s.field(geography / "regions"))] : []
        },
    ]
}
