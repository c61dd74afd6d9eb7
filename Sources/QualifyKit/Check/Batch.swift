import Dispatch
import Foundation
import Synchronization

/// Checks many files on every core. One file's trouble never stops the others: each result is
/// kept in its place, in the order the files were given.
public struct Batch: Sendable {
    public let checker: Checker
    /// How many files are checked at once; every core by default.
    public var jobs: Int

    public init(checker: Checker, jobs: Int? = nil) {
        self.checker = checker
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    public func run(_ items: [BatchInput.Item], standardInput: @Sendable () -> [UInt8] = { [] },
                    progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Report] {
        let results = ResultBox(count: items.count)
        let next = Atomic<Int>(0)
        // Each worker takes the next file when it is free, so one large file never holds up a
        // share of the others. With one worker this runs on the calling thread. In a large batch
        // every other worker reads its own kit: sharing one, the cores spent a tenth of their
        // time passing its reference counts between them (two processes were that much faster).
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let checker = worker > 0 && items.count >= 64 * workers ? self.checker.sharingNothing() : self.checker
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
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
