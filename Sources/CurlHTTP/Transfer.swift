import CCurl

/// One request on its way: its easy handle and the response as it arrives.
///
/// Owned by the transfer thread's `TransferLoop`; libcurl calls back into it on that thread.
/// Not `Sendable`, like swift-corelibs-foundation's `EasyHandle`.
final class Transfer {
    /// The id the sending task knows the transfer by.
    let id: UInt64
    /// The easy handle, cleaned up with the transfer.
    let easy: UnsafeMutableRawPointer
    /// The sending task, waiting for the outcome.
    let continuation: CheckedContinuation<HTTPClientResponse, any Error>
    /// The response cap, headers and body together.
    let maximumResponseSize: Int
    /// The request's header list, which libcurl reads until the transfer ends.
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes a failure's detailed message (CURLOPT_ERRORBUFFER).
    let errorBuffer: UnsafeMutablePointer<CChar>

    private var receivedSize = 0
    private var exceededMaximum = false
    private var headerFields: [(name: String, value: String)] = []
    private var body: [UInt8] = []

    /// Makes the easy handle and sets it up for `request`.
    init(
        id: UInt64, request: HTTPClientRequest, continuation: CheckedContinuation<HTTPClientResponse, any Error>,
        configuration: CurlHTTPClient.Configuration
    ) throws(CurlError) {
        guard let easy = curl_easy_init() else {
            throw CurlError.outOfMemory("curl_easy_init")
        }
        self.id = id
        self.easy = easy
        self.continuation = continuation
        self.maximumResponseSize = configuration.maximumResponseSize
        let bufferSize = Int(CURL_ERROR_SIZE)
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: bufferSize)
        errorBuffer.initialize(repeating: 0, count: bufferSize)
        try configure(for: request, userAgent: configuration.userAgent)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Takes a piece of the body from the write callback; returns how much it took, where
    /// anything short of `bytes.count` makes libcurl abort.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard admit(bytes.count) else { return 0 }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Takes one line from the header callback: a status line starts a new set of headers (after
    /// a `100 Continue`, say), a field line adds a header, anything else is skipped.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard admit(bytes.count) else { return 0 }
        if bytes.starts(with: "HTTP/".utf8) {
            headerFields = []
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
            headerFields.append((name, Self.trimmed(bytes[(colon + 1)...])))
        }
        return bytes.count
    }

    /// The result for the sending task, once libcurl reports the transfer done with `result`.
    func outcome(_ result: CURLcode) -> Result<HTTPClientResponse, CurlError> {
        if exceededMaximum {
            let message = "the response is larger than \(maximumResponseSize) bytes"
            return .failure(CurlError(code: Int(result.rawValue), message: message, kind: .responseTooLarge))
        }
        guard result == CURLE_OK else {
            return .failure(CurlError(result, detail: String(cString: errorBuffer)))
        }
        var status = 0
        let read = CCurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        guard read == CURLE_OK else { return .failure(CurlError(read)) }
        let headers = Dictionary(headerFields, uniquingKeysWith: { first, second in "\(first), \(second)" })
        return .success(HTTPClientResponse(status: status, headers: headers, body: body))
    }

    private func admit(_ count: Int) -> Bool {
        receivedSize += count
        if receivedSize > maximumResponseSize { exceededMaximum = true }
        return !exceededMaximum
    }

    /// The bytes as text, without spaces, tabs and line breaks at either end.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
