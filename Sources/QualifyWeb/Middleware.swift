import Foundation
import HTTPTypes
import Hummingbird

/// Strict headers on every response: no scripts at all, nothing from other sites, never framed.
enum SecurityHeaders {
    static var fields: [(HTTPField.Name, String)] {
        [
            (.contentSecurityPolicy, "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'"),
            (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
            (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=()"),
        ]
    }
}

struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in SecurityHeaders.fields { response.headers[name] = value }
        return response
    }
}

/// A request the page cannot use, said in words that fit the case rather than by status alone.
/// ErrorPageMiddleware draws it with the site's error template.
struct PlainError: HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    let text: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "\(title). \(text)\n")))
    }
}

/// Every failure becomes a plain page: never a stack trace, never the server's own words.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxUploadBytes: Int
    let templates: Templates

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PlainError {
            var response = Pages.response(templates.error(title: error.title, text: error.text), status: error.status)
            if error.status == .methodNotAllowed { response.headers[.allow] = "POST" }
            return response
        } catch let error as any HTTPResponseError {
            return Self.page(for: error.status, maxUploadBytes: maxUploadBytes, templates: templates)
        } catch {
            return Self.page(for: .internalServerError, maxUploadBytes: maxUploadBytes, templates: templates)
        }
    }

    static func page(for status: HTTPResponse.Status, maxUploadBytes: Int, templates: Templates) -> Response {
        let (title, text): (String, String)
        switch status {
        case .notFound: (title, text) = ("Page not found", "Check the web address, or go back to the start page.")
        case .contentTooLarge:
            (title, text) = ("The file is too large", "Files up to \(maxUploadBytes / 1_048_576) MB can be checked here. A submission is usually well under 1 MB.")
        case .badRequest: (title, text) = ("Something was missing", "Choose a file or paste your submission, then check it again.")
        case .methodNotAllowed: (title, text) = ("Page not found", "Go back to the start page and use the form there.")
        case .unsupportedMediaType:
            (title, text) = ("This page takes XML or JSON", "Choose a file or paste your submission in the form on the start page. "
                + "Programs can send XML or JSON with the content type application/xml or application/json.")
        default: (title, text) = ("Sorry, something went wrong on our side", "Nothing you sent was kept. Try again in a few minutes.")
        }
        return Pages.response(templates.error(title: title, text: text), status: status)
    }
}
