import QualifyDocument

/// Bidding as a consortium: the lead, its partners, and partners not yet confirmed.
enum ConsortiumRules {
    static let consortium = DocumentPath("/consortium")
    static let consortiumModels: Set<String> = ["CONSORTIUM_MEMBERS_ONLY", "CONSORTIUM_WITH_SUBCONTRACTORS"]

    static let all: [Rule] = [
        Rule("consortium.missing", .mustFix) { s, _ in
            let model = try need(s.deliveryModel, Paths.deliveryModel)
            return consortiumModels.contains(model) && s.node(consortium) == nil ? [RuleHit(s.field(consortium))] : []
        },
        Rule("consortium.model-mismatch", .mustFix) { s, _ in
            let model = try need(s.deliveryModel, Paths.deliveryModel)
            guard s.node(consortium) != nil, !consortiumModels.contains(model), model != "SOLE" else { return [] }
            return [RuleHit(s.field(consortium), ["model": s.label(model, in: "DeliveryModelType")])]
        },
        Rule("delivery.sole-with-partners", .mustFix) { s, _ in
            guard try need(s.deliveryModel, Paths.deliveryModel) == "SOLE" else { return [] }
            var hits: [RuleHit] = []
            if s.node(consortium) != nil { hits.append(RuleHit(s.field(consortium), variant: "consortium", removesSection: true)) }
            if !s.items(Paths.subcontractors).isEmpty {
                hits.append(RuleHit(s.field(Paths.subcontractors), variant: "subcontractors", removesSection: true))
            }
            return hits
        },
        Rule("consortium.lead-not-applicant", .mustFix) { s, _ in
            guard s.node(consortium) != nil else { return [] }
            let lead = try need(s.text(consortium / "leadRef"), consortium / "leadRef")
            let applicant = try need(s.applicantRef, Paths.applicantRef)
            return lead == applicant ? [] : [RuleHit(s.field(consortium / "leadRef"), ["lead": lead, "applicant": applicant])]
        },
        Rule("consortium.no-other-member", .mustFix) { s, _ in
            guard s.node(consortium) != nil else { return [] }
            let applicant = s.applicantRef
            let others = s.items(consortium / "members").filter { s.text($0 / "organisation" / "ref") != applicant }
            return others.isEmpty ? [RuleHit(s.field(consortium / "members"))] : []
        },
        Rule("consortium.formation-date-missing", .ask) { s, _ in
            guard s.text(consortium / "status") == "TO_BE_FORMED", s.node(consortium / "expectedFormationDate") == nil else { return [] }
            return [RuleHit(s.field(consortium / "expectedFormationDate"))]
        },
        Rule("consortium.formation-date-passed", .ask) { s, _ in
            guard s.text(consortium / "status") == "TO_BE_FORMED",
                  let date = s.day(consortium / "expectedFormationDate") else { return [] }
            let submitted = try need(s.submitted, Paths.submittedAt)
            return date < submitted ? [RuleHit(s.field(consortium / "expectedFormationDate"), ["date": "\(date)"])] : []
        },
        Rule("consortium.prospective-member", .ask) { s, _ in
            s.items(consortium / "members").compactMap { member in
                guard s.text(member / "commitment") == "PROSPECTIVE" else { return nil }
                return RuleHit(member / "commitment", ["name": s.text(member / "organisation" / "legalName") ?? "A partner"])
            }
        },
        Rule("consortium.member-category-not-applied", .mustFix) { s, _ in
            let applied = Set(s.appliedCategories)
            return s.items(consortium / "members").flatMap { member in
                s.items(member / "serviceCategories").compactMap { item -> RuleHit? in
                    guard let code = s.text(item), !applied.contains(code) else { return nil }
                    return RuleHit(item, ["name": s.text(member / "organisation" / "legalName") ?? "A partner",
                                          "category": s.categoryLabel(code)])
                }
            }
        },
    ]
}
