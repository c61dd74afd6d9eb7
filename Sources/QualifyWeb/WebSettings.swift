import Foundation

/// How the web page is served. Flags win over the environment, which wins over the defaults,
/// so a hosted deployment can be set up without changing the command.
public struct WebSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Uploads and pasted text larger than this get a plain "too large" page (HTTP 413).
    public var maxUploadBytes = 2 * 1_048_576

    public init() {}

    public init(environment: [String: String]) {
        if let host = environment["QUALIFY_HOST"], !host.isEmpty { self.host = host }
        if let port = environment["QUALIFY_PORT"].flatMap(Int.init) { self.port = port }
        if let megabytes = environment["QUALIFY_MAX_UPLOAD_MB"].flatMap(Int.init), megabytes > 0 {
            maxUploadBytes = megabytes * 1_048_576
        }
    }
}
