/// A checked file that cannot be read as any input `trustpath check` knows: nothing is checked, exit code 2.
public struct CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// JSON path (or the template path) of the problem, when it has one.
    public var path: String?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(file: String, line: Int? = nil, path: String? = nil, _ message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line: path: message (hint)`, the form editors and CI logs link.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let path, path != "$" { text += "\(path): " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Something the check could not decide or had to assume (an unresolved parameter, an unknown value in a plan):
/// said in every report, never silent.
public struct CheckNote: Sendable, Hashable, Codable, Comparable {
    public var file: String
    public var resource: String?
    public var line: Int?
    public var message: String

    public init(file: String, resource: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.resource = resource
        self.line = line
        self.message = message
    }

    public static func < (lhs: CheckNote, rhs: CheckNote) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.resource ?? "", lhs.message) < (rhs.file, rhs.line ?? 0, rhs.resource ?? "", rhs.message)
    }
}
