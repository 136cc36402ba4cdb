import Foundation

/// The Qwen3-ASR-Flash-Realtime models (docs/protocol.md B.1): served in both regions, at 16 kHz, over the
/// realtime protocol at `/api-ws/v1/realtime?model=…`.
package struct QwenModel: Sendable, Equatable {
    /// The name sent in the URL's `model` query (the stable name or a dated snapshot).
    package var name: String

    /// Any name, unchecked (`named(_:)` checks it).
    package init(name: String) { self.name = name }

    package static let defaultName = "qwen3-asr-flash-realtime"
    /// Every name the docs list; other dated snapshots of the family are taken too.
    package static let knownNames = [
        defaultName, "qwen3-asr-flash-realtime-2026-02-10", "qwen3-asr-flash-realtime-2025-10-27",
    ]

    /// The model, or nil when the name is not of the family (a typo, or a duplex model given to `--engine qwen`).
    package static func named(_ name: String) -> QwenModel? {
        guard
            name == defaultName || (name.hasPrefix(defaultName + "-") && isDate(name.dropFirst(defaultName.count + 1)))
        else {
            return nil
        }
        return QwenModel(name: name)
    }

    /// `YYYY-MM-DD`.
    private static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension DashScopeRegion {
    /// The realtime endpoint, without the model (docs/protocol.md B.1).
    package var realtimeURL: String {
        switch self {
        case .intl: "wss://dashscope-intl.aliyuncs.com/api-ws/v1/realtime"
        case .cn: "wss://dashscope.aliyuncs.com/api-ws/v1/realtime"
        }
    }
}

/// The URL to connect to: `--endpoint`, then the configuration file's `qwen.endpoint`, then the
/// region's; the model goes in its query, replacing a `model` already there and keeping the rest
/// (the SDK 1.x way of appending `?model=` breaks a URL that has a query, docs/protocol.md B.1).
package enum RealtimeEndpoint {
    package static func url(flag: String?, configured: String?, region: DashScopeRegion, model: QwenModel)
        throws(DashScopeSettingsError) -> URL
    {
        let chosen = flag ?? configured ?? region.realtimeURL
        guard var components = URLComponents(string: chosen), let scheme = components.scheme?.lowercased(),
            ["ws", "wss"].contains(scheme), components.host?.isEmpty == false
        else { throw .invalidEndpoint(chosen) }
        var query = (components.queryItems ?? []).filter { $0.name != "model" }
        query.append(URLQueryItem(name: "model", value: model.name))
        components.queryItems = query
        guard let url = components.url else { throw .invalidEndpoint(chosen) }
        return url
    }
}
