import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is, read from `DEPUTY_DATABASE`:
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require|verify-ca|verify-full]`
/// (also `postgresql://`). A password given apart (`DEPUTY_DATABASE_PASSWORD`) wins over one in
/// the address. The password is never part of `description`.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    /// How the connection is protected, as libpq's `sslmode` says.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS if the server offers it, without checking its certificate.
        case prefer
        /// TLS always, without checking the certificate (libpq's `require`).
        case require
        /// TLS always, the certificate checked against the trusted roots, not the host name.
        case verifyCA = "verify-ca"
        /// TLS always, the certificate checked and its name matched to the host.
        case verifyFull = "verify-full"
    }

    /// Why an address is not a PostgreSQL location.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Whether `text` names PostgreSQL rather than an SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` address; `password` (from the environment) wins over the address's.
    public init(parsing text: String, password given: String? = nil) throws(Problem) {
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw Problem(description: "not a postgres:// address")
        }
        guard let host = url.host, !host.isEmpty else {
            throw Problem(description: "the address names no host (postgres://user@host:5432/database)")
        }
        guard let user = url.user, !user.isEmpty else {
            throw Problem(description: "the address names no user (postgres://user@host:5432/database)")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw Problem(description: "the address names no database (postgres://user@host:5432/database)")
        }
        var mode = SSLMode.prefer
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = SSLMode(rawValue: value) else {
                    let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Problem(description: "sslmode '\(item.value ?? "")' is not one of \(known)")
                }
                mode = parsed
            default:
                throw Problem(description: "unknown parameter '\(item.name)' (only sslmode is read)")
            }
        }
        guard let port = url.port ?? 5432 as Int?, (1...65535).contains(port) else {
            throw Problem(description: "the port is out of range")
        }
        self.host = host
        self.port = port
        self.user = user
        self.password = given ?? url.password
        self.database = database
        self.sslMode = mode
    }

    /// The address without its password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// The client's configuration: TLS as `sslmode` asks, the certificate verified for
    /// `verify-ca` and `verify-full`.
    var configuration: PostgresClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        let mode: PostgresClient.Configuration.TLS =
            switch sslMode {
            case .disable: .disable
            case .prefer: .prefer(tls)
            case .require, .verifyCA, .verifyFull: .require(tls)
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 16
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
