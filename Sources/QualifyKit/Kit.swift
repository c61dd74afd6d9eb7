public import Foundation
import JSONSchema
import QualifyDocument
import QualifyXML
import Synchronization

/// Everything Qualify reads from its own folders: the form (schemas/) and its words (guidance/).
/// These are read when the tool starts, so edited guidance takes effect without rebuilding.
public final class Kit: Sendable {
    public static let schemaFile = "schemas/qualification-1.0.xsd"
    public static let messagesFolder = "guidance/messages"
    public static let assumptionsFile = "guidance/assumptions.yaml"
    public static let guidanceVersionFile = "guidance/VERSION"

    public let root: URL
    public let model: FormModel
    public let catalogue: MessageCatalogue
    public let configuration: Configuration
    /// The guidance's own version (guidance/VERSION), shown in the booklet, the web page and
    /// every report, so a reviewer knows which draft they read.
    public let guidanceVersion: String
    private let language: String
    private let configurationFile: URL?
    private let schemaLoading: XMLSchemaLoading

    /// When the XML form's schema is compiled: a long-running server or a review wants a broken
    /// schema to stop the kit loading; `qualify check` of JSON files never needs the schema, and
    /// compiling it was a sixth of checking one small file.
    public enum XMLSchemaLoading: Sendable {
        case atStart
        /// A schema that does not compile is then a finding on each XML file (`input.kit-schema`).
        case whenFirstNeeded
    }

    /// The same kit read again, sharing nothing with this one (see `Batch`).
    func reloaded() throws -> Kit {
        try Kit(root: root, language: language, configuration: configurationFile, xmlSchema: schemaLoading)
    }

    /// The published schema without its patterns and maximum lengths (`XSDSchema.quickFacets`),
    /// which libxml2 checks by stepping through every character of every answer they apply to
    /// (about a ninth of its work on an XML file). It can only be trusted to say yes: the mapping
    /// checks those facets itself (`QuickFacets`, never more loosely than the XSD), and a file in
    /// which either finds a fault is read again against the published schema, so what a person
    /// is told never depends on which was used. Nil when nothing can be left out.
    var quickSchema: XSDSchema? { quick.withLock { $0.schema(made: { Self.quickSchema(from: schemaBytes, model: model) }) } }
    /// Compiling the quick schema costs about what it saves on seven files (12 million
    /// instructions against 1.7 million a file), so it is made only once a kit has read more
    /// than eight XML files: one file from a cold start never pays for it.
    func quickSchemaIfWorthIt() -> XSDSchema? {
        quick.withLock { state in
            state.reads += 1
            return state.reads > QuickSchema.worthIt ? state.schema(made: { Self.quickSchema(from: schemaBytes, model: model) }) : nil
        }
    }
    private let schemaBytes: [UInt8]
    private let quick = Mutex(QuickSchema())

    private struct QuickSchema {
        static let worthIt = 8
        var reads = 0
        var made: XSDSchema??

        mutating func schema(made make: () -> XSDSchema?) -> XSDSchema? {
            if let made { return made }
            let schema = make()
            made = .some(schema)
            return schema
        }
    }

    /// Only when every facet left out is one the mapping checks: each pattern and maximum
    /// length of the form model, each with its check.
    private static func quickSchema(from bytes: [UInt8], model: FormModel) -> XSDSchema? {
        guard let quick = XSDSchema.withoutFacets(XSDSchema.quickFacets, bytes), model.quickFacets.of(model).complete else { return nil }
        var patterns = 0, maximums = 0
        for case .simple(let simple) in model.types.values {
            patterns += simple.patterns.count
            if simple.maxLength != nil { maximums += 1 }
        }
        guard quick.removed["pattern", default: 0] == patterns, quick.removed["maxLength", default: 0] == maximums else { return nil }
        return try? XSDSchema(bytes: quick.bytes)
    }

    /// The published XML schema, compiled once (at start or when first needed).
    var schema: Result<XSDSchema, XSDCompileError> {
        compiledSchema.value { Result { () throws(XSDCompileError) in try XSDSchema(bytes: schemaBytes) } }
    }
    private let compiledSchema: MadeOnce<Result<XSDSchema, XSDCompileError>>
    /// The JSON form's schema is read and compiled on first use: a run over XML files never
    /// needs it, and reading it was a twelfth of the start-up time, compiling it a tenth.
    private let jsonSchemaFile: URL
    private let compiledJSONSchema = MadeOnce<CompiledSchema?>()

    /// The JSON form's schema, compiled once; it checks JSON submissions as libxml2 checks XML.
    /// Nil when the file is absent or does not compile (the form walker still checks everything).
    var jsonSchema: CompiledSchema? {
        compiledJSONSchema.value {
            guard let data = FileManager.default.contents(atPath: jsonSchemaFile.path),
                  case .success(let node) = JSONReader.parse([UInt8](data)[...]) else { return nil }
            return try? CompiledSchema(node)
        }
    }

    /// `configuration` replaces the assumptions file when an official gives their own.
    public init(root: URL, language: String = "en", configuration: URL? = nil, xmlSchema: XMLSchemaLoading = .atStart) throws {
        self.root = root
        self.language = language
        configurationFile = configuration
        schemaLoading = xmlSchema
        let schemaURL = root.appendingPathComponent(Self.schemaFile)
        let bytes = try [UInt8](Data(contentsOf: schemaURL))
        guard case .success(let parsed) = XMLReader.parse(bytes[...]) else {
            throw SchemaReadError(description: "\(Self.schemaFile) is not well-formed XML")
        }
        model = try SchemaReader.read(parsed.tree)
        schemaBytes = bytes
        compiledSchema = MadeOnce(xmlSchema == .atStart ? .success(try XSDSchema(bytes: bytes)) : nil)
        jsonSchemaFile = root.appendingPathComponent(JSONSchemaExport.fileName)
        catalogue = try MessageCatalogue.load(folder: root.appendingPathComponent(Self.messagesFolder), language: language)
        self.configuration = try Configuration.load(configuration ?? root.appendingPathComponent(Self.assumptionsFile))
        let version = (try? String(contentsOf: root.appendingPathComponent(Self.guidanceVersionFile), encoding: .utf8))
            .map(Self.firstLine)
        guidanceVersion = version.flatMap { $0.isEmpty ? nil : $0 } ?? "unversioned"
    }

    /// The first line without the spaces around it, by bytes: Foundation's trimming loads its
    /// character sets, a noticeable part of checking one small file.
    static func firstLine(_ text: String) -> String {
        let line = text.utf8.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let start = line.firstIndex(where: { !blank($0) }), let end = line.lastIndex(where: { !blank($0) }) else { return "" }
        return String(decoding: line[start...end], as: UTF8.self)
    }

    /// Finds the kit folder: $QUALIFY_HOME, else the nearest folder holding the schema above the
    /// program itself (or its share/qualify, where `scripts/install.sh` puts the kit beside
    /// bin/qualify), else above the working folder.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL,
                              workingFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        if let home = environment["QUALIFY_HOME"] { return URL(fileURLWithPath: home) }
        for start in [executable?.deletingLastPathComponent(), workingFolder].compactMap({ $0 }) {
            var folder = start.standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(schemaFile).path) { return folder }
                let installed = folder.appendingPathComponent("share/qualify")
                if FileManager.default.fileExists(atPath: installed.appendingPathComponent(schemaFile).path) { return installed }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
