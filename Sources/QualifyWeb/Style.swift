import QualifyKit

/// The one style sheet, served by us: no fonts, scripts or styles come from anywhere else.
enum Style {
    static let css = HTMLPage.style + """

        header { border-bottom: 10px solid #1d70b8; padding: .5em 0; display: flex; justify-content: space-between; align-items: baseline; }
        .service a { font-weight: bold; font-size: 1.2em; color: #0b0c0c; text-decoration: none; }
        footer { border-top: 1px solid #b1b4b6; margin-top: 3em; color: #505a5f; }
        .skip-link { position: absolute; left: -9999px; } .skip-link:focus { position: static; }
        .field { margin: 1.5em 0; } label { display: block; font-weight: bold; } .hint { color: #505a5f; margin: .2em 0; }
        textarea, input[type=file] { width: 100%; font-size: 1em; border: 2px solid #0b0c0c; padding: .3em; box-sizing: border-box; }
        textarea:focus, input:focus, button:focus { outline: 3px solid #fd0; outline-offset: 0; }
        button { background: #00703c; color: #fff; border: 0; padding: .5em 1em; font-size: 1em; cursor: pointer; box-shadow: 0 2px 0 #002d18; }
        button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        .downloads { list-style: none; padding: 0; } .downloads li { margin: .5em 0; }
        .outcome { font-size: 1.2em; font-weight: bold; padding: .6em; border-left: 5px solid #1d70b8; }
        .outcome.needs-fixes { border-color: #d4351c; } .outcome.ready { border-color: #00703c; } .outcome.needs-review { border-color: #f47738; }
        .wrote code { white-space: pre-wrap; word-break: break-word; }
        """
}
