import Foundation

/// Dates and names: moved and renamed so that every reference between parts stays consistent.
extension Variation {
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
}
