import TrustPathModel

extension MatchList {
    /// Whether an action (`sts:AssumeRole`) is covered; action names compare without regard to case.
    public func coversAction(_ action: String) -> Bool {
        let matched = patterns.contains { Wildcard.matches($0, action, ignoringCase: true) }
        return matched != negated
    }

    /// Whether a resource ARN is covered; ARNs compare case-sensitively.
    public func coversResource(_ resource: String) -> Bool {
        let matched = patterns.contains { Wildcard.matches($0, resource) }
        return matched != negated
    }
}
