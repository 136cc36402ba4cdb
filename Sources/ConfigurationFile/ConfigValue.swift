/// A value of the configuration file, apart from the TOML library: what the checks below work on.
package indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// Dates and times: valid TOML, but no setting takes one.
    case other(String)

    /// The TOML type's name, for messages.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        case .array: "an array"
        case .table: "a table"
        case let .other(kind): kind
        }
    }
}
