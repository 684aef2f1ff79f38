/// The one escaping layer: every string from the input reaches an output through one of these functions, one
/// per output context. Each context lives in its own file as an extension of `Escape`.
public enum Escape {}
