
/// The form's types as `XMLMapping` walks them: each section's fields with their own plans,
/// worked out once for a form model. Mapping an element then looks up no type by its name and
/// copies no type (hashing type and field names, and copying the types, were half the mapping).
/// A field is found by name as `Node.firstMember` finds a member: same length, then equal.
final class MappingPlan: @unchecked Sendable {
    // @unchecked: a plan is filled in while `MappingPlans` holds its lock and never changed after.
    enum Kind {
        case complex
        case list
        /// `quickCheck`: the type's patterns and maximum length, which the quick schema leaves out.
        case simple(SimpleType.Base, mustNotBeBlank: Bool, quickCheck: QuickFacets.Check?)
    }

    // Set only while the plans are made, before any mapping reads them, so reading them needs
    // none of the exclusivity checks each read of a class's variable otherwise makes.
    @exclusivity(unchecked) fileprivate(set) var kind: Kind = .complex
    @exclusivity(unchecked) fileprivate(set) var fieldNames: [String] = []
    @exclusivity(unchecked) fileprivate(set) var fieldPlans: [MappingPlan?] = []
    @exclusivity(unchecked) fileprivate(set) var itemName = ""
    @exclusivity(unchecked) fileprivate(set) var itemPlan: MappingPlan?

    /// The plan for the field of this section named `name`; nil when the section has no such
    /// field or the field's type is unknown.
    func field(_ name: String) -> MappingPlan? {
        let length = name.utf8.count
        for index in fieldNames.indices where fieldNames[index].utf8.count == length && fieldNames[index] == name {
            return fieldPlans[index]
        }
        return nil
    }
}

/// The plans of one form model, made on first use: with the quick checks (for files the quick
/// schema read) and without (compiling the checks is not worth it for one file from a cold start).
final class MappingPlans: Sendable {
    private let plain = MadeOnce<MappingPlan?>()
    private let checked = MadeOnce<MappingPlan?>()

    func root(of model: FormModel, withQuickChecks: Bool = false) -> MappingPlan? {
        (withQuickChecks ? checked : plain).value {
            var byName: [String: MappingPlan] = [:]
            let checks = withQuickChecks ? model.quickFacets.of(model).checks : [:]
            return Self.plan(model.rootType, model, checks, &byName)
        }
    }

    /// Made before its fields are, so a type that holds itself gets the same plan back.
    private static func plan(_ typeName: String, _ model: FormModel, _ checks: [String: QuickFacets.Check],
                             _ byName: inout [String: MappingPlan]) -> MappingPlan? {
        if let known = byName[typeName] { return known }
        guard let type = model.type(named: typeName) else { return nil }
        let plan = MappingPlan()
        byName[typeName] = plan
        switch type {
        case .complex(let complex):
            plan.kind = .complex
            // The first field of a name wins, as `ComplexType.field` has it.
            for field in complex.fields where !plan.fieldNames.contains(field.name) {
                plan.fieldNames.append(field.name)
                plan.fieldPlans.append(Self.plan(field.typeName, model, checks, &byName))
            }
        case .list(let list):
            plan.kind = .list
            plan.itemName = list.item.name
            plan.itemPlan = Self.plan(list.item.typeName, model, checks, &byName)
        case .simple(let simple):
            plan.kind = .simple(simple.base, mustNotBeBlank: simple.mustNotBeBlank, quickCheck: checks[typeName])
        }
        return plan
    }
}
