public import QualifyDocument

/// A schema compiled once and used for any number of instances, from any thread.
public final class CompiledSchema: Sendable {
    let program: Program

    /// Compiles `schema`; throws `SchemaError` when it cannot be used (bad keyword values,
    /// unresolvable references, invalid patterns).
    public init(_ schema: Node, options: SchemaOptions = .init()) throws {
        program = try Compiler(options: options).compile(schema)
    }

    /// Whether the instance is valid; stops at the first failure and builds no errors.
    public func isValid(_ instance: Node) -> Bool {
        var evaluator = Evaluator(program: program, fast: true)
        let valid = evaluator.evaluate(program.root, instance, collect: false).valid
        return valid && !evaluator.faulted
    }

    /// Every error, each with its instance and schema path. For anyOf and oneOf only the most
    /// relevant branch's errors are given. Empty when the instance is valid.
    public func validate(_ instance: Node) -> [ValidationError] {
        var evaluator = Evaluator(program: program, fast: false)
        let valid = evaluator.evaluate(program.root, instance, collect: false).valid
        if valid && !evaluator.faulted { return [] }
        if evaluator.errors.isEmpty {
            // The depth limit was met only inside a check whose errors are never shown.
            evaluator.report("", program.nodes[program.root], .tooDeep(limit: Evaluator.frameLimit), keywordInPath: false)
        }
        return evaluator.errors
    }
}
