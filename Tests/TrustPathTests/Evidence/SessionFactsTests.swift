import Testing
import TrustPathEngine
import TrustPathModel

/// What a hop's session carries: each fact, and the near miss that must not produce it.
@Suite("Session facts")
struct SessionFactsTests {
    static let vendor = PrincipalSet(aws: ["arn:aws:iam::307946673750:root"])

    static func statement(_ actions: [String], _ conditions: [ConditionClause] = [], index: Int = 0,
                          principal: PrincipalSet = vendor) -> Statement {
        Statement(index: index, effect: .allow, principal: principal, action: MatchList(actions), conditions: conditions)
    }

    static func clause(_ op: String, _ key: String, _ values: [String]) -> ConditionClause {
        ConditionClause(op: ConditionOperator(op), key: key, values: values)
    }

    static func role(_ statements: [Statement], maxSession: Int? = nil) -> Role {
        Role(arn: "arn:aws:iam::111122223333:role/VendorAccess", name: "VendorAccess", path: "/", roleID: "AROAEXAMPLE",
             account: "111122223333", partition: "aws", trustPolicy: PolicyDocument(statements: statements),
             location: SourceLocation(file: "gaad.json"), maxSessionDuration: maxSession)
    }

    static func facts(_ statement: Statement, others: [Statement] = [], maxSession: Int? = nil, chained: Bool = false) -> SessionFacts {
        SessionFacts(statement: statement, role: role([statement] + others, maxSession: maxSession), chained: chained)
    }

    @Test func sourceIdentityRequiredByAConditionOnIt() {
        let required = Self.statement(["sts:AssumeRole", "sts:SetSourceIdentity"],
                                      [Self.clause("StringLike", "sts:SourceIdentity", ["*@example.com"])])
        #expect(Self.facts(required).requiresSourceIdentity)
        #expect(Self.facts(Self.statement(["sts:AssumeRole"], [Self.clause("Null", "sts:SourceIdentity", ["false"])]))
            .requiresSourceIdentity)
        // Near misses: IfExists, negated operators and Null true pass without one.
        for near in [Self.clause("StringLikeIfExists", "sts:SourceIdentity", ["*"]),
                     Self.clause("StringNotEquals", "sts:SourceIdentity", ["root"]),
                     Self.clause("Null", "sts:SourceIdentity", ["true"]),
                     Self.clause("StringEquals", "aws:SourceIdentity", ["alice"])] {
            #expect(!Self.facts(Self.statement(["sts:AssumeRole"], [near])).requiresSourceIdentity, "\(near.op) \(near.key)")
        }
    }

    @Test func setSourceIdentityAllowedByTheActionHereOrInASiblingStatement() {
        #expect(Self.facts(Self.statement(["sts:AssumeRole", "sts:SetSourceIdentity"])).allowsSetSourceIdentity)
        #expect(Self.facts(Self.statement(["sts:*"])).allowsSetSourceIdentity)
        let sibling = Self.statement(["sts:SetSourceIdentity"], index: 1)
        #expect(Self.facts(Self.statement(["sts:AssumeRole"]), others: [sibling]).allowsSetSourceIdentity)
        // Near misses: AssumeRole alone; a sibling for another principal.
        #expect(!Self.facts(Self.statement(["sts:AssumeRole"])).allowsSetSourceIdentity)
        let otherPrincipal = Self.statement(["sts:SetSourceIdentity"], index: 1, principal: PrincipalSet(aws: ["999988887777"]))
        #expect(!Self.facts(Self.statement(["sts:AssumeRole"]), others: [otherPrincipal]).allowsSetSourceIdentity)
    }

    @Test func tagSessionAllowedAndSessionTagsRequired() {
        #expect(Self.facts(Self.statement(["sts:AssumeRole", "sts:TagSession"])).allowsTagSession)
        #expect(Self.facts(Self.statement(["sts:AssumeRole", "sts:Tag*"])).allowsTagSession)
        #expect(!Self.facts(Self.statement(["sts:AssumeRole"])).allowsTagSession)
        let tagged = Self.statement(["sts:AssumeRole", "sts:TagSession"],
                                    [Self.clause("StringEquals", "aws:RequestTag/Project", ["falcon"]),
                                     Self.clause("StringEqualsIfExists", "aws:RequestTag/Team", ["blue"])])
        #expect(Self.facts(tagged).requiredSessionTags == ["Project"])
    }

    @Test func transitiveTagKeysRequired() {
        let transitive = Self.statement(["sts:AssumeRole", "sts:TagSession"],
                                        [Self.clause("ForAnyValue:StringEquals", "sts:TransitiveTagKeys", ["Project", "CostCenter"])])
        #expect(Self.facts(transitive).requiredTransitiveTagKeys == ["CostCenter", "Project"])
        // Near miss: ForAllValues holds when the caller marks no tag transitive.
        let loose = Self.statement(["sts:AssumeRole"], [Self.clause("ForAllValues:StringEquals", "sts:TransitiveTagKeys", ["Project"])])
        #expect(Self.facts(loose).requiredTransitiveTagKeys.isEmpty)
    }

    @Test func chainedSessionsAreCappedAtOneHourWhateverTheRoleAllows() {
        let plain = Self.statement(["sts:AssumeRole"])
        #expect(Self.facts(plain, maxSession: 43200, chained: true).maxSessionSeconds == 3600)
        #expect(Self.facts(plain, maxSession: 43200, chained: false).maxSessionSeconds == 43200)
        #expect(Self.facts(plain, maxSession: nil, chained: false).maxSessionSeconds == 3600)
        #expect(Self.facts(plain, maxSession: 43200, chained: true).summary
                == "no source identity; no session tags; sessions up to 1 h (chained; the role allows 12 h)")
    }

    @Test func theSummaryNamesEachFact() {
        let everything = Self.statement(["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"], [
            Self.clause("StringLike", "sts:SourceIdentity", ["*"]),
            Self.clause("StringEquals", "aws:RequestTag/Project", ["falcon"]),
            Self.clause("StringEquals", "sts:TransitiveTagKeys", ["Project"]),
        ])
        let facts = Self.facts(everything, maxSession: 7200)
        #expect(facts.summary == "source identity required; session tags required: Project; transitive tags required: Project; sessions up to 2 h")
        #expect(Self.facts(Self.statement(["sts:AssumeRole", "sts:SetSourceIdentity"]), maxSession: 5400).summary
                == "source identity may be set, not required; no session tags; sessions up to 90 min")
    }
}
