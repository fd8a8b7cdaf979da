import CCurl

/// libcurl's process-wide set-up, done once.
enum CurlGlobal {
    /// The result of the process's one `curl_global_init`, run the first time it is read.
    /// There is no `curl_global_cleanup`: libcurl stays initialised until the process exits.
    private static let initialisation: CURLcode = CCurl_global_init()

    /// Initialises libcurl the first time it is called; throws if that failed.
    static func initialise() throws(CurlError) {
        let result = initialisation
        guard result == CURLE_OK else { throw CurlError(result) }
    }
}
