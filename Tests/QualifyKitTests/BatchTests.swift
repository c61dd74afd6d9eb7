import Foundation
import XCTest
@testable import QualifyKit

/// A batch never stops for one bad file and loses no other file's result.
final class BatchTests: XCTestCase {
    func testAThousandFilesWithSomeBrokenOnesAreAllReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qualify-batch-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("deeper"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try Data(contentsOf: Repo.url("examples/valid/01-small-charity-alone.json"))
        for index in 0..<995 {
            try good.write(to: folder.appendingPathComponent(index % 2 == 0 ? "s\(index).json" : "deeper/s\(index).json"))
        }
        try Data().write(to: folder.appendingPathComponent("empty.xml"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0]).write(to: folder.appendingPathComponent("word.xml"))
        try Data("{\"a\": ".utf8).write(to: folder.appendingPathComponent("cut-short.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("broken.json").path, withDestinationPath: "/no/such")
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.xml").path, 0o600), 0)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))

        let expansion = BatchInput.expand([folder.path])
        XCTAssertEqual(expansion.items.count, 1000)
        XCTAssertEqual(expansion.skipped.count, 1)
        let reports = Batch(checker: Shared.checker).run(expansion.items)
        XCTAssertEqual(reports.count, 1000, "every file has a result")
        let batch = BatchReport(reports: reports, skipped: expansion.skipped, provenance: Provenance(kit: Shared.kit, configuration: Shared.kit.configuration))
        XCTAssertEqual(batch.count(.ready), 995)
        XCTAssertEqual(batch.count(.notChecked), 5)
        XCTAssertEqual(batch.exitStatus(failOn: .mustFix), 2)
        let broken = Set(reports.filter { $0.outcome == .notChecked }.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        XCTAssertEqual(broken, ["empty.xml", "word.xml", "cut-short.json", "broken.json", "pipe.xml"])
    }

    func testAnyNumberOfJobsGivesTheSameResultsInTheSameOrder() throws {
        let files = Repo.files(in: "examples/invalid", ending: ".xml") + Repo.files(in: "examples/valid", ending: ".json")
        let items = files.map { BatchInput.Item.file($0, name: $0.lastPathComponent) }
        let one = Batch(checker: Shared.checker, jobs: 1).run(items)
        XCTAssertEqual(one.map(\.file), files.map(\.lastPathComponent))
        for jobs in [2, 3, 64] {
            let many = Batch(checker: Shared.checker, jobs: jobs).run(items)
            XCTAssertEqual(many.map(\.file), one.map(\.file), "\(jobs) jobs")
            XCTAssertEqual(many.map { $0.findings.map(\.id) }, one.map { $0.findings.map(\.id) }, "\(jobs) jobs")
        }
        XCTAssertEqual(Batch(checker: Shared.checker, jobs: 0).jobs, 1)
    }

    /// Large batches give each worker but the first its own copy of the kit; what each file is
    /// told must not change, and an official's own configuration must still be the one used.
    func testWorkersWithTheirOwnKitGiveTheSameReportsUnderTheSameConfiguration() throws {
        let files = Repo.files(in: "examples/invalid", ending: ".xml") + Repo.files(in: "examples/valid", ending: ".json")
            + Repo.files(in: "examples/valid", ending: ".xml") + Repo.files(in: "examples/invalid", ending: ".json")
        let items = (0..<200).map { BatchInput.Item.file(files[$0 % files.count], name: "\($0)") }
        var checker = Shared.checker
        checker.configuration.caseStudiesPerCategoryMinimum = 3
        let one = Batch(checker: checker, jobs: 1).run(items)
        let three = Batch(checker: checker, jobs: 3).run(items)
        XCTAssertEqual(three.map(\.file), one.map(\.file))
        XCTAssertEqual(three.map(\.findings), one.map(\.findings))
        let usual = Batch(checker: Shared.checker, jobs: 1).run(items)
        XCTAssertNotEqual(usual.map(\.findings), one.map(\.findings), "the changed configuration changes some finding")
    }
}
