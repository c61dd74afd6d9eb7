import Dispatch
import Foundation

/// Checks many files on every core. One file's trouble never stops the others: each result is
/// kept in its place, in the order the files were given.
public struct Batch: Sendable {
    public let checker: Checker

    public init(checker: Checker) {
        self.checker = checker
    }

    public func run(_ items: [BatchInput.Item], standardInput: @Sendable () -> [UInt8] = { [] },
                    progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Report] {
        let results = ResultBox(count: items.count)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Chunks keep the per-file cost of handing out work small for batches of thousands.
        let chunk = max(1, items.count / (cores * 8))
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            let start = part * chunk
            for index in start..<min(start + chunk, items.count) {
                let report: Report
                switch items[index] {
                case .file(let url, let name): report = checker.check(file: url, name: name)
                case .standardInput: report = checker.check(bytes: standardInput(), file: "standard input")
                }
                let done = results.store(report, at: index)
                progress?(done, items.count)
            }
        }
        return results.reports
    }
}

/// Results written from many threads, each to its own slot.
final class ResultBox: @unchecked Sendable {
    private var slots: [Report?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ report: Report, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = report
        done += 1
        return done
    }

    var reports: [Report] { slots.compactMap { $0 } }
}
