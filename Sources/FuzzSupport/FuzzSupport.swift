// What the four fuzz targets share: how they are driven. Each target gives only its `fuzz`
// function (libFuzzer's LLVMFuzzerTestOneInput) and the fixture it loads once.
import Foundation

/// One fuzz input, as libFuzzer hands it over.
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

/// Built normally, a target is a replay tool: each file named goes through the same code once,
/// so a saved crash can be run under a debugger or in a test.
public func replay(_ paths: [String], through target: FuzzInput) {
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("\(path): cannot read")
            continue
        }
        let bytes = [UInt8](data)
        // A trailing NUL that is not counted, so that code reading one byte too far is caught.
        _ = (bytes + [0]).withUnsafeBufferPointer { target($0.baseAddress!, bytes.count) }
        print("\(path): ok")
    }
}

#if FUZZING
// SwiftPM links an executable with main as an alias of <module>_main (so that tests can link the
// module), which hides libFuzzer's own main. So each target's <module>_main hands over to
// libFuzzer itself through this.
@_extern(c, "LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: FuzzInput) -> CInt

public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ target: FuzzInput) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, target)
}
#endif
