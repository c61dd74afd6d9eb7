import Foundation
import QualifyDocument

/// Size, accounts, exclusion statements and the signed declaration.
enum FinanceRules {
    static let declarations = DocumentPath("/exclusionDeclarations")
    static let accounts = DocumentPath("/financialStanding")
    static let declaration = DocumentPath("/declaration")

    static func name(_ s: Submission, ref: String?) -> String {
        ref.flatMap { s.organisation(ref: $0)?.name } ?? ref ?? "An organisation"
    }

    static let all: [Rule] = [
        Rule("size.scale-mismatch", .ask, assumption: "A6") { s, config in
            s.organisations.compactMap { org in
                let size = org.path / "size"
                guard let declared = s.text(size / "declaredScale"),
                      let basis = config.sizeBasis ?? s.text(size / "basis"),
                      let heads = s.decimal(size / "employeesHeadcount"),
                      let turnover = s.decimal(size / "annualTurnoverGBP") else { return nil }
                // The EU test counts staff in full-time years (annual work units), not heads.
                let units = basis == "EU_2003_361" ? s.decimal(size / "staffAnnualWorkUnits") : nil
                let balance = s.decimal(size / "balanceSheetTotalGBP")
                guard let computed = SizeTest.scale(basis: basis, staff: units ?? heads, turnover: turnover, balance: balance,
                                                    euroPerPound: config.euroPerPound),
                      !SizeTest.agrees(declared: declared, computed: computed, basis: basis) else { return nil }
                // Counted by heads, part-time staff can push a charity over a line it is in fact under.
                let headsDecide = basis == "EU_2003_361" && units == nil && SizeTest.scale(
                    basis: basis, staff: 0, turnover: turnover, balance: balance, euroPerPound: config.euroPerPound)
                    .map { SizeTest.agrees(declared: declared, computed: $0, basis: basis) } == true
                return RuleHit(size / "declaredScale", [
                    "name": org.name, "declared": s.label(declared, in: "ScaleType").lowercased(),
                    "computed": s.label(computed, in: "ScaleType").lowercased(), "basis": s.label(basis, in: "SizeBasisType"),
                ], variant: headsDecide ? "heads" : nil)
            }
        },
        Rule("size.small-flag", .mustFix) { s, _ in
            s.organisations.compactMap { org in
                guard let declared = s.text(org.path / "size" / "declaredScale"),
                      let small = s.bool(org.path / "size" / "isSmallOrganisation"),
                      small != ["MICRO", "SMALL"].contains(declared) else { return nil }
                return RuleHit(org.path / "size" / "isSmallOrganisation",
                               ["name": org.name, "declared": s.label(declared, in: "ScaleType").lowercased()])
            }
        },
        Rule("accounts.applicant-missing", .mustFix) { s, _ in
            let applicant = try need(s.applicantRef, Paths.applicantRef)
            let covered = s.items(accounts).compactMap { s.text($0 / "organisationRef") }
            return covered.contains(applicant) ? [] : [RuleHit(s.field(accounts), ["name": name(s, ref: applicant)])]
        },
        Rule("accounts.year-end-missing", .mustFix) { s, _ in
            s.items(accounts).compactMap { entry in
                guard let type = s.text(entry / "accountsType"), type != "NONE_NEW_ORGANISATION",
                      s.node(entry / "latestYearEnd") == nil else { return nil }
                return RuleHit(entry / "latestYearEnd", ["name": name(s, ref: s.text(entry / "organisationRef"))])
            }
        },
        Rule("accounts.too-old", .ask, assumption: "A7") { s, config in
            let submitted = try need(s.submitted, Paths.submittedAt)
            let limit = config.accountsMaximumAgeMonths
            return s.items(accounts).compactMap { entry in
                let ref = s.text(entry / "organisationRef")
                let facts = ["name": name(s, ref: ref), "months": "\(limit)"]
                if let yearEnd = s.day(entry / "latestYearEnd"), yearEnd.months(until: submitted) > limit {
                    return RuleHit(entry / "latestYearEnd", facts.merging(["date": "\(yearEnd)"]) { $1 })
                }
                if s.text(entry / "accountsType") == "NONE_NEW_ORGANISATION", let org = ref.flatMap(s.organisation(ref:)),
                   let registered = s.day(org.path / "dateOfRegistration"), registered.months(until: submitted) > limit {
                    return RuleHit(entry / "accountsType", facts.merging(["date": "\(registered)"]) { $1 }, variant: "new")
                }
                return nil
            }
        },
        Rule("reference.unknown-organisation", .mustFix) { s, _ in
            let refs = Set(s.organisations.compactMap(\.ref))
            return (s.items(declarations) + s.items(accounts)).compactMap { entry in
                guard let ref = s.text(entry / "organisationRef"), !refs.contains(ref) else { return nil }
                return RuleHit(entry / "organisationRef", ["ref": ref])
            }
        },
        Rule("exclusion.missing", .mustFix) { s, _ in
            let declared = Set(s.items(declarations).compactMap { s.text($0 / "organisationRef") })
            return s.organisations.filter { $0.role != .subcontractor }.compactMap { org in
                guard let ref = org.ref, !declared.contains(ref) else { return nil }
                return RuleHit(s.field(declarations), ["name": org.name])
            }
        },
        Rule("exclusion.details-missing", .mustFix) { s, _ in
            s.items(declarations).compactMap { entry in
                let applies = s.bool(entry / "mandatoryGroundsApply") == true || s.bool(entry / "discretionaryGroundsApply") == true
                guard applies, s.text(entry / "details") == nil else { return nil }
                return RuleHit(entry / "details", ["name": name(s, ref: s.text(entry / "organisationRef"))])
            }
        },
        Rule("exclusion.self-cleaning-missing", .mustFix) { s, _ in
            s.items(declarations).compactMap { entry in
                let applies = s.bool(entry / "mandatoryGroundsApply") == true || s.bool(entry / "discretionaryGroundsApply") == true
                guard applies, s.text(entry / "selfCleaningMeasures") == nil else { return nil }
                return RuleHit(entry / "selfCleaningMeasures", ["name": name(s, ref: s.text(entry / "organisationRef"))])
            }
        },
        Rule("exclusion.mandatory-ground", .ask) { s, _ in
            s.items(declarations).compactMap { entry in
                s.bool(entry / "mandatoryGroundsApply") == true
                    ? RuleHit(entry / "mandatoryGroundsApply", ["name": name(s, ref: s.text(entry / "organisationRef"))]) : nil
            }
        },
        Rule("exclusion.tax", .ask) { s, _ in
            s.items(declarations).compactMap { entry in
                s.bool(entry / "taxAndSocialSecurityCompliant") == false
                    ? RuleHit(entry / "taxAndSocialSecurityCompliant", ["name": name(s, ref: s.text(entry / "organisationRef"))]) : nil
            }
        },
        Rule("declaration.not-confirmed", .mustFix) { s, _ in
            var hits: [RuleHit] = []
            if s.bool(declaration / "confirmsTrueAndComplete") == false {
                hits.append(RuleHit(s.field(declaration / "confirmsTrueAndComplete"), variant: "true"))
            }
            if s.bool(declaration / "authorisedToCommit") == false {
                hits.append(RuleHit(s.field(declaration / "authorisedToCommit"), variant: "authorised"))
            }
            return hits
        },
        Rule("declaration.date", .mustFix) { s, _ in
            let signed = try need(s.day(declaration / "signedOn"), declaration / "signedOn")
            let submitted = try need(s.submitted, Paths.submittedAt)
            return submitted < signed ? [RuleHit(s.field(declaration / "signedOn"), ["date": "\(signed)", "sent": "\(submitted)"])] : []
        },
    ]
}

