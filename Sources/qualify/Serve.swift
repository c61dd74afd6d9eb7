import ArgumentParser
import Foundation
import QualifyKit
import QualifyWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
        abstract: "Serve the checker as a web page, for people who do not use a terminal.",
        discussion: """
            Listens on 127.0.0.1 (this computer only) unless told otherwise. Settings can also come from \
            QUALIFY_HOST, QUALIFY_PORT and QUALIFY_MAX_UPLOAD_MB. Nothing uploaded is written to disk or logged.
            """)

    @Option(help: "The address to listen on. Use 0.0.0.0 only behind a proxy that adds HTTPS.")
    var host: String?

    @Option(help: "The port to listen on.")
    var port: Int?

    @Option(help: "The largest upload, in megabytes.")
    var maxUpload: Int?

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be a number from 1 to 65535.") }
        if let maxUpload, maxUpload < 1 { throw ValidationError("--max-upload must be 1 or more.") }
    }

    func run() async throws {
        let kit = try loadKit()
        var settings = WebSettings(environment: ProcessInfo.processInfo.environment)
        if let host { settings.host = host }
        if let port { settings.port = port }
        if let maxUpload { settings.maxUploadBytes = maxUpload * 1_048_576 }
        guard (1...65535).contains(settings.port) else {
            throw Refusal(description: "QUALIFY_PORT must be a number from 1 to 65535, not \(settings.port).")
        }
        let address = "http://\(settings.host):\(settings.port)"
        do {
            try await WebApp.serve(kit: kit, settings: settings) {
                // Said only once listening, straight out, so a supervisor sees it at once.
                FileHandle.standardOutput.write(Data("Qualify is serving on \(address). Press Ctrl-C to stop.\n".utf8))
            }
        } catch let failure as WebApp.StartFailure {
            throw Refusal(description: failure.description)
        }
    }
}
