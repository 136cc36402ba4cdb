import TOMLKit

/// TOML text → `ConfigValue`s: the only file that uses the TOML library.
enum TOMLReader {
    static func table(from text: String, file: String) throws(ConfigError) -> [String: ConfigValue] {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw .syntax(
                file: file, line: error.source.begin.line, column: error.source.begin.column, problem: error.description
            )
        } catch {
            throw .syntax(file: file, line: 0, column: 0, problem: "\(error)")
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys { if let value = table[key] { result[key] = convert(value.tomlValue) } }
        return result
    }

    private static func convert(_ value: TOMLValue) -> ConfigValue {
        if let table = value.table { return .table(convert(table)) }
        if let array = value.array { return .array(array.map { convert($0.tomlValue) }) }
        if let string = value.string { return .string(string) }
        if let bool = value.bool { return .boolean(bool) }
        if let int = value.int { return .integer(int) }
        if let double = value.double { return .number(double) }
        return .other("a date or time")
    }
}
