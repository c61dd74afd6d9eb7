import Foundation
import QualifyDocument

/// Subcontractors: their shares, whether the bid relies on them, and whether they must qualify.
enum SupplyChainRules {
    static let subcontractors = DocumentPath("/subcontractors")
    static let subcontractorModels: Set<String> = [
        "PRIME_WITH_SUBCONTRACTORS_SOME", "PRIME_WITH_SUBCONTRACTORS_ALL", "CONSORTIUM_WITH_SUBCONTRACTORS",
    ]

    static func totalShare(_ s: Submission) -> Decimal {
        s.items(subcontractors).compactMap { s.decimal($0 / "approxShareOfDeliveryPercent") }.reduce(0, +)
    }

    static func name(_ s: Submission, _ entry: Field) -> String {
        s.text(entry / "organisation" / "legalName") ?? "A subcontractor"
    }

    static let all: [Rule] = [
        Rule("subcontractors.missing", .mustFix) { s, _ in
            let model = try need(s.deliveryModel, Paths.deliveryModel)
            return subcontractorModels.contains(model) && s.items(subcontractors).isEmpty ? [RuleHit(s.field(subcontractors))] : []
        },
        Rule("subcontractors.model-mismatch", .mustFix) { s, _ in
            let model = try need(s.deliveryModel, Paths.deliveryModel)
            return model == "CONSORTIUM_MEMBERS_ONLY" && !s.items(subcontractors).isEmpty ? [RuleHit(s.field(subcontractors))] : []
        },
        Rule("subcontractors.shares-over-100", .mustFix) { s, _ in
            let total = totalShare(s)
            return total > 100 ? [RuleHit(s.field(subcontractors), ["total": "\(total)"])] : []
        },
        Rule("subcontractors.shares-model-mismatch", .ask) { s, _ in
            guard !s.items(subcontractors).isEmpty else { return [] }
            let model = try need(s.deliveryModel, Paths.deliveryModel)
            let total = totalShare(s)
            if model == "PRIME_WITH_SUBCONTRACTORS_SOME", total >= 100 {
                return [RuleHit(s.field(Paths.deliveryModel), ["total": "\(total)"], variant: "some")]
            }
            if model == "PRIME_WITH_SUBCONTRACTORS_ALL", total < 100 {
                return [RuleHit(s.field(Paths.deliveryModel), ["total": "\(total)"], variant: "all")]
            }
            return []
        },
        Rule("exclusion.relied-on-missing", .mustFix) { s, _ in
            let declared = Set(s.items(Paths.exclusionDeclarations).compactMap { s.text($0 / "organisationRef") })
            let entries = s.items(Paths.consortiumMembers) + s.items(subcontractors)
            return entries.compactMap { entry in
                guard s.bool(entry / "reliedOnForSelection") == true,
                      let ref = s.text(entry / "organisation" / "ref"), !declared.contains(ref) else { return nil }
                return RuleHit(entry / "reliedOnForSelection", ["name": s.text(entry / "organisation" / "legalName") ?? ref])
            }
        },
        Rule("subcontractor.not-on-framework", .info, assumption: "A4") { s, config in
            guard config.unqualifiedSubcontractorsNeedNotQualify else { return [] }
            return s.items(subcontractors).compactMap { entry in
                guard s.bool(entry / "reliedOnForSelection") == false,
                      let status = s.text(entry / "qualifiedOnFramework"), status != "YES" else { return nil }
                return RuleHit(entry / "qualifiedOnFramework", ["name": name(s, entry)])
            }
        },
        Rule("subcontractor.relied-on-not-qualified", .info, assumption: "G3") { s, _ in
            s.items(subcontractors).compactMap { entry in
                guard s.bool(entry / "reliedOnForSelection") == true,
                      let status = s.text(entry / "qualifiedOnFramework"), status != "YES" else { return nil }
                return RuleHit(entry / "qualifiedOnFramework", ["name": name(s, entry)])
            }
        },
        Rule("subcontractor.key", .ask, assumption: "A8") { s, config in
            s.items(subcontractors).compactMap { entry in
                guard let share = s.decimal(entry / "approxShareOfDeliveryPercent"),
                      share > config.keySubcontractorSharePercent, s.bool(entry / "isKeySubcontractor") != true else { return nil }
                return RuleHit(entry / "approxShareOfDeliveryPercent",
                               ["name": name(s, entry), "share": "\(share)", "limit": "\(config.keySubcontractorSharePercent)"])
            }
        },
        Rule("subcontractor.category-not-applied", .mustFix) { s, _ in
            let applied = Set(s.appliedCategories)
            return s.items(subcontractors).flatMap { entry in
                s.items(entry / "serviceCategories").compactMap { item -> RuleHit? in
                    guard let code = s.text(item), !applied.contains(code) else { return nil }
                    return RuleHit(item, ["name": name(s, entry), "category": s.categoryLabel(code)])
                }
            }
        },
    ]
}
