import Glibc

/// A TCP socket bound to 127.0.0.1 on a port the system picks.
public struct LoopbackSocket: ~Copyable {
    /// The file descriptor; closed when the socket is dropped, unless `release()` took it.
    public let descriptor: Int32
    /// The port the system picked.
    public let port: UInt16

    /// Binds a new socket to 127.0.0.1, port 0. It is not listening: a connection to it is refused.
    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            let error = SocketError(bound == 0 ? "getsockname" : "bind")
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Starts accepting connections.
    public func listen() throws {
        guard Glibc.listen(descriptor, 128) == 0 else { throw SocketError("listen") }
    }

    /// Hands the descriptor over to the caller, who must close it.
    public consuming func release() -> Int32 {
        let descriptor = self.descriptor
        discard self
        return descriptor
    }

    deinit {
        close(descriptor)
    }
}
