import NIOPosix

/// Where a check runs. Checking is CPU work; on Swift's shared pool (two threads on two cores)
/// it made every connection's reading and writing wait behind other people's checks, in no
/// fixed order, so some answers took five times as long as the middle one under load. NIO's
/// thread pool takes the checks first come, first served, and the shared pool stays free to
/// read and answer.
enum Work {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
