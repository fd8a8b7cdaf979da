import Foundation

extension AlertmanagerPayload {
    /// Reads a posted body, or says exactly what is wrong with it (`alerts[2] has no
    /// fingerprint`), for a 400 answer.
    public static func decode(_ body: Data) -> Result<AlertmanagerPayload, AlertmanagerPayloadError> {
        do {
            return .success(try JSONDecoder().decode(AlertmanagerPayload.self, from: body))
        } catch let error as AlertmanagerPayloadError {
            return .failure(error)
        } catch let error as DecodingError {
            return .failure(problem(error))
        } catch {
            return .failure(.notJSON)
        }
    }

    /// A decoding error as the payload's problem, named by its path.
    private static func problem(_ error: DecodingError) -> AlertmanagerPayloadError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missing(key: key.stringValue, path: path(context.codingPath))
        case .valueNotFound(let type, let context):
            // A null where a value is required: as good as missing, unless it stands in a list.
            guard let key = context.codingPath.last, key.intValue == nil else {
                return .wrongType(path: path(context.codingPath), expected: expectation(type))
            }
            return .missing(key: key.stringValue, path: path(Array(context.codingPath.dropLast())))
        case .typeMismatch(let type, let context):
            return .wrongType(path: path(context.codingPath), expected: expectation(type))
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? .notJSON : .wrongType(path: path(context.codingPath), expected: "valid")
        @unknown default:
            return .notJSON
        }
    }

    /// The JSON type `type` is read from, as a message names it.
    private static func expectation(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Int.self { return "a whole number" }
        if type == [String: Any].self || type == [String: String].self { return "an object" }
        if type == [Any].self || type == [Alert].self { return "an array" }
        if type == Alert.self || type == AlertmanagerPayload.self { return "an object" }
        return "of the expected type"
    }
}
