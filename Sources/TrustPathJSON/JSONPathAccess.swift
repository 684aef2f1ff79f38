extension JSONPath {
    /// Reads a path back from its description (`$.RoleDetailList[3]["odd key"].X`); nil when malformed.
    public init?(parsing text: String) {
        var characters = Array(text)
        guard characters.first == "$" else { return nil }
        characters.removeFirst()
        var components: [Component] = []
        var index = 0
        while index < characters.count {
            switch characters[index] {
            case ".":
                index += 1
                var key = ""
                while index < characters.count, characters[index] != ".", characters[index] != "[" {
                    key.append(characters[index])
                    index += 1
                }
                guard !key.isEmpty else { return nil }
                components.append(.key(key))
            case "[":
                index += 1
                if index < characters.count, characters[index] == "\"" {
                    index += 1
                    var key = ""
                    while index < characters.count, characters[index] != "\"" {
                        if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                        key.append(characters[index])
                        index += 1
                    }
                    index += 2  // closing quote and bracket
                    components.append(.key(key))
                } else {
                    var digits = ""
                    while index < characters.count, characters[index] != "]" {
                        digits.append(characters[index])
                        index += 1
                    }
                    index += 1
                    guard let number = Int(digits) else { return nil }
                    components.append(.index(number))
                }
            default:
                return nil
            }
        }
        self.init(components)
    }
}

extension JSONValue {
    /// The value at a path, or nil when the path does not lead anywhere.
    public subscript(path path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return nil }
                current = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Replaces the value at a path; false when the path does not lead anywhere.
    @discardableResult
    public mutating func replace(at path: JSONPath, with value: JSONValue) -> Bool {
        replace(path.components[...], with: value)
    }

    private mutating func replace(_ components: ArraySlice<JSONPath.Component>, with value: JSONValue) -> Bool {
        guard let first = components.first else {
            self = value
            return true
        }
        switch (first, self) {
        case (.key(let key), .object(var object)):
            guard var child = object[key], child.replace(components.dropFirst(), with: value) else { return false }
            object.set(key, child)
            self = .object(object)
            return true
        case (.index(let index), .array(var elements)):
            guard elements.indices.contains(index), elements[index].replace(components.dropFirst(), with: value) else { return false }
            self = .array(elements)
            return true
        default:
            return false
        }
    }
}
