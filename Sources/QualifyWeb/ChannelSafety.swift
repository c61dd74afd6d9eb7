import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Every response that leaves the server carries the security headers, even the few the
/// server's HTTP layer writes before the router sees a request: a request it cannot read (such
/// as a web address hundreds of kilobytes long) gets a plain page, not an empty 400.
final class PlainFailureHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var pendingPage: ByteBuffer?
    /// Drawn once at start from the site's error template.
    let unreadablePage: String

    init(unreadablePage: String) {
        self.unreadablePage = unreadablePage
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            for (name, value) in SecurityHeaders.fields { head.headerFields[name] = value }
            // The HTTP layer's own answer to a request it could not parse: 400, no body, closing.
            if head.status == .badRequest, head.headerFields[.contentLength] == "0", head.headerFields[.connection] == "close" {
                let page = ByteBuffer(string: unreadablePage)
                head.headerFields[.contentLength] = String(page.readableBytes)
                head.headerFields[.contentType] = "text/html; charset=utf-8"
                pendingPage = page
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body(let body):
            context.write(wrapOutboundOut(.body(body)), promise: promise)
        case .end(let trailers):
            if let page = pendingPage {
                pendingPage = nil
                context.write(wrapOutboundOut(.body(page)), promise: nil)
            }
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        }
    }
}
