import Synchronization

/// A value made the first time it is asked for, then kept; safe to share between threads.
final class Once<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = MadeOnce<Value>()

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value { made.value(make) }
}

/// The same, for a value made from what holds it (a form model's plans, a kit's schema), which
/// a closure stored beside it could not capture: whoever asks first says how to make it.
final class MadeOnce<Value: Sendable>: Sendable {
    private let made: Mutex<Value?>

    /// `value`: one already made, if any.
    init(_ value: Value? = nil) {
        made = Mutex(value)
    }

    func value(_ make: () -> Value) -> Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
