import Foundation

extension Setting {
    /// Text that `parse` checks and turns into the value; `expected` completes "expected …" when
    /// the value is a list, a mapping or empty.
    static func text<Value>(
        _ key: String, _ path: WritableKeyPath<Root, Value>, expected: String,
        parse: @escaping (String) throws(InvalidValue) -> Value
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let text = reader.scalar(entry, expected: expected) else { return }
            do throws(InvalidValue) {
                root[keyPath: path] = try parse(text)
            } catch {
                reader.report(entry.path, error.message, at: entry.value)
            }
        }
    }

    /// Text as for `text`, where an empty value (`key:`) means none.
    static func optionalText<Value>(
        _ key: String, _ path: WritableKeyPath<Root, Value?>, expected: String,
        parse: @escaping (String) throws(InvalidValue) -> Value
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            if entry.value.isEmptyValue {
                root[keyPath: path] = nil
                return
            }
            text(key, path, expected: expected) { text throws(InvalidValue) in try parse(text) }
                .read(reader, entry, &root)
        }
    }

    /// An address to listen on: `127.0.0.1`, `0.0.0.0`, `::1`, a host name.
    static func host(_ key: String, _ path: WritableKeyPath<Root, String>) -> Setting {
        text(key, path, expected: "an address like 127.0.0.1", parse: ValueParser.host)
    }

    /// A TCP port, 1 to 65535.
    static func port(_ key: String, _ path: WritableKeyPath<Root, Int>) -> Setting {
        text(key, path, expected: "a port number like 8080", parse: ValueParser.port)
    }

    /// An `https` URL (`http` to a loopback host only).
    static func url(_ key: String, _ path: WritableKeyPath<Root, String>) -> Setting {
        text(key, path, expected: "a URL like https://example.com", parse: ValueParser.url)
    }

    /// An `https` URL (`http` to a loopback host only), or empty for none.
    static func optionalURL(_ key: String, _ path: WritableKeyPath<Root, String?>) -> Setting {
        optionalText(key, path, expected: "a URL like https://example.com", parse: ValueParser.url)
    }

    /// A file path.
    static func path(_ key: String, _ path: WritableKeyPath<Root, String>) -> Setting {
        text(key, path, expected: "a file path", parse: ValueParser.path)
    }

    /// A Slack channel id, or empty for none.
    static func optionalChannelID(_ key: String, _ path: WritableKeyPath<Root, String?>) -> Setting {
        optionalText(key, path, expected: "a channel id like C0123456789", parse: ValueParser.channelID)
    }

    /// A Discord application's public key, or empty for none.
    static func optionalPublicKey(_ key: String, _ path: WritableKeyPath<Root, String?>) -> Setting {
        optionalText(key, path, expected: "64 hex digits", parse: ValueParser.publicKey)
    }

    /// A Discord id, or empty for none.
    static func optionalSnowflake(_ key: String, _ path: WritableKeyPath<Root, String?>) -> Setting {
        optionalText(key, path, expected: "a Discord id like 1234567890123456789", parse: ValueParser.snowflake)
    }

    /// A number of bytes.
    static func byteCount(_ key: String, _ path: WritableKeyPath<Root, Int>) -> Setting {
        text(key, path, expected: "a number of bytes like 65536", parse: ValueParser.byteCount)
    }

    /// A key the file may not hold; its presence is reported with `reason`, which says what to
    /// do instead. The value is never read, so never repeated in the problem.
    static func refused(_ key: String, because reason: String) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, _ in
            reader.report(entry.path, reason, at: entry.keyNode)
        }
    }
}