/// The size tests of assumption A6: which scale staff, turnover and balance sheet give.
enum SizeTest {
    /// The thresholds as decimals made once: making them (and the lists holding them) on every
    /// call cost more than the comparisons.
    private static let euLimits: [(scale: String, people: Decimal, money: Decimal, sheet: Decimal)] = [
        ("MICRO", 10, 2_000_000, 2_000_000), ("SMALL", 50, 10_000_000, 10_000_000), ("MEDIUM", 250, 50_000_000, 43_000_000),
    ]
    private static let companiesAct2025: [(scale: String, money: Decimal, sheet: Decimal, people: Decimal)] = [
        ("MICRO", 1_000_000, 500_000, 10), ("SMALL", 15_000_000, 7_500_000, 50), ("MEDIUM", 54_000_000, 27_000_000, 250),
    ]
    private static let companiesActBefore2025: [(scale: String, money: Decimal, sheet: Decimal, people: Decimal)] = [
        ("MICRO", 632_000, 316_000, 10), ("SMALL", 10_200_000, 5_100_000, 50), ("MEDIUM", 36_000_000, 18_000_000, 250),
    ]
    private static let procurementStaff: Decimal = 250
    private static let procurementMoney: Decimal = 44_000_000
    private static let procurementSheet: Decimal = 38_000_000

    static func scale(basis: String, staff: Decimal, turnover: Decimal, balance: Decimal?, euroPerPound: Decimal) -> String? {
        switch basis {
        case "EU_2003_361":
            let euros = turnover * euroPerPound, assets = balance.map { $0 * euroPerPound }
            for limit in euLimits where staff < limit.people && (euros <= limit.money || (assets.map { $0 <= limit.sheet } ?? false)) {
                return limit.scale
            }
            return "LARGE"
        case "CA2006_PRE_2025", "CA2006_2025":
            for limit in basis == "CA2006_2025" ? companiesAct2025 : companiesActBefore2025 {
                let met = (turnover <= limit.money ? 1 : 0) + (balance.map { $0 <= limit.sheet } == true ? 1 : 0)
                    + (staff <= limit.people ? 1 : 0)
                if met >= 2 { return limit.scale }
            }
            return "LARGE"
        case "PA2023":
            return staff < procurementStaff && (turnover <= procurementMoney || (balance.map { $0 <= procurementSheet } ?? false))
                ? "MEDIUM" : "LARGE"
        default:
            return nil
        }
    }

    /// The Procurement Act has one small-and-medium band, so any of micro, small or medium agrees with it.
    static func agrees(declared: String, computed: String, basis: String) -> Bool {
        if basis == "PA2023" { return (declared == "LARGE") == (computed == "LARGE") }
        return declared == computed
    }
}
