import DeputyConfig
import Foundation
import Testing

/// Where the store is: an SQLite path, or a PostgreSQL address whose password never comes from
/// the settings file and is never logged.
struct DaemonSettingsDatabaseTests {
    @Test func aPathIsSQLiteAndAnAddressIsPostgres() throws {
        let sqlite = try SettingsFixture.load(environment: ["DEPUTY_DATABASE": "/var/lib/deputy/deputy.sqlite"])
        #expect(!sqlite.usesPostgres)
        #expect(sqlite.databaseForLog == "/var/lib/deputy/deputy.sqlite")
        for scheme in ["postgres", "postgresql"] {
            let settings = try SettingsFixture.load(environment: [
                "DEPUTY_DATABASE": "\(scheme)://deputy@db.internal:5432/deputy?sslmode=verify-full"
            ])
            #expect(settings.usesPostgres)
        }
    }

    @Test func thePasswordComesFromTheEnvironmentOrItsFileAndIsNeverLogged() throws {
        let inline = try SettingsFixture.load(environment: [
            "DEPUTY_DATABASE": "postgres://deputy:s3cret-in-url@db:5432/deputy", "DEPUTY_DATABASE_PASSWORD": "apart",
        ])
        #expect(inline.databasePassword?.value == "apart")
        #expect(inline.databaseForLog == "postgres://deputy@db:5432/deputy")
        try SettingsFixture.withFile("from-a-file\n") { path in
            let settings = try SettingsFixture.load(environment: [
                "DEPUTY_DATABASE": "postgres://deputy@db/deputy", "DEPUTY_DATABASE_PASSWORD_FILE": path,
            ])
            #expect(settings.databasePassword?.value == "from-a-file")
            #expect("\(settings.databasePassword!)" == "<redacted>")
        }
    }

    @Test func aPasswordInTheSettingsFileIsRefusedWithoutShowingIt() throws {
        let problem = SettingsFixture.problem(in: "database: postgres://deputy:hunter2@db:5432/deputy\n")
        #expect(problem?.contains("DEPUTY_DATABASE_PASSWORD") == true, "\(problem ?? "")")
        #expect(problem?.contains("hunter2") == false)
        let fine = try SettingsFixture.load("database: postgres://deputy@db:5432/deputy\n")
        #expect(fine.usesPostgres)
    }
}
