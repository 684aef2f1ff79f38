import TrustPathModel

/// What a condition clause can evaluate to when the attacker sends the request.
public struct ClauseOutcome: Sendable, Hashable {
    public var canBeTrue: Bool
    public var canBeFalse: Bool
    /// Who decides between the possible values.
    public var decidedBy: Decider

    public enum Decider: Sendable, Hashable {
        /// Facts fix the value.
        case facts
        /// The attacker picks.
        case attacker
        /// The environment (network, time, tags): the analysis cannot tell.
        case environment
    }
}

/// Evaluates a clause over every request the attacker could send, by trying representative values:
/// absence, each policy value made concrete, and values that match nothing.
enum ClauseEvaluation {
    static func outcome(of clause: ConditionClause, in context: RequestContext) -> ClauseOutcome {
        guard clause.op.base != nil else { return ClauseOutcome(canBeTrue: false, canBeFalse: true, decidedBy: .facts) }
        // Policy variables other than the escapes resolve per request; the analysis does not model them.
        if clause.values.contains(where: hasPolicyVariable) {
            // A value the caller writes (a session name, a source identity) can copy whatever the variables resolve
            // to, when they resolve to something the attacker knows: the attacker decides.
            if case .attacker(.anything, _) = context[clause.key],
               variables(in: clause.values).allSatisfy({ variable in
                   switch context[variable] {
                   case .known, .attacker: true
                   case .absent, .unknown: false
                   }
               }) {
                return ClauseOutcome(canBeTrue: true, canBeFalse: true, decidedBy: .attacker)
            }
            return ClauseOutcome(canBeTrue: true, canBeFalse: true, decidedBy: .environment)
        }
        switch context[clause.key] {
        case .known(let values):
            let result = ConditionValueMatching.evaluate(clause.op, policyValues: clause.values, requestValues: values)
            return ClauseOutcome(canBeTrue: result, canBeFalse: !result, decidedBy: .facts)
        case .absent:
            let result = ConditionValueMatching.evaluate(clause.op, policyValues: clause.values, requestValues: nil)
            return ClauseOutcome(canBeTrue: result, canBeFalse: !result, decidedBy: .facts)
        case .unknown:
            return ClauseOutcome(canBeTrue: true, canBeFalse: true, decidedBy: .environment)
        case .attacker(let rule, let mayOmit):
            var results: Set<Bool> = []
            for candidate in AttackerCandidates.candidates(rule, mayOmit: mayOmit, policyValues: clause.values,
                                                           base: clause.op.base ?? .stringEquals) {
                results.insert(ConditionValueMatching.evaluate(clause.op, policyValues: clause.values,
                                                               requestValues: candidate))
                if results.count == 2 { break }
            }
            return ClauseOutcome(canBeTrue: results.contains(true), canBeFalse: results.contains(false), decidedBy: .attacker)
        }
    }

    /// The keys named by `${…}` policy variables (`${aws:username}` → `aws:username`; a default after `,` dropped).
    static func variables(in values: [String]) -> [String] {
        var keys: [String] = []
        for value in values {
            var rest = Substring(value)
            while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                let name = rest[open.upperBound..<close].split(separator: ",").first.map(String.init) ?? ""
                if !["*", "?", "$"].contains(name) { keys.append(String(name.filter { $0 != " " })) }
                rest = rest[rest.index(after: close)...]
            }
        }
        return keys
    }

    static func hasPolicyVariable(_ value: String) -> Bool {
        guard value.containsText("${") else { return false }
        let escapesRemoved = value.replacing("${*}", with: "").replacing("${?}", with: "").replacing("${$}", with: "")
        return escapesRemoved.containsText("${")
    }
}
