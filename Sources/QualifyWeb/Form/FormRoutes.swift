import Foundation
import Hummingbird
import QualifyDocument
import QualifyKit

/// The guided form: /form starts a blank submission, /form/upload carries on with a saved file,
/// and every page posts back to /form/PAGE with the draft and a button's action.
struct FormRoutes: Sendable {
    let kit: Kit
    let checker: Checker
    let pages: FormPages
    let maxUploadBytes: Int

    func add(to router: Router<BasicRequestContext>) {
        router.get("/form") { _, _ in
            try await Work.run { Pages.response(pages.tasks(Draft.blank(model: kit.model, checker: checker))) }
        }
        router.post("/form/upload") { request, _ in
            var request = request
            let intake = try await Intake.read(&request, limit: maxUploadBytes)
            return try await Work.run {
                let draft = Draft(bytes: intake.bytes, checker: checker)
                if draft.root == nil { return Pages.response(cannotRead(draft), status: .unprocessableContent) }
                return Pages.response(page(for: draft, action: "tasks", section: nil))
            }
        }
        router.post("/form/tasks") { request, _ in try await handle(request, section: nil) }
        router.post("/form/check-answers") { request, _ in try await handle(request, section: nil) }
        router.post("/form/section/{key}") { request, context in
            guard let section = pages.plan.section(context.parameters.get("key") ?? "") else { throw HTTPError(.notFound) }
            return try await handle(request, section: section)
        }
    }

    private func handle(_ request: Request, section: FormPlan.Section?) async throws -> Response {
        var request = request
        let form = try await FormBody.read(&request, limit: maxUploadBytes)
        return try await Work.run { try respond(to: form, section: section) }
    }

    /// Everything after reading the page's answers, on the checking threads.
    private func respond(to form: FormBody, section: FormPlan.Section?) throws -> Response {
        guard let bytes = form.draft, !bytes.isEmpty else {
            throw PlainError(status: .badRequest, title: "Your answers did not come with the page",
                             text: "Each page carries your answers with it. Start again, or carry on with a file you saved.")
        }
        var draft = Draft(bytes: bytes, checker: checker)
        guard var root = draft.root else { return Pages.response(cannotRead(draft), status: .unprocessableContent) }
        let action = form.first("action") ?? "save"
        if let section {
            for field in section.fields { FormApply(model: kit.model, form: form).apply(field, at: DocumentPath([.key(field.name)]), to: &root) }
            if action == "save" { root = FormApply.keepingRequired(section.fields, in: root, model: kit.model) }
            let edits = FormEdits(model: kit.model)
            if action.hasPrefix("add:"), let path = DocumentPath(pointer: String(action.dropFirst(4))) {
                root = edits.add(at: path, in: section, to: root)
            } else if action.hasPrefix("remove:"), let path = DocumentPath(pointer: String(action.dropFirst(7))) {
                root = edits.remove(at: path, in: section, from: root)
            }
            draft = draft.replacing(root: root, checker: checker)
            if draft.root == nil { return Pages.response(cannotRead(draft), status: .unprocessableContent) }
        }
        if action.hasPrefix("download:") || action == "checklist" { return download(draft, action: action) }
        return Pages.response(page(for: draft, action: action, section: section))
    }

    private func page(for draft: Draft, action: String, section: FormPlan.Section?) -> String {
        guard let root = draft.root else { return cannotRead(draft) }
        if action.hasPrefix("open:"), let wanted = pages.plan.section(String(action.dropFirst(5))) {
            return pages.section(wanted, draft: draft, showFindings: FormPlan.hasAnswers(wanted, in: root))
        }
        if let section, action == "save" {
            if !draft.mustFix(in: section).isEmpty { return pages.section(section, draft: draft, showFindings: true) }
            guard let next = pages.plan.next(after: section.key, in: root) else { return pages.checkAnswers(draft) }
            return pages.section(next, draft: draft, showFindings: FormPlan.hasAnswers(next, in: root))
        }
        if let section, action.hasPrefix("add:") || action.hasPrefix("remove:") {
            return pages.section(section, draft: draft, showFindings: FormPlan.hasAnswers(section, in: root))
        }
        if action == "check-answers" { return pages.checkAnswers(draft) }
        return pages.tasks(draft)
    }

    private func cannotRead(_ draft: Draft) -> String {
        pages.templates.page("could-not-read", title: "Your file cannot be read",
                             Pages.CouldNotRead(title: "Your file cannot be read",
                                                text: "The form can carry on only with a file it can read. This is what is wrong with it.",
                                                findings: draft.report.findings.enumerated().map { Pages.FindingView($0.element, index: $0.offset) }))
    }

    /// "Save your progress" and the finished file: the draft as it is, or converted, only when
    /// converting loses nothing, so the file gives exactly the findings the page showed.
    private func download(_ draft: Draft, action: String) -> Response {
        if action == "checklist" {
            let list = ChecklistBuilder(kit: kit).build(draft.inspection)
            return WebApp.file(ChecklistRenderer.html(list), type: "text/html; charset=utf-8", name: "reviewer-checklist.html")
        }
        let wanted: Document.Format = action == "download:xml" ? .xml : .json
        let type = wanted == .xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8"
        let name = "qualification-submission.\(wanted.rawValue)"
        if wanted == draft.format { return WebApp.file(draft.bytes, type: type, name: name) }
        switch Converter(kit: kit).convert(draft.bytes, file: "your submission", to: wanted == .xml ? .xml : .json) {
        case .success(let text): return WebApp.file(text, type: type, name: name)
        case .failure(let failure):
            let title = "Your submission cannot be saved as \(wanted.rawValue.uppercased()) yet"
            let html = pages.templates.page("could-not-read", title: title, Pages.CouldNotRead(
                title: title, text: "Something in it would be lost. Go back and save it as \(draft.format.rawValue.uppercased()), or fix this first.",
                findings: failure.findings.enumerated().map { Pages.FindingView($0.element, index: $0.offset) }))
            return Pages.response(html, status: .unprocessableContent)
        }
    }
}
