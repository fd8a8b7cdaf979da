import DeputyCore
import Yams

extension Setting {
    /// The longest service name `/ic page` takes.
    static var serviceNameLimit: Int { 40 }

    /// `paging.services`: each service's name to `{pagerduty: VARIABLE}` or `{webhook: VARIABLE}`,
    /// naming the environment variable that holds its secret. Names are lower-cased; a value that
    /// is not a variable's name is reported without being repeated, in case it is the secret.
    static func pagingServices(
        _ key: String, _ path: WritableKeyPath<Root, [String: DaemonSettings.Paging.Declaration]>
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let section = reader.section(entry, known: nil) else { return }
            var declared: [String: DaemonSettings.Paging.Declaration] = [:]
            for item in section.entries {
                let name = item.key.lowercased()
                guard isServiceName(name) else {
                    reader.report(
                        item.path,
                        "not a service name: 1 to \(serviceNameLimit) of a-z, 0-9, - and _ (it is typed after "
                            + "/ic page)", at: item.keyNode)
                    continue
                }
                guard declared[name] == nil else {
                    reader.report(item.path, "the service \(name) is already named above", at: item.keyNode)
                    continue
                }
                if let declaration = pagingService(item, reader: reader) { declared[name] = declaration }
            }
            root[keyPath: path] = declared
        }
    }

    /// One service's `{pager: VARIABLE}`; nil (reported) if it is anything else.
    private static func pagingService(
        _ item: ConfigEntry, reader: ConfigReader
    ) -> DaemonSettings.Paging.Declaration? {
        let shape = "{pagerduty: PD_ROUTING_KEY_NAME} or {webhook: PAGE_WEBHOOK_NAME}"
        guard item.value.mapping != nil else {
            // Never the value's text: it may be the secret itself.
            reader.report(
                item.path, "expected the pager and the variable holding its secret, like \(shape)", at: item.value)
            return nil
        }
        let pagers = Pager.allCases.map(\.rawValue)
        guard let section = reader.section(item, known: pagers) else { return nil }
        guard let pagerEntry = section.entries.first, let pager = Pager(rawValue: pagerEntry.key) else {
            if section.entries.isEmpty, item.value.mapping?.isEmpty ?? true {
                reader.report(item.path, "expected one pager, like \(shape)", at: item.value)
            }
            return nil
        }
        guard section.entries.count == 1 else {
            reader.report(item.path, "one pager per service (name the other as a service of its own)", at: item.value)
            return nil
        }
        let example =
            pager == .pagerduty
            ? "PD_ROUTING_KEY_\(variableSuffix(item.key))" : "PAGE_WEBHOOK_\(variableSuffix(item.key))"
        guard case .scalar(let scalar) = pagerEntry.value, !pagerEntry.value.isEmptyValue else {
            reader.report(
                pagerEntry.path, "expected the NAME of the environment variable holding the secret, like \(example)",
                at: pagerEntry.value)
            return nil
        }
        do throws(InvalidValue) {
            let variable = try ValueParser.variableName(scalar.string, example: example)
            return DaemonSettings.Paging.Declaration(pager: pager, variable: variable)
        } catch {
            reader.report(pagerEntry.path, error.message, at: pagerEntry.value)
            return nil
        }
    }

    /// Whether `name` (lower-cased) can name a service: 1 to 40 of `a-z`, `0-9`, `-` and `_`.
    static func isServiceName(_ name: String) -> Bool {
        (1...serviceNameLimit).contains(name.count)
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// A service's name as it would end a variable's name: `DATABASE`, `API_GATEWAY`.
    private static func variableSuffix(_ name: String) -> String {
        String(name.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// `paging.severity`: the PagerDuty severity per SEV level (`{1: critical, sev3: error}`); the
    /// levels left out keep their default.
    static func pagerDutySeverities(_ key: String, _ path: WritableKeyPath<Root, [Int: String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            let allowed = DaemonSettings.Paging.pagerDutySeverities
            let expected = "one of " + allowed.joined(separator: ", ")
            var given: [Int: String] = [:]
            reader.bySeverity(entry, into: &given) { item in
                guard let text = reader.scalar(item, expected: expected) else { return nil }
                let word = text.lowercased()
                guard allowed.contains(word) else {
                    reader.report(
                        item.path, "\"\(text)\" is not a PagerDuty severity (expected \(expected))", at: item.value)
                    return nil
                }
                return word
            }
            root[keyPath: path].merge(given) { $1 }
        }
    }
}
