import CCurl
import Synchronization

/// Wakes the transfer thread out of `curl_multi_poll`, from any thread.
///
/// This is the module's one `@unchecked Sendable`. It keeps the multi handle's pointer, which Swift
/// cannot prove safe to share, and uses it for `curl_multi_wakeup` only: the one multi-handle call
/// that libcurl documents as safe from any thread. The lock keeps a wakeup from racing the handle's
/// cleanup: the transfer thread calls `disconnect()` before `curl_multi_cleanup`, and any wakeup
/// after that does nothing.
final class MultiWakeup: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let connected = Mutex(true)

    /// A wakeup for `multi`, made by the thread that owns it.
    init(_ multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    /// Makes the owner's `curl_multi_poll` return now, or the next time it is called.
    func ring() {
        connected.withLock { connected in
            if connected { _ = curl_multi_wakeup(multi) }
        }
    }

    /// Stops every later `ring()` from touching the handle; called before the handle is cleaned up.
    func disconnect() {
        connected.withLock { $0 = false }
    }
}
