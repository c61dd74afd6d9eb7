import Foundation
import QualifyDocument

/// The checks an experienced official makes by reading one answer against another: who the bid
/// really relies on, figures given twice, dates that must agree, and numbers a legal form can have.
enum CrossCheckRules {
    static let studies = DocumentPath("/caseStudies")
    static let accounts = DocumentPath("/financialStanding")
    /// Consortium members and subcontractors: the organisations a bid may rely on.
    static func partners(_ s: Submission) -> [Field] {
        s.items(Paths.consortiumMembers) + s.items(Paths.subcontractors)
    }

    static func partnerName(_ s: Submission, _ entry: Field) -> String {
        s.text(entry / "organisation" / "legalName") ?? s.text(entry / "organisation" / "ref") ?? "A partner"
    }

    static func studiesBy(_ s: Submission, _ ref: String) -> [Field] {
        s.items(studies).filter { s.text($0 / "deliveredByRef") == ref }
    }

    static func hasAccounts(_ s: Submission, _ ref: String) -> Bool {
        s.items(accounts).contains { s.text($0 / "organisationRef") == ref }
    }

    static let all: [Rule] = [
        // Regulation 63 of the Public Contracts Regulations 2015: using another body's experience or
        // money to meet the selection criteria is relying on it, whatever the flag says.
        Rule("reliance.not-marked", .mustFix) { s, _ in
            partners(s).compactMap { entry in
                guard s.bool(entry / "reliedOnForSelection") == false, let ref = s.text(entry / "organisation" / "ref") else { return nil }
                let facts = ["name": partnerName(s, entry)]
                if let study = studiesBy(s, ref).first {
                    return RuleHit(entry / "reliedOnForSelection", facts.merging(["title": CaseStudyRules.title(s, study)]) { $1 },
                                   variant: "case-study")
                }
                return hasAccounts(s, ref) ? RuleHit(entry / "reliedOnForSelection", facts, variant: "accounts") : nil
            }
        },
        Rule("reliance.prospective", .ask) { s, _ in
            var hits: [RuleHit] = []
            var prospective: Set<String> = []
            for entry in partners(s) where s.text(entry / "commitment") == "PROSPECTIVE" {
                guard let ref = s.text(entry / "organisation" / "ref") else { continue }
                prospective.insert(ref)
                if s.bool(entry / "reliedOnForSelection") == true {
                    hits.append(RuleHit(entry / "commitment", ["name": partnerName(s, entry)]))
                }
            }
            guard !prospective.isEmpty else { return hits }
            for application in s.items(CategoryRules.categories) {
                let deliverers = s.texts(application / "deliveredBy")
                guard let code = s.text(application / "category"), !deliverers.isEmpty,
                      deliverers.allSatisfy(prospective.contains) else { continue }
                hits.append(RuleHit(application / "deliveredBy", ["category": s.categoryLabel(code)], variant: "category"))
            }
            return hits
        },
        Rule("case-study.explanation-with-examples", .advice) { s, _ in
            guard !s.items(studies).isEmpty, s.text(Paths.noExampleExplanation) != nil else { return [] }
            return [RuleHit(s.field(Paths.noExampleExplanation))]
        },
        Rule("accounts.relied-on-missing", .ask) { s, _ in
            partners(s).compactMap { entry in
                // Relied on, but none of its work is shown: the bid must rely on its money.
                guard s.bool(entry / "reliedOnForSelection") == true, let ref = s.text(entry / "organisation" / "ref"),
                      studiesBy(s, ref).isEmpty, !hasAccounts(s, ref) else { return nil }
                return RuleHit(entry / "reliedOnForSelection", ["name": partnerName(s, entry)])
            }
        },
        Rule("exclusion.tax-details-missing", .mustFix) { s, _ in
            s.items(FinanceRules.declarations).compactMap { entry in
                guard s.bool(entry / "taxAndSocialSecurityCompliant") == false, s.text(entry / "details") == nil else { return nil }
                return RuleHit(entry / "details", ["name": FinanceRules.name(s, ref: s.text(entry / "organisationRef"))])
            }
        },
        Rule("size.accounts-mismatch", .ask) { s, _ in
            s.items(accounts).flatMap { entry -> [RuleHit] in
                guard let ref = s.text(entry / "organisationRef"), let org = s.organisation(ref: ref) else { return [] }
                let size = org.path / "size"
                var hits: [RuleHit] = []
                if let declared = s.decimal(size / "annualTurnoverGBP"), let stated = s.decimal(entry / "turnoverGBP"), declared != stated {
                    hits.append(RuleHit(entry / "turnoverGBP", ["name": org.name, "size": Money.text(declared), "accounts": Money.text(stated)],
                                        variant: "turnover"))
                }
                if let declared = s.day(size / "financialYearEnd"), let stated = s.day(entry / "latestYearEnd"), declared != stated {
                    hits.append(RuleHit(entry / "latestYearEnd", ["name": org.name, "size": "\(declared)", "accounts": "\(stated)"],
                                        variant: "year-end"))
                }
                return hits
            }
        },
        Rule("case-study.partner-category", .ask) { s, _ in
            let partnerCategories = Dictionary(partners(s).compactMap { entry -> (String, (String, Set<String>))? in
                guard let ref = s.text(entry / "organisation" / "ref") else { return nil }
                return (ref, (partnerName(s, entry), Set(s.texts(entry / "serviceCategories"))))
            }, uniquingKeysWith: { first, _ in first })
            return s.items(studies).flatMap { study -> [RuleHit] in
                guard let ref = s.text(study / "deliveredByRef"), let (name, categories) = partnerCategories[ref] else { return [] }
                return s.items(study / "serviceCategories").compactMap { item in
                    guard let code = s.text(item), !categories.contains(code) else { return nil }
                    return RuleHit(item, ["title": CaseStudyRules.title(s, study), "name": name, "category": s.categoryLabel(code)])
                }
            }
        },
        Rule("case-study.before-registration", .ask) { s, _ in
            s.items(studies).compactMap { study in
                guard let ref = s.text(study / "deliveredByRef"), let org = s.organisation(ref: ref),
                      let registered = s.day(org.path / "dateOfRegistration"), let start = s.day(study / "startDate"),
                      start < registered else { return nil }
                return RuleHit(study / "startDate", ["title": CaseStudyRules.title(s, study), "name": org.name,
                                                     "date": "\(start)", "registered": "\(registered)"])
            }
        },
        Rule("case-study.referee-is-bidder", .ask) { s, _ in
            let contacts = s.organisations.map { org in
                (org.name, [s.text(org.path / "contact" / "email")?.lowercased(), Phone.digits(s.text(org.path / "contact" / "telephone"))])
            }
            return s.items(studies).compactMap { study in
                let referee = study / "referee"
                for (field, value) in [("email", s.text(referee / "email")?.lowercased()), ("telephone", Phone.digits(s.text(referee / "telephone")))] {
                    guard let value, let owner = contacts.first(where: { $0.1[field == "email" ? 0 : 1] == value }) else { continue }
                    return RuleHit(referee / field, ["title": CaseStudyRules.title(s, study), "name": owner.0])
                }
                return nil
            }
        },
        Rule("dates.after-sending", .mustFix) { s, _ in
            let sent = try need(s.submitted, Paths.submittedAt)
            var paths = s.organisations.map { $0.path / "dateOfRegistration" }
            paths += s.items(accounts).map { $0 / "latestYearEnd" } + s.items(studies).map { $0 / "startDate" }
            return paths.compactMap { path in
                guard let day = s.day(path), sent < day else { return nil }
                return RuleHit(path, ["date": "\(day)", "sent": "\(sent)"])
            }
        },
        Rule("organisation.legal-form-numbers", .ask) { s, _ in
            s.organisations.compactMap { org in
                guard let form = s.text(org.path / "legalForm") else { return nil }
                let ids = org.path / "identifiers"
                let has = { (field: String) in s.text(ids / field) != nil }
                let variant: String?
                switch form {
                case "CIO" where has("companyNumber") && !(s.text(ids / "companyNumber")?.hasPrefix("CE") ?? false): variant = "cio-company"
                case "CIC" where has("charityNumber"): variant = "cic-charity"
                case "SOLE_TRADER", "UNINCORPORATED_ASSOCIATION", "OTHER_PARTNERSHIP":
                    variant = has("companyNumber") ? "unincorporated-company" : nil
                default: variant = nil
                }
                return variant.map { RuleHit(ids, ["name": org.name, "form": s.label(form, in: "LegalFormType")], variant: $0) }
            }
        },
    ]
}

/// Figures and contact details as people write them, for comparing two answers.
enum Money {
    static func text(_ value: Decimal) -> String { "£" + NSDecimalNumber(decimal: value).stringValue }
}

enum Phone {
    /// Only the digits, with a leading 44 read as 0, so "+44 1482 220000" and "01482 220000" match.
    static func digits(_ text: String?) -> String? {
        guard let text else { return nil }
        // In ASCII, characters are bytes and the only numbers are 0 to 9 ("\r\n", the one
        // character of two bytes, is neither).
        var digits = text.isASCII
            ? String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
            : digitsByCharacters(text)
        if digits.hasPrefix("44") { digits = "0" + digits.dropFirst(2) }
        return digits.count >= 6 ? digits : nil
    }

    static func digitsByCharacters(_ text: String) -> String { text.filter(\.isASCII).filter(\.isNumber) }
}
