import Foundation
import QualifyDocument

/// The submission's own facts for each question a reviewer answers.
struct ChecklistFacts {
    let s: Submission
    let registers: [String: ChecklistBuilder.Register]
    let configuration: Configuration

    typealias Fact = Checklist.Fact

    func yesNo(_ place: some FieldPlace) -> String? { s.bool(place).map { $0 ? "Yes" : "No" } }

    func facts(_ pairs: [(String, String?)]) -> [Fact] {
        pairs.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : Fact(label, $0) } }
    }

    func name(ref: String?) -> String { ref.flatMap { s.organisation(ref: $0)?.name } ?? ref ?? "" }

    func caseStudies() -> Checklist.Section {
        let questions = s.items(DocumentPath("/caseStudies")).enumerated().map { index, study -> Checklist.Question in
            let categories = s.texts(study / "serviceCategories").map(s.categoryLabel)
            let start = s.text(study / "startDate") ?? "?"
            let dates = s.bool(study / "ongoing") == true ? "From \(start), still going" : "\(start) to \(s.text(study / "endDate") ?? "?")"
            let words = ["narrative", "outcomes"].compactMap { key in s.text(study / key).map { "\(key == "narrative" ? "description" : key) \(Words.count($0))" } }
            let referee = study / "referee"
            return Checklist.Question(
                subject: "Case study \(index + 1): \(s.text(study / "title") ?? "")",
                question: "Is it relevant to \(categories.joined(separator: " and "))? For a similar service, does the explanation convince you?",
                facts: facts([
                    ("Categories", categories.joined(separator: "; ")),
                    ("Same or similar", s.text(study / "relationToProposedService").map { s.label($0, in: "RelationType") }),
                    ("Why it is similar", s.text(study / "similarityExplanation")),
                    ("Dates", dates), ("Words", words.joined(separator: ", ")),
                    ("Done by", name(ref: s.text(study / "deliveredByRef"))),
                    ("Customer", s.text(study / "customerName")),
                    ("Funding", s.text(study / "fundingType").map { s.label($0, in: "FundingSourceType") }),
                    ("Referee", [s.text(referee / "name"), s.text(referee / "role"), s.text(referee / "organisation")].compactMap { $0 }.joined(separator: ", ")),
                    ("Referee email", s.text(referee / "email")), ("Agreed to be contacted", yesNo(referee / "consentToContact")),
                ]))
        }
        return Checklist.Section(title: "Case studies", questions: questions)
    }

    func organisations() -> Checklist.Section {
        let questions = s.organisations.map { org -> Checklist.Question in
            var list = facts([
                ("Legal form", s.text(org.path / "legalForm").map { s.label($0, in: "LegalFormType") }),
                ("Head office", s.text(org.path / "headquartersNation").map { s.label($0, in: "NationType") }),
                ("Registered address", ["streetAddress", "locality", "postalCode"].compactMap { s.text(org.path / "registeredAddress" / $0) }.joined(separator: ", ")),
                ("No registration because", s.text(org.path / "noRegistrationReason")),
            ])
            for member in s.node(org.path / "identifiers")?.members ?? [] {
                guard let number = member.node.scalarText else { continue }
                let register = registers[member.key]
                let link = register?.link.replacing("{number}", with: number.filter { !$0.isWhitespace })
                list.append(Fact(s.model.fieldLabel(member.key) ?? member.key, number + (register.map { " (\($0.register))" } ?? ""), link: link))
            }
            return Checklist.Question(subject: "\(org.role == .applicant ? "Applicant" : org.role == .member ? "Consortium member" : "Subcontractor"): \(org.name)",
                                      question: "Do the register entries match the name, legal form and address?", facts: list)
        }
        return Checklist.Section(title: "Organisations and their registers", questions: questions)
    }

    func consortium() -> Checklist.Section {
        let consortium = DocumentPath("/consortium")
        guard s.node(consortium) != nil else { return Checklist.Section(title: "Consortium", questions: []) }
        var list = facts([
            ("Name", s.text(consortium / "name")), ("Status", s.text(consortium / "status").map { s.label($0, in: "ConsortiumStatusType") }),
            ("Expected to form on", s.text(consortium / "expectedFormationDate")), ("Shared liability", yesNo(consortium / "jointAndSeveralLiability")),
        ])
        for member in s.items(consortium / "members") {
            let letter = yesNo(member / "letterOfIntentHeld") ?? "not said"
            list.append(Fact(s.text(member / "organisation" / "legalName") ?? "Member",
                             "\(s.text(member / "commitment").map { s.label($0, in: "CommitmentType") } ?? "?"); relied on to qualify: \(yesNo(member / "reliedOnForSelection") ?? "?"); letter of intent: \(letter); \(s.texts(member / "serviceCategories").map(s.categoryLabel).joined(separator: ", "))"))
        }
        return Checklist.Section(title: "Consortium", questions: [Checklist.Question(
            subject: s.text(consortium / "name") ?? "Consortium",
            question: "Are the partners, especially any not yet confirmed, credible, and is the formation date realistic?", facts: list)])
    }

    func supplyChain() -> Checklist.Section {
        let questions = s.items(DocumentPath("/subcontractors")).map { entry -> Checklist.Question in
            Checklist.Question(
                subject: "Subcontractor: \(s.text(entry / "organisation" / "legalName") ?? "")",
                question: "Are its role and share realistic for an organisation of its size?",
                facts: facts([
                    ("Role", s.text(entry / "role")), ("Share of the work", s.decimal(entry / "approxShareOfDeliveryPercent").map { "\($0)%" }),
                    ("Relied on to qualify", yesNo(entry / "reliedOnForSelection")), ("Main subcontractor", yesNo(entry / "isKeySubcontractor")),
                    ("On the framework", s.text(entry / "qualifiedOnFramework").map { s.label($0, in: "FrameworkStatusType") }),
                    ("Specialist service", s.text(entry / "nicheService")),
                    ("Categories", s.texts(entry / "serviceCategories").map(s.categoryLabel).joined(separator: "; ")),
                ]))
        }
        return Checklist.Section(title: "Supply chain", questions: questions)
    }

    func exclusions() -> Checklist.Section {
        let questions = s.items(DocumentPath("/exclusionDeclarations")).compactMap { entry -> Checklist.Question? in
            let must = s.bool(entry / "mandatoryGroundsApply") == true, may = s.bool(entry / "discretionaryGroundsApply") == true
            let tax = s.bool(entry / "taxAndSocialSecurityCompliant") == false
            guard must || may || tax else { return nil }
            return Checklist.Question(
                subject: name(ref: s.text(entry / "organisationRef")),
                question: "Is what happened, and what has been done since, enough to let it take part?",
                facts: facts([("A reason we must exclude", must ? "Yes" : "No"), ("A reason we may exclude", may ? "Yes" : "No"),
                              ("Tax and National Insurance up to date", tax ? "No" : "Yes"), ("Description of what happened", s.text(entry / "details")),
                              ("Steps taken since", s.text(entry / "selfCleaningMeasures"))]))
        }
        return Checklist.Section(title: "Exclusion grounds declared", questions: questions)
    }

    func finances() -> Checklist.Section {
        var questions = s.organisations.compactMap { org -> Checklist.Question? in
            let size = org.path / "size"
            guard let declared = s.text(size / "declaredScale"), let basis = configuration.sizeBasis ?? s.text(size / "basis") else { return nil }
            let computed = s.decimal(size / "employeesHeadcount").flatMap { staff in s.decimal(size / "annualTurnoverGBP").flatMap { turnover in
                SizeTest.scale(basis: basis, staff: staff, turnover: turnover, balance: s.decimal(size / "balanceSheetTotalGBP"), euroPerPound: configuration.euroPerPound)
            } }
            return Checklist.Question(subject: org.name, question: "Does the size it declares fit its staff and turnover?", facts: facts([
                ("Size declared", s.label(declared, in: "ScaleType")),
                ("Size from its figures", computed.map { "\(s.label($0, in: "ScaleType")) under \(s.label(basis, in: "SizeBasisType"))" }),
                ("Staff", s.decimal(size / "employeesHeadcount").map { "\($0)" }), ("Turnover or income", s.decimal(size / "annualTurnoverGBP").map { "£\($0)" }),
            ]))
        }
        let band = s.text(DocumentPath("/financialBand"))
        let accounts = s.items(DocumentPath("/financialStanding")).map { entry in
            Fact(name(ref: s.text(entry / "organisationRef")), [s.text(entry / "accountsType").map { s.label($0, in: "AccountsKindType") },
                s.text(entry / "latestYearEnd").map { "year end \($0)" }, s.decimal(entry / "turnoverGBP").map { "turnover £\($0)" }].compactMap { $0 }.joined(separator: ", "))
        }
        questions.append(Checklist.Question(subject: "Financial band \(band ?? "not given")", question: "Do the accounts support the financial band applied for?", facts: accounts))
        return Checklist.Section(title: "Size and finances", questions: questions)
    }

    func monitoring() -> Checklist.Section {
        let list = s.organisations.map { org -> Fact in
            let small = s.bool(org.path / "size" / "isSmallOrganisation") == true ? "small organisation" : nil
            let groups = s.texts(org.path / "ledByAndFor").map { "led by and for: " + s.label($0, in: "LedByAndForGroupType").lowercased() }
            let wales = s.text(org.path / "headquartersNation") == "WALES" ? "based in Wales" : nil
            return Fact(org.name, ([small] + groups.map { Optional($0) } + [wales]).compactMap { $0 }.joined(separator: "; "))
        }.filter { !$0.value.isEmpty }
        return Checklist.Section(title: "Equality monitoring (never scored)", questions: list.isEmpty ? [] : [
            Checklist.Question(subject: "Who is taking part", question: "Note these for monitoring who takes part.", facts: list)])
    }
}

extension FormModel {
    /// The label of a field by its name, wherever it is declared first.
    func fieldLabel(_ name: String) -> String? {
        for type in types.values {
            if case .complex(let complex) = type, let field = complex.field(name) { return field.label }
        }
        return nil
    }
}
