import Foundation
import HTTPTypes
import Hummingbird

/// Strict headers on every response: no scripts at all, nothing from other sites, never framed.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: [(HTTPField.Name, String)] {
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

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}

/// Every failure becomes a plain page: never a stack trace, never the server's own words.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            return Self.page(for: error.status, maxUploadBytes: maxUploadBytes)
        } catch {
            return Self.page(for: .internalServerError, maxUploadBytes: maxUploadBytes)
        }
    }

    static func page(for status: HTTPResponse.Status, maxUploadBytes: Int) -> Response {
        let (title, text): (String, String)
        switch status {
        case .notFound: (title, text) = ("Page not found", "Check the web address, or go back to the start page.")
        case .contentTooLarge:
            (title, text) = ("The file is too large", "Files up to \(maxUploadBytes / 1_048_576) MB can be checked here. A submission is usually well under 1 MB.")
        case .badRequest: (title, text) = ("Something was missing", "Choose a file or paste your submission, then check it again.")
        case .methodNotAllowed: (title, text) = ("Page not found", "Go back to the start page and use the form there.")
        default: (title, text) = ("Sorry, something went wrong on our side", "Nothing you sent was kept. Try again in a few minutes.")
        }
        return Pages.response(Pages.layout(title: title, body: "<h1>\(Pages.e(title))</h1><p>\(Pages.e(text))</p><p><a href=\"/\">Go to the start page</a></p>"),
                              status: status)
    }
}
