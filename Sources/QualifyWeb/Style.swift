import Foundation
import QualifyKit

/// The one style sheet, served by us: no fonts, scripts or styles come from anywhere else. The
/// web page's part is guidance/templates/style.css, read at start with the templates, so a
/// designer can change it without rebuilding.
enum Style {
    static func css(kitRoot: URL) throws -> String {
        let file = kitRoot.appendingPathComponent(Templates.folder + "/style.css")
        guard let own = try? String(contentsOf: file, encoding: .utf8) else {
            throw Templates.TemplateError(description: "\(Templates.folder)/style.css is missing")
        }
        return HTMLPage.style + "\n" + own
    }
}
