import TrustPathEscaping

/// Makes text from input safe to print (the escaping layer's terminal context).
public func terminalSafe(_ text: String) -> String { Escape.terminal(text) }
