import TranscriptCore

/// Whether a failure is worth another connection (docs/protocol.md A.11 and A.2). The service documents none of
/// this [GUESS in docs/protocol.md]: the table is kept here, in one place, so it is easy to change.
package enum FailureDisposition: Sendable, Equatable {
    /// Connect again with backoff, a new task, and the audio no final has covered yet.
    case retry
    /// Stop and tell the user; another attempt would fail the same way.
    case fatal(DashScopeFailure)
}

/// Failures the user must act on; each message names the problem and the fix.
package enum DashScopeFailure: Error, Sendable, Equatable {
    case keyRejected(status: Int)
    case accessDenied(code: String)
    case arrears
    case unknownModel(String)
    case invalidParameters(message: String)
    case endpointNotFound(status: Int)
    case untrustedCertificate(host: String)
    case gaveUp(attempts: Int, lastProblem: String)
    case failed(code: String, message: String)
    /// A message JSON can't carry (`WireEncodingError`): a last guard, as the settings are checked when read.
    case unsendableSettings(message: String)
}

package enum TaskFailurePolicy {
    /// For a `task-failed` event.
    package static func disposition(of failure: TaskFailure, model: String) -> FailureDisposition {
        let code = failure.code
        switch code {
        case "InvalidApiKey": return .fatal(.keyRejected(status: 401))
        case "Arrearage": return .fatal(.arrears)
        case "ModelNotFound", "Model.NotExist": return .fatal(.unknownModel(model))
        case "InvalidParameter", "NO_VALID_AUDIO_ERROR", "DataInspectionFailed":
            return .fatal(.invalidParameters(message: failure.message))
        default:
            if code.hasPrefix("AccessDenied") { return .fatal(.accessDenied(code: code)) }
            // Throttling*, InternalError, ServiceUnavailable, GatewayTimeout, CLIENT_ERROR and the unknown.
            return .retry
        }
    }

    /// For an HTTP status that refused the WebSocket upgrade.
    package static func disposition(ofUpgradeStatus status: Int) -> FailureDisposition {
        switch status {
        case 401, 403: .fatal(.keyRejected(status: status))
        case 404: .fatal(.endpointNotFound(status: status))
        default: .retry  // 429, 5xx: later may work
        }
    }
}

extension DashScopeFailure: UserFacingError {
    package var userMessage: String {
        switch self {
        case let .keyRejected(status): "DashScope rejected the API key (HTTP \(status))."
        case let .accessDenied(code): "DashScope denied access to this model (\(code))."
        case .arrears: "DashScope refused the task: the account is in arrears."
        case let .unknownModel(model): "DashScope does not know the model \"\(model)\"."
        case let .invalidParameters(message): "DashScope refused the recognition settings: \(message)"
        case let .endpointNotFound(status):
            "The DashScope endpoint has no realtime recognition service (HTTP \(status))."
        case let .untrustedCertificate(host): "The TLS certificate of \(host) is not trusted."
        case let .gaveUp(attempts, problem):
            "Lost the connection to DashScope and gave up after \(attempts) attempts (\(problem))."
        case let .failed(code, message): "DashScope failed the task: \(code) \(message)"
        case let .unsendableSettings(message): "The recognition settings can't be sent to the service (\(message))."
        }
    }

    package var hint: String? {
        switch self {
        case .keyRejected:
            "Check DASHSCOPE_API_KEY (or dashscope.api_key in the configuration file); keys are per region, so a Singapore key needs --region intl and a Beijing key --region cn."
        case .accessDenied: "Enable the model for your account or workspace in the Model Studio console."
        case .arrears: "Top up the account in the Alibaba Cloud console."
        case .unknownModel: "Choose one of \(DashScopeModel.stableNames.joined(separator: ", ")) with --model."
        case .invalidParameters:
            "Fix the recognition flags, or the [dashscope] or [qwen] settings in the configuration file."
        case .endpointNotFound:
            "Check --endpoint, DASHSCOPE_WEBSOCKET_BASE_URL or dashscope.endpoint: the URL ends in /api-ws/v1/inference."
        case .untrustedCertificate:
            "Trust its certificate authority with --ca-file FILE or the SSL_CERT_FILE environment variable."
        case .gaveUp: "Check the network; the audio file has the whole meeting for a later `verbatim transcribe`."
        case .failed: nil
        case .unsendableSettings: "Check the numbers in the [dashscope] and [qwen] sections of the configuration file."
        }
    }
}
