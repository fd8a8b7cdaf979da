import CCurl

extension CurlError {
    /// The error for a libcurl result, with libcurl's detailed message when it gave one.
    init(_ code: CURLcode, detail: String = "") {
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        self.init(code: Int(code.rawValue), message: message, kind: Kind(code))
    }

    /// The error for a multi handle result.
    init(_ code: CURLMcode, doing action: String) {
        let message = "\(action): \(String(cString: curl_multi_strerror(code)))"
        self.init(code: Int(code.rawValue), message: message, kind: .other)
    }

    /// A request refused before it reached libcurl.
    static func invalidRequest(_ message: String) -> CurlError {
        CurlError(code: 0, message: message, kind: .invalidRequest)
    }

    /// libcurl could not allocate what `call` makes.
    static func outOfMemory(_ call: String) -> CurlError {
        CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "\(call) failed", kind: .other)
    }

    /// The failure of every request sent to, or pending on, a client that was shut down.
    static let shutdown = CurlError(code: 0, message: "the HTTP client was shut down", kind: .shutdown)
}

extension CurlError.Kind {
    /// The kind of a libcurl result code.
    init(_ code: CURLcode) {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            self = .timeout
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING,
            CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            self = .connection
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            self = .tls
        case CURLE_FILESIZE_EXCEEDED:
            self = .responseTooLarge
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT:
            self = .invalidRequest
        default:
            self = .other
        }
    }
}
