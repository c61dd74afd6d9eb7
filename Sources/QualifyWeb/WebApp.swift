import Foundation
public import Hummingbird
import NIOCore
public import QualifyKit

/// The web page: a thin face over QualifyKit. A small charity can check a submission without a
/// terminal; officials can host it for the whole sector.
public enum WebApp {
    /// Throws when a template or guidance/form.yaml is missing or broken, naming the file.
    public static func router(kit: Kit, settings: WebSettings) throws -> Router<BasicRequestContext> {
        let templates = try Templates(kitRoot: kit.root)
        let css = try Style.css(kitRoot: kit.root)
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware(maxUploadBytes: settings.maxUploadBytes, templates: templates))
        let checker = Checker(kit: kit, maxBytes: settings.maxUploadBytes)
        let library = GuidanceLibrary(folder: kit.root.appendingPathComponent("guidance"))
        // The booklet runs every example, so it is made once, when the server starts.
        let booklet = Pages.booklet(GuidanceReview(kit: kit).booklet(stylesheet: "/assets/style.css"), templates: templates)
        let starter = Starter(model: kit.model)
        let plan = try FormPlan(model: kit.model, settingsFile: kit.root.appendingPathComponent("guidance/form.yaml"))
        let topics = Dictionary(plan.sections.map { ($0.topic, library.page("topic." + $0.topic)?.title ?? $0.topic) }, uniquingKeysWith: { a, _ in a })
        let pages = FormPages(kit: kit, plan: plan, templates: templates, topicTitles: topics)
        FormRoutes(kit: kit, checker: checker, pages: pages, maxUploadBytes: settings.maxUploadBytes).add(to: router)

        router.get("/") { _, _ in Pages.response(templates.page("home", title: "Check your submission",
                                                                 Pages.Home(maxMegabytes: settings.maxUploadBytes / 1_048_576))) }
        router.get("/check") { _, _ -> Response in
            throw PlainError(status: .methodNotAllowed, title: "Use the form on the start page",
                             text: "This address checks a file sent from the start page. Go to the start page and choose your file there.")
        }
        router.get("/health") { _, _ in
            file("{\"status\":\"ok\",\"version\":\"\(QualifyVersion.tool)\"}\n", type: "application/json", name: nil)
        }
        router.get("/assets/style.css") { _, _ in file(css, type: "text/css; charset=utf-8", name: nil, cache: true) }
        router.get("/starter.xml") { _, _ in file(starter.xml(), type: "application/xml; charset=utf-8", name: "starter.xml") }
        router.get("/starter.json") { _, _ in file(starter.json(), type: "application/json; charset=utf-8", name: "starter.json") }
        router.get("/guidance") { _, _ in Pages.response(booklet) }
        router.get("/guidance/{id}") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let page = library.find(id) else {
                throw HTTPError(.notFound)
            }
            return Pages.response(Pages.guidance(page, configuration: kit.configuration, templates: templates))
        }
        router.post("/check") { request, _ in
            var request = request
            let intake = try await Intake.read(&request, limit: settings.maxUploadBytes)
            let wantsJSON = request.headers[.accept]?.contains("application/json") == true
            return try await Work.run {
                let report = checker.check(bytes: intake.bytes, file: intake.name)
                if wantsJSON {
                    let batch = BatchReport(reports: [report], provenance: Provenance(kit: kit, configuration: checker.configuration))
                    return file(JSONReport.render(batch), type: "application/json", name: nil)
                }
                return Pages.response(Pages.result(report, submission: intake.bytes, name: intake.name,
                                                   catalogue: kit.catalogue, templates: templates))
            }
        }
        router.post("/report") { request, _ in
            var request = request
            let form = try await Intake.readReportForm(&request, limit: settings.maxUploadBytes)
            return try await Work.run { try report(form, checker: checker, kit: kit) }
        }
        return router
    }

    /// A download of the report or checklist, made on the checking threads.
    private static func report(_ form: Intake.ReportForm, checker: Checker, kit: Kit) throws -> Response {
        let name = form.name ?? "submission"
        let inspection = checker.inspect(bytes: form.submission, file: name)
        let batch = BatchReport(reports: [inspection.report], provenance: Provenance(kit: kit, configuration: checker.configuration))
        switch form.format {
        case "html": return file(HTMLReport.render(batch), type: "text/html; charset=utf-8", name: "qualify-report.html")
        case "json": return file(JSONReport.render(batch), type: "application/json", name: "qualify-report.json")
        case "csv": return file(CSVReport.render(batch), type: "text/csv; charset=utf-8", name: "qualify-report.csv")
        case "checklist":
            let list = ChecklistBuilder(kit: kit).build(inspection)
            return file(ChecklistRenderer.html(list), type: "text/html; charset=utf-8", name: "reviewer-checklist.html")
        default:
            throw PlainError(status: .badRequest, title: "There is no such download",
                             text: "This page cannot make a '\(form.format)' download. Choose the web page, JSON, CSV or the reviewer checklist.")
        }
    }

    public static func application(kit: Kit, settings: WebSettings,
                                   onListening: @escaping @Sendable () async -> Void = {}) throws -> some ApplicationProtocol {
        let unreadable = try Templates(kitRoot: kit.root).error(title: "The request could not be read",
            text: "The web address may be too long, or the request was broken on the way. Go back to the start page and try again.")
        return Application(responder: HeadAsGet(inner: try router(kit: kit, settings: settings).buildResponder()),
                    server: .http1(configuration: .init(additionalChannelHandlers: [PlainFailureHandler(unreadablePage: unreadable)])),
                    configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                    onServerRunning: { _ in await onListening() })
    }

    /// Why the server could not start, in words a person can act on.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs the server until it is stopped; `onListening` is called once it really listens.
    public static func serve(kit: Kit, settings: WebSettings, onListening: @escaping @Sendable () async -> Void) async throws {
        do {
            try await application(kit: kit, settings: settings, onListening: onListening).runService()
        } catch let error as Templates.TemplateError {
            throw StartFailure(description: "The web pages cannot be drawn: \(error.description).")
        } catch let error as FormPlan.SettingsError {
            throw StartFailure(description: "The web form cannot be set up: \(error.description).")
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw StartFailure(description: "Port \(settings.port) is already in use on \(settings.host). Stop the other program, "
                + "or choose another port with --port.")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw StartFailure(description: "This computer does not allow Qualify to use port \(settings.port). Ports below 1024 "
                + "usually need special permission; choose a port such as 8080 with --port.")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw StartFailure(description: "\(settings.host) is not an address of this computer. Use 127.0.0.1, or 0.0.0.0 behind a proxy.")
        }
    }

    /// A download, or a file such as the style sheet.
    static func file(_ text: String, type: String, name: String?, cache: Bool = false) -> Response {
        file(Array(text.utf8), type: type, name: name, cache: cache)
    }

    static func file(_ bytes: [UInt8], type: String, name: String?, cache: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
