import Foundation

/// Where the service runs (docs/protocol.md A.1). API keys are per region: a Singapore key is rejected in Beijing.
package enum DashScopeRegion: String, Sendable, CaseIterable {
    /// Singapore.
    case intl
    /// Beijing (Chinese mainland).
    case cn

    /// The OpenAI-compatible base of the region's chat models (summaries).
    package var compatibleModeURL: String {
        switch self {
        case .intl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
        case .cn: "https://dashscope.aliyuncs.com/compatible-mode/v1"
        }
    }

    package var duplexURL: String {
        switch self {
        case .intl: "wss://dashscope-intl.aliyuncs.com/api-ws/v1/inference"
        case .cn: "wss://dashscope.aliyuncs.com/api-ws/v1/inference"
        }
    }

    package var displayName: String {
        switch self {
        case .intl: "Singapore"
        case .cn: "Beijing"
        }
    }
}

/// The URL to connect to: `--endpoint`, then the official SDK's environment variable (which holds the
/// whole inference URL, as in the vendor's samples), then the configuration file, then the region's.
package enum DuplexEndpoint {
    package static let environmentVariable = "DASHSCOPE_WEBSOCKET_BASE_URL"

    package static func url(
        flag: String?, configured: String?, environment: [String: String], region: DashScopeRegion
    ) throws(DashScopeSettingsError) -> URL {
        let fromEnvironment = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let chosen = flag ?? fromEnvironment ?? configured else { return URL(string: region.duplexURL)! }
        guard let url = URL(string: chosen), let scheme = url.scheme?.lowercased(), ["ws", "wss"].contains(scheme),
            url.host?.isEmpty == false
        else { throw .invalidEndpoint(chosen) }
        return url
    }
}
