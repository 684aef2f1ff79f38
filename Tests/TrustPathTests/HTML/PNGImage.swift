/// Just enough PNG reading to check a browser's screenshot: 8-bit RGB or RGBA, not interlaced, with a DEFLATE
/// decoder of its own (RFC 1951), so the test needs no zlib binding. Any other PNG throws.
struct PNGImage {
    let width: Int
    let height: Int
    /// RGB, row after row.
    let pixels: [UInt8]

    struct Unsupported: Error, CustomStringConvertible { let description: String }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw Unsupported(description: "not a PNG")
        }
        var offset = 8, header: [UInt8] = [], data: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { throw Unsupported(description: "truncated chunk \(type)") }
            let body = bytes[offset + 8..<offset + 8 + length]
            if type == "IHDR" { header = Array(body) } else if type == "IDAT" { data += body }
            offset += 12 + length
        }
        guard header.count == 13 else { throw Unsupported(description: "no IHDR") }
        let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        let channels = header[9] == 6 ? 4 : header[9] == 2 ? 3 : 0
        guard header[8] == 8, channels > 0, header[12] == 0, data.count > 2 else {
            throw Unsupported(description: "bit depth \(header[8]), color type \(header[9]), interlace \(header[12])")
        }
        let raw = try Inflate.decode(Array(data.dropFirst(2)))
        let stride = width * channels
        guard raw.count >= height * (stride + 1) else { throw Unsupported(description: "short image data") }
        var previous = [UInt8](repeating: 0, count: stride), rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for row in 0..<height {
            let start = row * (stride + 1), filter = raw[start]
            var line = Array(raw[start + 1..<start + 1 + stride])
            for index in 0..<stride {
                let left = index >= channels ? Int(line[index - channels]) : 0, up = Int(previous[index])
                let corner = index >= channels ? Int(previous[index - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - corner
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                    predictor = a <= b && a <= c ? left : b <= c ? up : corner
                default: throw Unsupported(description: "filter \(filter)")
                }
                line[index] = UInt8(truncatingIfNeeded: Int(line[index]) + predictor)
            }
            for pixel in 0..<width { rgb += line[pixel * channels..<pixel * channels + 3] }
            previous = line
        }
        self.width = width
        self.height = height
        pixels = rgb
    }

    /// How many pixels have exactly this color.
    func count(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        var count = 0
        var index = 0
        while index + 2 < pixels.count {
            if pixels[index] == red && pixels[index + 1] == green && pixels[index + 2] == blue { count += 1 }
            index += 3
        }
        return count
    }
}

/// A DEFLATE decoder: stored, fixed and dynamic Huffman blocks.
enum Inflate {
    struct Corrupt: Error {}

    private struct Bits {
        let bytes: [UInt8]
        var position = 0

        mutating func read(_ count: Int) throws -> Int {
            var value = 0
            for bit in 0..<count {
                guard position >> 3 < bytes.count else { throw Corrupt() }
                value |= Int(bytes[position >> 3] >> UInt8(position & 7) & 1) << bit
                position += 1
            }
            return value
        }
    }

    /// Canonical Huffman code as (length → first code, symbols in order).
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(_ lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length > 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ bits: inout Bits) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1..<16 {
                code |= try bits.read(1)
                let count = counts[length]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Corrupt()
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                      131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                       1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                        12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func decode(_ input: [UInt8]) throws -> [UInt8] {
        var bits = Bits(bytes: input)
        var output: [UInt8] = []
        var last = 0
        while last == 0 {
            last = try bits.read(1)
            switch try bits.read(2) {
            case 0:
                bits.position = (bits.position + 7) & ~7
                let length = try bits.read(16)
                _ = try bits.read(16)
                let start = bits.position >> 3
                guard start + length <= input.count else { throw Corrupt() }
                output += input[start..<start + length]
                bits.position += length * 8
            case 1:
                let fixed = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
                try block(&bits, &output, Huffman(fixed), Huffman([Int](repeating: 5, count: 30)))
            case 2:
                let (literals, distances) = try dynamicCodes(&bits)
                try block(&bits, &output, literals, distances)
            default: throw Corrupt()
            }
        }
        return output
    }

    private static func dynamicCodes(_ bits: inout Bits) throws -> (Huffman, Huffman) {
        let literalCount = try bits.read(5) + 257, distanceCount = try bits.read(5) + 1, codeCount = try bits.read(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeCount { codeLengths[codeLengthOrder[index]] = try bits.read(3) }
        let codes = Huffman(codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try codes.decode(&bits)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Corrupt() }
                lengths += [Int](repeating: previous, count: 3 + (try bits.read(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits.read(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits.read(7)))
            }
        }
        return (Huffman(Array(lengths[0..<literalCount])), Huffman(Array(lengths[literalCount..<literalCount + distanceCount])))
    }

    private static func block(_ bits: inout Bits, _ output: inout [UInt8], _ literals: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try literals.decode(&bits)
            if symbol < 256 { output.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < lengthBase.count else { throw Corrupt() }
            let length = lengthBase[index] + (try bits.read(lengthExtra[index]))
            let code = try distances.decode(&bits)
            guard code < distanceBase.count else { throw Corrupt() }
            let distance = distanceBase[code] + (try bits.read(distanceExtra[code]))
            guard distance <= output.count else { throw Corrupt() }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }
}
