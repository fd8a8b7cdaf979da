import CCurl

/// The transfer thread's loop. It owns the multi handle and every transfer, and is the only code
/// that touches them: it is made on the transfer thread and never leaves it, so it is not `Sendable`.
final class TransferLoop {
    /// The longest `curl_multi_poll` waits with nothing to do; libcurl wakes it sooner for its own timers.
    private static let idlePollMilliseconds: Int32 = 1000

    private let multi: UnsafeMutableRawPointer
    private let inbox: TransferInbox
    private let configuration: CurlHTTPClient.Configuration
    private var transfersByID: [UInt64: Transfer] = [:]
    private var transfersByHandle: [UnsafeMutableRawPointer: Transfer] = [:]

    private init(multi: UnsafeMutableRawPointer, inbox: TransferInbox, configuration: CurlHTTPClient.Configuration) {
        self.multi = multi
        self.inbox = inbox
        self.configuration = configuration
    }

    /// The transfer thread's body: runs transfers until the inbox closes or libcurl fails, then
    /// fails what is left and cleans up.
    static func run(inbox: TransferInbox, configuration: CurlHTTPClient.Configuration) {
        guard let multi = curl_multi_init() else {
            let failure = CurlError.outOfMemory("curl_multi_init")
            fail(inbox.finish(failure), with: failure)
            return
        }
        let loop = TransferLoop(multi: multi, inbox: inbox, configuration: configuration)
        loop.serve()
        curl_multi_cleanup(multi)
    }

    /// Serves the inbox until it closes, then fails every request left.
    private func serve() {
        let wakeup = MultiWakeup(multi)
        inbox.attach(wakeup)
        let failure = loop()
        Self.fail(inbox.finish(failure), with: failure)
        wakeup.disconnect()
        let unfinished = Array(transfersByID.values)
        for transfer in unfinished {
            detach(transfer)
            transfer.continuation.resume(throwing: failure)
        }
    }

    /// Runs transfers until the inbox closes or the multi handle fails; returns what to fail the rest with.
    private func loop() -> CurlError {
        while let commands = inbox.take() {
            for command in commands { perform(command) }
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            guard performed == CURLM_OK else { return CurlError(performed, doing: "curl_multi_perform") }
            completeFinishedTransfers()
            let polled = curl_multi_poll(multi, nil, 0, Self.idlePollMilliseconds, nil)
            guard polled == CURLM_OK else { return CurlError(polled, doing: "curl_multi_poll") }
        }
        return .shutdown
    }

    private func perform(_ command: TransferCommand) {
        switch command {
        case .start(let id, let request, let continuation):
            do {
                let transfer = try Transfer(
                    id: id, request: request, continuation: continuation, configuration: configuration)
                let added = curl_multi_add_handle(multi, transfer.easy)
                guard added == CURLM_OK else { throw CurlError(added, doing: "curl_multi_add_handle") }
                transfersByID[id] = transfer
                transfersByHandle[transfer.easy] = transfer
            } catch {
                continuation.resume(throwing: error)
            }
        case .cancel(let id):
            guard let transfer = transfersByID[id] else { return }
            detach(transfer)
            transfer.continuation.resume(throwing: CancellationError())
        }
    }

    private func completeFinishedTransfers() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = transfersByHandle[easy]
            else { continue }
            let result = message.pointee.data.result
            detach(transfer)
            transfer.continuation.resume(with: transfer.outcome(result))
        }
    }

    /// Takes `transfer` off the multi handle (aborting it if it is still running) and forgets it;
    /// its easy handle is cleaned up when the last reference goes.
    private func detach(_ transfer: Transfer) {
        _ = curl_multi_remove_handle(multi, transfer.easy)
        transfersByID[transfer.id] = nil
        transfersByHandle[transfer.easy] = nil
    }

    private static func fail(_ commands: [TransferCommand], with failure: CurlError) {
        for case .start(_, _, let continuation) in commands {
            continuation.resume(throwing: failure)
        }
    }
}
