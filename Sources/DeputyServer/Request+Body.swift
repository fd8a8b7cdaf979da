import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The whole body, at most `maxBytes` of it; otherwise the 413 to answer. A declared length
    /// over the limit is refused before a byte of the body is read.
    func body(upTo maxBytes: Int) async -> Result<Data, RejectedRequest> {
        let tooLarge = RejectedRequest(.plain(.contentTooLarge, "request body over \(maxBytes) bytes"))
        if let length = headers[.contentLength].flatMap(Int.init), length > maxBytes { return .failure(tooLarge) }
        do {
            return .success(Data(try await body.collect(upTo: maxBytes).readableBytesView))
        } catch {
            return .failure(tooLarge)
        }
    }
}
