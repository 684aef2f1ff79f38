import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping
import TrustPathEvidence

/// One line of `--format pairs`, written by hand: compact, members in the order `.sortedKeys` gives, strings under
/// `Escape.appendJSONString`. Byte for byte what `JSONEncoder` and the project's escaping wrote before, at a
/// fraction of the cost; PairsStreamTests compares the two on hostile text. A new field goes in its sorted place.
struct PairLine {
    private(set) var bytes: [UInt8]
    /// Whether the open object already holds a member.
    private var needsComma = false

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends the line of `finding` (with its newline).
    mutating func append(_ finding: Finding, change: String?, observed: Observation?) {
        open()
        if let change { member("change", change) }
        if let door = finding.door {
            object("door") {
                $0.member("role", door.role)
                $0.member("statement", door.statement)
            }
        }
        object("entry") {
            $0.member("id", finding.entry.id)
            $0.member("kind", finding.entry.kind.rawValue)
            if let name = finding.entry.name { $0.member("name", name) }
        }
        if let lastUsed = finding.lastUsed {
            object("lastUsed") {
                $0.member("date", lastUsed.date)
                if let region = lastUsed.region { $0.member("region", region) }
            }
        }
        if let observed {
            object("observed") {
                $0.member("count", observed.count)
                $0.member("firstSeen", observed.firstSeen)
                $0.member("lastSeen", observed.lastSeen)
            }
        }
        key("path")
        bytes.append(UInt8(ascii: "["))
        for (index, step) in finding.path.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Escape.appendJSONString(step, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        member("severity", finding.severity.rawValue)
        member("state", finding.state.rawValue)
        member("target", finding.target)
        close()
        bytes.append(0x0A)
    }

    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    private mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `"name":`, after a comma unless it is the object's first member. Names are plain ASCII written here.
    private mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        Escape.appendJSONString(value, to: &bytes)
    }

    private mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func object(_ name: StaticString, _ members: (inout PairLine) -> Void) {
        key(name)
        open()
        members(&self)
        close()
    }
}
