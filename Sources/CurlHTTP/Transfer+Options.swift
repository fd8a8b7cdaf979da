import CCurl

extension Transfer {
    /// Sets the easy handle up for `request`.
    ///
    /// Deliberately left unset: `CURLOPT_PROXY` and `CURLOPT_NOPROXY`, so that libcurl reads the
    /// proxy variables from the environment, and `CURLOPT_CAINFO`, so that it uses the system's
    /// certificate store.
    func configure(for request: HTTPClientRequest, userAgent: String) throws(CurlError) {
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlTimeoutMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, request.totalTimeout.curlTimeoutMilliseconds)
        try set(CURLOPT_MAXFILESIZE_LARGE, size: max(maximumResponseSize, 0))
        try set(CURLOPT_USERAGENT, userAgent)
        try check(CCurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), setting: CURLOPT_ERRORBUFFER)
        try setCallbacks()
        try setMethodAndBody(for: request)
        try setHeaders(for: request)
    }

    private func setCallbacks() throws(CurlError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let wrote = CCurl_easy_setopt_write_callback(easy) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let (total, overflow) = size.multipliedReportingOverflow(by: count)
            guard !overflow else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: total))
        }
        try check(wrote, setting: CURLOPT_WRITEFUNCTION)
        try check(CCurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), setting: CURLOPT_WRITEDATA)
        let headed = CCurl_easy_setopt_header_callback(easy) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let (total, overflow) = size.multipliedReportingOverflow(by: count)
            guard !overflow else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: total))
        }
        try check(headed, setting: CURLOPT_HEADERFUNCTION)
        try check(CCurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), setting: CURLOPT_HEADERDATA)
    }

    /// GET and HEAD without a body use libcurl's own modes; a body goes as POST fields, which
    /// libcurl copies, under the request's method.
    private func setMethodAndBody(for request: HTTPClientRequest) throws(CurlError) {
        switch (request.method, request.body.isEmpty) {
        case ("GET", true):
            try set(CURLOPT_HTTPGET, 1)
        case ("HEAD", true):
            try set(CURLOPT_NOBODY, 1)
        case ("POST", _), (_, false):
            try set(CURLOPT_POSTFIELDSIZE_LARGE, size: request.body.count)
            let bytes = request.body.isEmpty ? [0] : request.body
            let copied = bytes.withUnsafeBytes {
                CCurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
            }
            try check(copied, setting: CURLOPT_COPYPOSTFIELDS)
            if request.method != "POST" { try set(CURLOPT_CUSTOMREQUEST, request.method) }
        default:
            try set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    /// The request's headers, plus two that turn off libcurl additions unless the request sets
    /// them: `Expect: 100-continue`, which costs a round trip, and a form `Content-Type`.
    private func setHeaders(for request: HTTPClientRequest) throws(CurlError) {
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        let names = Set(request.headers.map { $0.name.lowercased() })
        if !names.contains("expect") { lines.append("Expect:") }
        if !names.contains("content-type") { lines.append("Content-Type:") }
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else {
                throw CurlError.outOfMemory("curl_slist_append")
            }
            headerList = list
        }
        try check(CCurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), setting: CURLOPT_HTTPHEADER)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(CCurl_easy_setopt_long(easy, option, value), setting: option)
    }

    private func set(_ option: CURLoption, size: Int) throws(CurlError) {
        try check(CCurl_easy_setopt_off_t(easy, option, curl_off_t(size)), setting: option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        let result = value.withCString { CCurl_easy_setopt_string(easy, option, $0) }
        try check(result, setting: option)
    }

    private func check(_ result: CURLcode, setting option: CURLoption) throws(CurlError) {
        guard result == CURLE_OK else {
            let message = "setting curl option \(option.rawValue): \(String(cString: curl_easy_strerror(result)))"
            throw CurlError(result, detail: message)
        }
    }
}
