import CLibXML2

/// One libxml2 error, copied out of libxml2's memory.
struct CollectedError {
    var code: Int32
    var level: UInt32
    var domain: Int32
    var message: String
    var line: Int
    var column: Int
    var str1: String?
    var str2: String?
    var str3: String?

    init(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        code = raw.code
        level = raw.level.rawValue
        domain = raw.domain
        message = raw.message.map { String(cString: $0) }?.trimmingTrailingNewlines() ?? ""
        line = Int(raw.line)
        column = Int(raw.int2)
        str1 = raw.str1.map { String(cString: $0) }
        str2 = raw.str2.map { String(cString: $0) }
        str3 = raw.str3.map { String(cString: $0) }
    }

    /// An error libxml2 would have raised while building its own tree, raised by our builder instead.
    init(code: Int32, domain: Int32, message: String, line: Int, column: Int) {
        self.code = code
        level = XML_ERR_ERROR.rawValue
        self.domain = domain
        self.message = message
        self.line = line
        self.column = column
    }
}

/// Collects structured errors. libxml2 keeps its structured handler per thread, so collecting
/// around one call is safe when many files are read on many threads.
final class ErrorCollector {
    private(set) var errors: [CollectedError] = []
    /// Past this many, further errors add nothing a person can act on.
    static let limit = 500

    func append(_ error: UnsafePointer<xmlError>) {
        if errors.count < Self.limit { errors.append(CollectedError(error)) }
    }

    func append(_ error: CollectedError) {
        if errors.count < Self.limit { errors.append(error) }
    }

    func collecting<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, errorCallback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

let errorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().append(error)
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
