import Foundation

/// An HTTP client over libcurl, for the platform APIs Deputy posts to.
///
/// One dedicated thread owns a curl multi handle and every easy handle; nothing else touches
/// them, and nothing blocks Swift's cooperative pool. `send` queues the request for that thread
/// and suspends until the thread resumes it. Transfers run concurrently, and finished connections
/// wait in the multi handle's pool for the next request to the same host.
///
/// Every request verifies TLS certificates and host names, follows no redirects, speaks only
/// `http` and `https`, and honours the standard proxy variables: the client never sets
/// `CURLOPT_PROXY` or `CURLOPT_NOPROXY`, so libcurl reads `http_proxy`, `https_proxy`,
/// `all_proxy` and `no_proxy` from the environment, and their upper-case forms except
/// `HTTP_PROXY`, which libcurl ignores on purpose (a CGI request can set it).
public final class CurlHTTPClient: HTTPTransport {
    /// The settings every request uses.
    public let configuration: Configuration
    private let inbox = TransferInbox()

    /// Starts a client and its transfer thread. Throws if libcurl cannot be initialised.
    public init(configuration: Configuration = Configuration()) throws(CurlError) {
        try CurlGlobal.initialise()
        self.configuration = configuration
        let thread = Thread { [inbox] in
            TransferLoop.run(inbox: inbox, configuration: configuration)
        }
        thread.name = "deputy-curl"
        thread.start()
    }

    deinit {
        inbox.close()
    }

    /// Sends `request` and returns its response, whatever the status.
    ///
    /// Throws `CurlError` when no response arrived, and `CancellationError` when the calling task
    /// was cancelled; cancelling aborts the transfer.
    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        try request.validate()
        let inbox = self.inbox
        let id = inbox.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                inbox.submit(id: id, request: request, continuation: continuation)
            }
        } onCancel: {
            inbox.cancel(id: id)
        }
    }

    /// Stops the transfer thread: requests in flight and every later request fail with
    /// `CurlError.Kind.shutdown`. Returns at once; the thread ends soon after.
    public func shutdown() {
        inbox.close()
    }
}
