public import Foundation
public import QualifyDocument
import QualifyXML

/// Checks one submission from bytes to a report. It never throws: whatever is wrong with the
/// input becomes a finding, so one bad file never stops a batch.
public struct Checker: Sendable {
    public private(set) var kit: Kit
    /// Larger files are refused before reading; a real submission is well under 1 MB.
    public var maxBytes: Int
    /// The assumptions and severities the rules use; the kit's own unless an official gives theirs.
    public var configuration: Configuration

    public init(kit: Kit, maxBytes: Int = 10 * 1_048_576) {
        self.kit = kit
        self.maxBytes = maxBytes
        configuration = kit.configuration
    }

    /// A report with the document it was made from, for what needs the submission's own facts
    /// (the reviewer checklist, fixes); the document is nil when the file could not be read.
    public struct Inspection: Sendable {
        public let report: Report
        public let document: Document?

        /// The submission's own reference, for telling two submissions apart.
        public var submissionReference: String? { document?.root.node(at: DocumentPath([.key("submissionId")]))?.scalarText }
    }

    /// A checker with its own copy of the kit, so that two threads never count references to
    /// the same objects (each count is a write the cores must pass between them); this one
    /// when the kit does not read again.
    func sharingNothing() -> Checker {
        guard let kit = try? kit.reloaded() else { return self }
        var copy = self
        copy.kit = kit
        return copy
    }

    /// `name` is how the file is shown in the report; by default its path.
    public func check(file url: URL, name: String? = nil) -> Report {
        inspect(file: url, name: name).report
    }

    public func check(bytes: [UInt8], file: String) -> Report {
        inspect(bytes: bytes, file: file).report
    }

    public func inspect(file url: URL, name: String? = nil) -> Inspection {
        let name = name ?? url.path
        switch FileInput.read(url, limit: maxBytes) {
        case .success(let bytes): return inspect(bytes: bytes, file: name)
        case .failure(let problem): return Inspection(report: report(file: name, format: nil, problem: problem), document: nil)
        }
    }

    /// The path of every check: screen the bytes, read them in their form (which checks the
    /// form's schema), then word the problems and run the rules over the neutral document.
    public func inspect(bytes: [UInt8], file: String) -> Inspection {
        let body: ArraySlice<UInt8>
        switch TextScreen.screen(bytes, limit: maxBytes) {
        case .success(let screened): body = screened
        case .failure(let problem): return Inspection(report: report(file: file, format: nil, problem: .screen(problem)), document: nil)
        }
        guard let format = Document.Format.of(body) else {
            return Inspection(report: report(file: file, format: nil, problem: .notXMLOrJSON), document: nil)
        }
        switch format.reader.read(body, kit: kit) {
        case .failure(let problem):
            return Inspection(report: report(file: file, format: format, problem: problem), document: nil)
        case .success(let reading):
            return Inspection(report: report(file: file, format: format, problems: reading.problems, document: reading.document),
                              document: reading.document)
        }
    }

    func report(file: String, format: Document.Format?, problems: [Problem], document: Document? = nil) -> Report {
        let builder = FindingBuilder(catalogue: kit.catalogue, places: Places(model: kit.model))
        var findings = problems.map(builder.finding(for:))
        if let document, !problems.contains(where: { $0.kind == .wrongForm }) {
            let rules = RuleEngine(model: kit.model, catalogue: kit.catalogue, configuration: configuration)
                .run(document, problemPaths: Self.rulePaths(problems), misspelt: Self.misspelt(problems))
            findings = findings.filter { !rules.isInsideRemoved($0) } + rules.findings
        }
        return Report(file: file, format: format, findings: Report.sorted(findings, model: kit.model), checked: true)
    }

    /// Where a rule must not read: every field with a problem (a field out of order is still
    /// read as written).
    static func rulePaths(_ problems: [Problem]) -> Set<DocumentPath> {
        Set(problems.filter { $0.kind != .wrongPlace }.map(\.path))
    }

    /// The field each misspelt name was meant to be, with where the misspelling is: a rule that
    /// fires after reading such a field is held back, so it never reports the consequence of a
    /// slip such as <postcode> for <postalCode>.
    static func misspelt(_ problems: [Problem]) -> [DocumentPath: DocumentPath] {
        var meant: [DocumentPath: DocumentPath] = [:]
        for problem in problems where problem.kind == .unknownField {
            if let name = problem.facts["suggestion"], let parent = problem.path.parent { meant[parent.appending(name)] = problem.path }
        }
        return meant
    }

    func report(file: String, format: Document.Format?, problem: InputProblem) -> Report {
        Report(file: file, format: format, findings: [problem.finding(file: file, catalogue: kit.catalogue)], checked: false)
    }
}

/// Reads one file with a single stat and a single open: the file system calls Foundation makes
/// for the same checks (exists, attributes, readable, then read) were 3% of an XML batch.
/// The type is known before opening, so a named pipe is refused, never waited on.
enum FileInput {
    static func read(_ url: URL, limit: Int) -> Result<[UInt8], InputProblem> {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(.unreadable(reason: errno == EACCES ? .permission : errno == ENOENT || errno == ENOTDIR ? .notFound : .other))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(.unreadable(reason: .folder)) }
        guard type == S_IFREG else { return .failure(.unreadable(reason: .notAFile)) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.screen(.tooLarge(size: size, limit: limit))) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: errno == EACCES ? .permission : .other)) }
        defer { close(descriptor) }
        // The size is a hint: a file that grows or shrinks while being read is read as it is.
        // The expected bytes are read straight into the array, with nothing zeroed or copied;
        // only a file that turns out larger goes on in chunks.
        var failed = false, ended = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let got = Foundation.read(descriptor, base + initialized, buffer.count - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if got == 0 {
                    ended = true
                    return
                }
                initialized += got
            }
        }
        if failed { return .failure(.unreadable(reason: .other)) }
        if ended { return .success(bytes) }
        if bytes.count > limit { return .failure(.screen(.tooLarge(size: bytes.count, limit: limit))) }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(reason: .other))
            }
            if got == 0 { break }
            bytes += chunk[..<got]
            if bytes.count > limit { return .failure(.screen(.tooLarge(size: bytes.count, limit: limit))) }
        }
        return .success(bytes)
    }
}
