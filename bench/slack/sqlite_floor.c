/*
 * What SQLite alone costs for the Slack benchmark's writes: the floor under Deputy's store.
 *
 *     cc -O2 -o sqlite-floor bench/slack/sqlite_floor.c -lsqlite3
 *     sqlite-floor --schema-from DEPUTY.sqlite --work DIR [--incidents 500] [--seconds 4]
 *
 * Copies the schema (tables, indexes, triggers) of a database Deputy made into a fresh file in
 * DIR, opens it as DeputyStore.open does (WAL, synchronous = FULL on every connection,
 * wal_autocheckpoint = 10000, GRDB's foreign_keys = ON and 5 s busy timeout), and declares
 * --incidents active incidents in channels C00000000... of team T0BENCH01, as the benchmark's
 * setup does. Then, for batches of 1, 2, 8 and 32 commands per transaction, it runs for each
 * command exactly the statements DeputyStore.commit runs for one benchmark command (a note or an
 * assignment: one commit with one append, one request key and no outbox message, since the
 * command's one reply fits in Slack's HTTP answer). Line numbers are Sources/DeputyStore/
 * DeputyStore+Commit.swift's; GRDB's Database.swift runs BEGIN (1734), SAVEPOINT (1656), RELEASE
 * (1683) and COMMIT (1804):
 *
 *     BEGIN IMMEDIATE TRANSACTION                          once a batch (writer.write, :19)
 *       SAVEPOINT grdb                                     each command (db.inSavepoint, :27)
 *       SELECT 1 FROM seen_request WHERE key = ?           the key seen before? (:53, from :60)
 *       SELECT 1 FROM incident WHERE id = ?                conflict check: it exists (:96)
 *       SELECT MAX(seq) FROM event WHERE incident_id = ?   conflict check: log length (:101)
 *       SELECT title, status, closed_at, next_deadline
 *         FROM incident WHERE id = ?                       insert: the row to compare (:123)
 *       SELECT MAX(seq) FROM event WHERE incident_id = ?   insert: log length again (:131)
 *       INSERT INTO event (...) VALUES (?, ?, ?, ?, ?)     once per record (:139-146)
 *       UPDATE incident SET event_count = ? WHERE id = ?   only the changed columns (:156-172)
 *       INSERT INTO seen_request (key, seen_at) ...        the request key (:72)
 *       RELEASE SAVEPOINT grdb
 *     COMMIT TRANSACTION
 *
 * The UPDATE writes event_count alone: a note or an assignment changes neither the title nor the
 * status, and once an incident has a task due (its first assignment) later ones leave its next
 * deadline where it is, so Deputy leaves those columns, and the indexes over them, untouched.
 *
 * The records are real ones, read from DEPUTY.sqlite a command at a time: the records one
 * command appended share their incident and their `at` (a responder's first command in a channel
 * also appends `joined`), and commands that opened an incident are left out.
 * Each command gets a request key shaped like a Slack slash command's
 * (slack:command:T0BENCH01:<prefix>.<k>.<20 hex digits>) and goes to the next incident in turn,
 * as bench/slack/make_requests.py spreads requests over channels. A PASSIVE checkpoint runs on a
 * connection of its own once a second, as Deputy's Checkpointer does.
 *
 * Every statement is prepared once (persistent) and reset and bound for each use: this is the
 * floor, so it leaves out what GRDB adds (preparing BEGIN, SAVEPOINT, RELEASE and COMMIT again
 * on every use, copying the row and the strings, its hooks). It links the same libsqlite3 as
 * `deputy`.
 *
 * Prints a Markdown table, per batch size: wall time and CPU time (user + system, this process,
 * getrusage) per transaction and per command, and the commands per second one core could
 * sustain at that CPU cost. Keep the statements in step with DeputyStore+Commit.swift.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    // How many of the source database's commands to sample.
    SAMPLE_LIMIT = 2000,
    // DeputyStore.autoCheckpointPages.
    AUTO_CHECKPOINT_PAGES = 10000,
    // DeputyStore.open's default busy timeout, 5 s.
    BUSY_TIMEOUT_MS = 5000,
};

// A sev2's first stakeholder update falls due 30 minutes after it is declared: the deadline a
// freshly declared benchmark incident carries.
static const double FIRST_UPDATE_DUE_SECONDS = 1800;

static const int BATCH_SIZES[] = {1, 2, 8, 32};

// What the command line asked for.
struct options {
    const char *schema_from;
    const char *work;
    long incidents;
    double seconds;
};

// One record of an incident's log as the source database holds it.
struct record {
    char *actor;  // NULL: a record with no actor (a timer's)
    char *event;
};

// The records one command appended, in order.
struct sampled_command {
    struct record *records;
    int record_count;
};

// The real commands read from the source database.
struct samples {
    struct sampled_command *commands;
    size_t count;
    size_t record_total;
};

// The statements DeputyStore.commit runs for one benchmark command, prepared once.
struct commit_statements {
    sqlite3_stmt *begin;
    sqlite3_stmt *commit;
    sqlite3_stmt *savepoint;
    sqlite3_stmt *release;
    sqlite3_stmt *seen_lookup;
    sqlite3_stmt *incident_exists;
    sqlite3_stmt *last_seq;  // run twice, as GRDB's statement cache gives the same one to both uses
    sqlite3_stmt *incident_row;
    sqlite3_stmt *insert_event;
    sqlite3_stmt *update_event_count;
    sqlite3_stmt *insert_seen;
};

// Everything one timed run works with.
struct floor_run {
    sqlite3_stmt *checkpoint;
    struct commit_statements statements;
    const struct samples *samples;
    long incidents;
    long *event_counts;  // by incident id: how long each log is, as Deputy's memory would know it
    uint64_t commands_recorded;
    long long key_prefix;
    uint64_t random_state;
};

// MARK: Failing clearly

static void fail(const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    fputs("sqlite-floor: ", stderr);
    vfprintf(stderr, format, arguments);
    fputc('\n', stderr);
    va_end(arguments);
    exit(1);
}

// Stops with SQLite's own words when `rc` is not `expected`.
static void check(int rc, int expected, sqlite3 *db, const char *what) {
    if (rc == expected) return;
    fail("%s: %s (%s, code %d)", what, db ? sqlite3_errmsg(db) : "no connection", sqlite3_errstr(rc), rc);
}

// MARK: Clocks and randomness

static double cpu_seconds(void) {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) fail("getrusage: %s", strerror(errno));
    return (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

static double clock_seconds(clockid_t clock) {
    struct timespec now;
    if (clock_gettime(clock, &now) != 0) fail("clock_gettime: %s", strerror(errno));
    return (double)now.tv_sec + now.tv_nsec / 1e9;
}

// Wall time for measuring: never steps back.
static double monotonic_seconds(void) { return clock_seconds(CLOCK_MONOTONIC); }

// Seconds since 1970, as Deputy stores `at` and `seen_at`.
static double unix_seconds(void) { return clock_seconds(CLOCK_REALTIME); }

// xorshift64*: enough to pick samples and make request keys distinct.
static uint64_t next_random(uint64_t *state) {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 2685821657736338717ULL;
}

// MARK: Statements

// Prepares one statement to be reset and bound again for every use.
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *statement = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, &tail);
    if (rc != SQLITE_OK) {
        fail("cannot prepare \"%s\": %s (%s, code %d)", sql, sqlite3_errmsg(db), sqlite3_errstr(rc), rc);
    }
    if (statement == NULL) fail("cannot prepare \"%s\": it holds no statement", sql);
    if (tail != NULL && tail[strspn(tail, " \t\r\n;")] != '\0') fail("\"%s\" holds more than one statement", sql);
    return statement;
}

// Steps `statement` once, expecting `expected` (SQLITE_ROW or SQLITE_DONE).
static void step(sqlite3_stmt *statement, int expected, const char *what) {
    check(sqlite3_step(statement), expected, sqlite3_db_handle(statement), what);
}

// Makes `statement` ready for its next use.
static void reset(sqlite3_stmt *statement, const char *what) {
    check(sqlite3_reset(statement), SQLITE_OK, sqlite3_db_handle(statement), what);
}

// Runs a statement that returns no row, then resets it.
static void run(sqlite3_stmt *statement, const char *what) {
    step(statement, SQLITE_DONE, what);
    reset(statement, what);
}

static void bind_int64(sqlite3_stmt *statement, int index, sqlite3_int64 value, const char *what) {
    check(sqlite3_bind_int64(statement, index, value), SQLITE_OK, sqlite3_db_handle(statement), what);
}

static void bind_double(sqlite3_stmt *statement, int index, double value, const char *what) {
    check(sqlite3_bind_double(statement, index, value), SQLITE_OK, sqlite3_db_handle(statement), what);
}

// Binds text the caller keeps unchanged until the statement is bound again; NULL binds NULL.
static void bind_text(sqlite3_stmt *statement, int index, const char *value, const char *what) {
    int rc = value ? sqlite3_bind_text(statement, index, value, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(statement, index);
    check(rc, SQLITE_OK, sqlite3_db_handle(statement), what);
}

static void finalize(sqlite3_stmt *statement) {
    if (statement == NULL) return;
    sqlite3 *db = sqlite3_db_handle(statement);
    // After a successful last use finalize returns SQLITE_OK; anything else is that use's error.
    check(sqlite3_finalize(statement), SQLITE_OK, db, "finalize a statement");
}

// Runs one or more statements whose results do not matter (schema, pragmas).
static void execute(sqlite3 *db, const char *sql, const char *what) {
    char *message = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &message);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "sqlite-floor: %s: %s (%s, code %d)\n", what, message ? message : sqlite3_errmsg(db),
                sqlite3_errstr(rc), rc);
        sqlite3_free(message);
        exit(1);
    }
}

// MARK: Files and connections

// Creates `path` and its missing parents, like `mkdir -p`.
static void make_folder(const char *path) {
    char *partial = strdup(path);
    if (partial == NULL) fail("out of memory");
    for (char *slash = partial + 1;; slash++) {
        if (*slash != '/' && *slash != '\0') continue;
        char kept = *slash;
        *slash = '\0';
        if (mkdir(partial, 0755) != 0 && errno != EEXIST) {
            fail("cannot create the folder %s: %s", partial, strerror(errno));
        }
        *slash = kept;
        if (kept == '\0') break;
    }
    free(partial);
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISDIR(info.st_mode)) fail("%s is not a folder", path);
}

// Removes the scratch database and its sidecars from an earlier run.
static void remove_database(const char *path) {
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t length = strlen(path) + strlen(suffixes[i]) + 1;
        char *file = malloc(length);
        if (file == NULL) fail("out of memory");
        snprintf(file, length, "%s%s", path, suffixes[i]);
        if (unlink(file) != 0 && errno != ENOENT) fail("cannot remove %s: %s", file, strerror(errno));
        free(file);
    }
}

static sqlite3 *open_database(const char *path, int flags, const char *role) {
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "sqlite-floor: cannot open %s (%s): %s (%s, code %d)\n", path, role,
                db ? sqlite3_errmsg(db) : "out of memory", sqlite3_errstr(rc), rc);
        sqlite3_close(db);
        exit(1);
    }
    check(sqlite3_extended_result_codes(db, 1), SQLITE_OK, db, "turn on extended result codes");
    return db;
}

static void close_database(sqlite3 *db, const char *role) {
    int rc = sqlite3_close(db);
    if (rc != SQLITE_OK) fail("cannot close the %s connection: %s (code %d)", role, sqlite3_errstr(rc), rc);
}

// A connection set up as DeputyStore.configuration sets one (GRDB's defaults included).
static sqlite3 *open_store_connection(const char *path, const char *role) {
    sqlite3 *db = open_database(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, role);
    check(sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS), SQLITE_OK, db, "set the busy timeout");
    execute(db, "PRAGMA foreign_keys = ON", "turn foreign keys on");
    execute(db, "PRAGMA synchronous = FULL", "set synchronous = FULL");
    return db;
}

// Turns WAL on and checks that SQLite says it is on.
static void use_wal(sqlite3 *db) {
    sqlite3_stmt *statement = prepare(db, "PRAGMA journal_mode = WAL");
    step(statement, SQLITE_ROW, "turn WAL on");
    const unsigned char *mode = sqlite3_column_text(statement, 0);
    if (mode == NULL || strcmp((const char *)mode, "wal") != 0) {
        fail("WAL mode refused: the journal mode is %s", mode ? (const char *)mode : "unknown");
    }
    finalize(statement);
}

// MARK: Setting up

// Creates in `target` every table, then index, then trigger `source` has, as Deputy made them.
static void copy_schema(sqlite3 *source, sqlite3 *target) {
    sqlite3_stmt *schema = prepare(
        source,
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END");
    execute(target, "BEGIN", "begin copying the schema");
    int tables = 0;
    int rc;
    while ((rc = sqlite3_step(schema)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(schema, 0);
        const char *name = (const char *)sqlite3_column_text(schema, 1);
        const char *sql = (const char *)sqlite3_column_text(schema, 2);
        if (type == NULL || name == NULL || sql == NULL) {
            fail("the source's schema has a row without type, name or sql");
        }
        char what[256];
        snprintf(what, sizeof what, "create %s %s", type, name);
        execute(target, sql, what);
        if (strcmp(type, "table") == 0) tables++;
    }
    check(rc, SQLITE_DONE, source, "read the source's schema");
    execute(target, "COMMIT", "commit the schema");
    finalize(schema);
    if (tables == 0) fail("the source database holds no tables: is it one `deputy serve` made?");
}

// Reads up to SAMPLE_LIMIT random commands that appended to an existing incident: their records,
// grouped by incident and `at` (one command's records share its moment).
static struct samples read_samples(sqlite3 *source, const char *source_path) {
    sqlite3_stmt *commands = prepare(
        source,
        "SELECT incident_id, at FROM event GROUP BY incident_id, at "
        "HAVING max(event LIKE '{\"declared\":%') = 0 ORDER BY random() LIMIT ?");
    sqlite3_stmt *records =
        prepare(source, "SELECT actor, event FROM event WHERE incident_id = ? AND at = ? ORDER BY seq");
    bind_int64(commands, 1, SAMPLE_LIMIT, "bind how many commands to sample");
    struct samples samples = {calloc(SAMPLE_LIMIT, sizeof(struct sampled_command)), 0, 0};
    if (samples.commands == NULL) fail("out of memory");
    int rc;
    while ((rc = sqlite3_step(commands)) == SQLITE_ROW) {
        if (samples.count == SAMPLE_LIMIT) break;
        bind_int64(records, 1, sqlite3_column_int64(commands, 0), "bind a sampled command's incident");
        bind_double(records, 2, sqlite3_column_double(commands, 1), "bind a sampled command's time");
        struct sampled_command *command = &samples.commands[samples.count];
        int capacity = 0;
        int record_rc;
        while ((record_rc = sqlite3_step(records)) == SQLITE_ROW) {
            if (command->record_count == capacity) {
                capacity = capacity ? capacity * 2 : 2;
                struct record *grown = realloc(command->records, (size_t)capacity * sizeof *grown);
                if (grown == NULL) fail("out of memory");
                command->records = grown;
            }
            const char *actor = (const char *)sqlite3_column_text(records, 0);
            const char *event = (const char *)sqlite3_column_text(records, 1);
            if (event == NULL) fail("%s holds an event with no text", source_path);
            struct record *record = &command->records[command->record_count++];
            record->actor = actor ? strdup(actor) : NULL;
            record->event = strdup(event);
            if ((actor && record->actor == NULL) || record->event == NULL) fail("out of memory");
        }
        check(record_rc, SQLITE_DONE, source, "read a sampled command's records");
        reset(records, "read a sampled command's records");
        if (command->record_count == 0) fail("a sampled command of %s has no records", source_path);
        samples.record_total += (size_t)command->record_count;
        samples.count++;
    }
    if (rc != SQLITE_ROW) check(rc, SQLITE_DONE, source, "sample the source's commands");
    finalize(records);
    finalize(commands);
    if (samples.count == 0) fail("%s holds no commands to copy (no events but declarations)", source_path);
    return samples;
}

static void free_samples(struct samples *samples) {
    for (size_t i = 0; i < samples->count; i++) {
        for (int j = 0; j < samples->commands[i].record_count; j++) {
            free(samples->commands[i].records[j].actor);
            free(samples->commands[i].records[j].event);
        }
        free(samples->commands[i].records);
    }
    free(samples->commands);
    samples->commands = NULL;
    samples->count = 0;
}

// Declares `count` active incidents, one a channel, with the row DeputyStore.commit's opening
// insert makes (DeputyStore+Commit.swift:109) and a first stakeholder update due.
static void declare_incidents(sqlite3 *db, long count) {
    sqlite3_stmt *insert = prepare(
        db,
        "INSERT INTO incident (id, platform, team, channel, title, status, declared_at, next_deadline, event_count) "
        "VALUES (?, 'slack', 'T0BENCH01', ?, ?, 'active', ?, ?, 0)");
    execute(db, "BEGIN IMMEDIATE", "begin declaring the incidents");
    double now = unix_seconds();
    for (long number = 1; number <= count; number++) {
        char channel[32];
        char title[64];
        snprintf(channel, sizeof channel, "C%08ld", number - 1);
        snprintf(title, sizeof title, "checkout is slow in region %ld", number - 1);
        bind_int64(insert, 1, number, "bind an incident's id");
        bind_text(insert, 2, channel, "bind an incident's channel");
        bind_text(insert, 3, title, "bind an incident's title");
        bind_double(insert, 4, now, "bind an incident's declaration time");
        bind_double(insert, 5, now + FIRST_UPDATE_DUE_SECONDS, "bind an incident's next deadline");
        run(insert, "declare an incident");
    }
    execute(db, "COMMIT", "commit the incidents");
    finalize(insert);
}

// MARK: The measured work

static void prepare_commit_statements(sqlite3 *db, struct commit_statements *statements) {
    statements->begin = prepare(db, "BEGIN IMMEDIATE TRANSACTION");
    statements->commit = prepare(db, "COMMIT TRANSACTION");
    statements->savepoint = prepare(db, "SAVEPOINT grdb");
    statements->release = prepare(db, "RELEASE SAVEPOINT grdb");
    statements->seen_lookup = prepare(db, "SELECT 1 FROM seen_request WHERE key = ?");
    statements->incident_exists = prepare(db, "SELECT 1 FROM incident WHERE id = ?");
    statements->last_seq = prepare(db, "SELECT MAX(seq) FROM event WHERE incident_id = ?");
    statements->incident_row = prepare(db, "SELECT title, status, closed_at, next_deadline FROM incident WHERE id = ?");
    statements->insert_event =
        prepare(db, "INSERT INTO event (incident_id, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)");
    statements->update_event_count = prepare(db, "UPDATE incident SET event_count = ? WHERE id = ?");
    statements->insert_seen = prepare(db, "INSERT INTO seen_request (key, seen_at) VALUES (?, ?)");
}

static void finalize_commit_statements(struct commit_statements *statements) {
    sqlite3_stmt **all[] = {
        &statements->begin,        &statements->commit,          &statements->savepoint,
        &statements->release,      &statements->seen_lookup,     &statements->incident_exists,
        &statements->last_seq,     &statements->incident_row,    &statements->insert_event,
        &statements->update_event_count, &statements->insert_seen,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        finalize(*all[i]);
        *all[i] = NULL;
    }
}

// The length of incident `id`'s log: `SELECT MAX(seq)`, 0 for an empty log.
static sqlite3_int64 log_length(sqlite3_stmt *last_seq, sqlite3_int64 id) {
    bind_int64(last_seq, 1, id, "bind the incident to measure the log of");
    step(last_seq, SQLITE_ROW, "read the log's last seq");
    sqlite3_int64 length = sqlite3_column_type(last_seq, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64(last_seq, 0);
    reset(last_seq, "read the log's last seq");
    return length;
}

// DeputyStore's stale-decision check: the log must hold what the command was decided on. Here
// nothing else writes, so a difference is a bug in this program.
static void refuse_if_moved(sqlite3_int64 id, sqlite3_int64 stored, long decided_on) {
    if (stored == decided_on) return;
    fail("incident %lld's log holds %lld events, not the %ld the command was decided on", (long long)id,
         (long long)stored, decided_on);
}

// Whether the one-column query `statement`, bound to `key` or `id`, finds a row.
static int finds_row(sqlite3_stmt *statement, const char *what) {
    int rc = sqlite3_step(statement);
    if (rc != SQLITE_ROW) check(rc, SQLITE_DONE, sqlite3_db_handle(statement), what);
    reset(statement, what);
    return rc == SQLITE_ROW;
}

// What DeputyStore.commit does inside its transaction for one benchmark command: the
// `command`'s records appended to incident `id`, under request key `key`, at `now`.
static void record_command(struct floor_run *run_state, sqlite3_int64 id, const struct sampled_command *command,
                           const char *key, double now) {
    struct commit_statements *s = &run_state->statements;
    long expected = run_state->event_counts[id] + command->record_count;

    run(s->savepoint, "SAVEPOINT grdb");

    // apply: a duplicate key ends the commit (it never happens here: every key is new).
    bind_text(s->seen_lookup, 1, key, "bind the request key to look up");
    if (finds_row(s->seen_lookup, "look the request key up")) fail("request key %s was seen before", key);

    // conflict(append): the incident exists, and its log is as long as the decision expected.
    bind_int64(s->incident_exists, 1, id, "bind the incident to check");
    if (!finds_row(s->incident_exists, "check the incident exists")) fail("there is no incident %lld", (long long)id);
    sqlite3_int64 stored = log_length(s->last_seq, id);
    refuse_if_moved(id, stored, expected - command->record_count);

    // insert(append): the row to compare the projection with, the log's length again, the records.
    bind_int64(s->incident_row, 1, id, "bind the incident to read");
    step(s->incident_row, SQLITE_ROW, "read the incident's row");
    for (int column = 0; column < 4; column++) {
        // As GRDB's Row copies them; the values are what the projection is compared with.
        if (sqlite3_column_type(s->incident_row, column) == SQLITE_TEXT) {
            (void)sqlite3_column_text(s->incident_row, column);
        } else {
            (void)sqlite3_column_double(s->incident_row, column);
        }
    }
    reset(s->incident_row, "read the incident's row");
    stored = log_length(s->last_seq, id);
    refuse_if_moved(id, stored, expected - command->record_count);
    for (int offset = 0; offset < command->record_count; offset++) {
        const struct record *record = &command->records[offset];
        bind_int64(s->insert_event, 1, id, "bind the event's incident");
        bind_int64(s->insert_event, 2, stored + offset + 1, "bind the event's seq");
        bind_double(s->insert_event, 3, now, "bind the event's time");
        bind_text(s->insert_event, 4, record->actor, "bind the event's actor");
        bind_text(s->insert_event, 5, record->event, "bind the event");
        run(s->insert_event, "insert the event");
    }
    // update(_:from:to:): only event_count differs from the row for a note or an assignment.
    bind_int64(s->update_event_count, 1, expected, "bind the event count");
    bind_int64(s->update_event_count, 2, id, "bind the incident to update");
    run(s->update_event_count, "update the incident's projection");

    // apply: the request key, kept.
    bind_text(s->insert_seen, 1, key, "bind the request key to keep");
    bind_double(s->insert_seen, 2, now, "bind the request key's time");
    run(s->insert_seen, "keep the request key");

    run(s->release, "RELEASE SAVEPOINT grdb");
    run_state->event_counts[id] = expected;
}

// One transaction of `batch` commands, each to the next incident in turn with a random sample.
static void record_batch(struct floor_run *run_state, int batch) {
    run(run_state->statements.begin, "BEGIN IMMEDIATE TRANSACTION");
    for (int i = 0; i < batch; i++) {
        uint64_t k = run_state->commands_recorded++;
        sqlite3_int64 id = (sqlite3_int64)(k % (uint64_t)run_state->incidents) + 1;
        const struct sampled_command *command =
            &run_state->samples->commands[next_random(&run_state->random_state) % run_state->samples->count];
        uint64_t high = next_random(&run_state->random_state);
        unsigned low = (unsigned)(next_random(&run_state->random_state) & 0xffff);
        char key[96];
        snprintf(key, sizeof key, "slack:command:T0BENCH01:%lld.%llu.%016llx%04x", run_state->key_prefix,
                 (unsigned long long)k, (unsigned long long)high, low);
        record_command(run_state, id, command, key, unix_seconds());
    }
    run(run_state->statements.commit, "COMMIT TRANSACTION");
}

// DeputyStore.checkpoint: `PRAGMA wal_checkpoint(PASSIVE)` on its own connection.
static void checkpoint(sqlite3_stmt *statement) {
    step(statement, SQLITE_ROW, "checkpoint the write-ahead log");
    reset(statement, "checkpoint the write-ahead log");
}

// MARK: The command line

static void usage(FILE *out) {
    fputs("usage: sqlite-floor --schema-from DEPUTY.sqlite --work DIR [--incidents 500] [--seconds 4]\n"
          "  --schema-from  a database `deputy serve` made: its schema and its events are copied\n"
          "  --work         a folder for the scratch database (floor.sqlite, replaced)\n"
          "  --incidents    incidents to declare and spread the commands over (500)\n"
          "  --seconds      seconds to run each batch size (4)\n",
          out);
}

static struct options parse_options(int argc, char **argv) {
    struct options options = {NULL, NULL, 500, 4};
    for (int i = 1; i < argc; i++) {
        const char *argument = argv[i];
        if (strcmp(argument, "-h") == 0 || strcmp(argument, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        static const char *const names[] = {"--schema-from", "--work", "--incidents", "--seconds"};
        const char *value = NULL;
        size_t which = sizeof names / sizeof names[0];
        for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
            size_t length = strlen(names[n]);
            if (strcmp(argument, names[n]) == 0) {
                if (i + 1 >= argc) fail("%s needs a value", names[n]);
                value = argv[++i];
            } else if (strncmp(argument, names[n], length) == 0 && argument[length] == '=') {
                value = argument + length + 1;
            } else {
                continue;
            }
            which = n;
            break;
        }
        char *end = NULL;
        switch (which) {
        case 0: options.schema_from = value; break;
        case 1: options.work = value; break;
        case 2:
            errno = 0;
            options.incidents = strtol(value, &end, 10);
            if (errno != 0 || end == value || *end != '\0' || options.incidents < 1 || options.incidents > 10000000)
                fail("--incidents wants a whole number from 1 to 10000000, not \"%s\"", value);
            break;
        case 3:
            errno = 0;
            options.seconds = strtod(value, &end);
            if (errno != 0 || end == value || *end != '\0' || !(options.seconds > 0) || options.seconds > 86400)
                fail("--seconds wants a number of seconds above 0, not \"%s\"", value);
            break;
        default:
            usage(stderr);
            fail("unknown argument \"%s\"", argument);
        }
    }
    if (options.schema_from == NULL || options.work == NULL) {
        usage(stderr);
        fail("--schema-from and --work are required");
    }
    return options;
}

int main(int argc, char **argv) {
    struct options options = parse_options(argc, argv);

    sqlite3 *source = open_database(options.schema_from, SQLITE_OPEN_READONLY, "the source, read-only");
    struct samples samples = read_samples(source, options.schema_from);

    make_folder(options.work);
    size_t path_length = strlen(options.work) + sizeof "/floor.sqlite";
    char *path = malloc(path_length);
    if (path == NULL) fail("out of memory");
    snprintf(path, path_length, "%s/floor.sqlite", options.work);
    remove_database(path);

    // As DeputyStore.open: WAL, synchronous = FULL on the writer, a high autocheckpoint limit.
    sqlite3 *db = open_store_connection(path, "writer");
    use_wal(db);
    execute(db, "PRAGMA synchronous = FULL", "set synchronous = FULL");
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA wal_autocheckpoint = %d", AUTO_CHECKPOINT_PAGES);
    execute(db, pragma, "set wal_autocheckpoint");
    copy_schema(source, db);
    close_database(source, "source");
    declare_incidents(db, options.incidents);
    sqlite3 *checkpointer = open_store_connection(path, "checkpointer");

    struct floor_run run_state = {
        .checkpoint = prepare(checkpointer, "PRAGMA wal_checkpoint(PASSIVE)"),
        .samples = &samples,
        .incidents = options.incidents,
        .event_counts = calloc((size_t)options.incidents + 1, sizeof(long)),
        .key_prefix = (long long)(unix_seconds() * 1000) % 100000000000LL,
        .random_state = (uint64_t)(unix_seconds() * 1e6) | 1,
    };
    if (run_state.event_counts == NULL) fail("out of memory");
    prepare_commit_statements(db, &run_state.statements);

    fprintf(stderr,
            "sqlite-floor: SQLite %s; %zu commands (%zu records) sampled from %s; %ld incidents; "
            "%g s a batch size\n",
            sqlite3_libversion(), samples.count, samples.record_total, options.schema_from, options.incidents,
            options.seconds);
    printf("| commands per transaction | wall µs / transaction | CPU µs / transaction | CPU µs / command "
           "| commands/s one core could take |\n");
    printf("|---:|---:|---:|---:|---:|\n");
    fflush(stdout);
    for (size_t b = 0; b < sizeof BATCH_SIZES / sizeof BATCH_SIZES[0]; b++) {
        int batch = BATCH_SIZES[b];
        long transactions = 0;
        double last_checkpoint = monotonic_seconds();
        double cpu_start = cpu_seconds();
        double wall_start = monotonic_seconds();
        do {
            record_batch(&run_state, batch);
            transactions++;
            if (monotonic_seconds() - last_checkpoint >= 1) {
                checkpoint(run_state.checkpoint);
                last_checkpoint = monotonic_seconds();
            }
        } while (monotonic_seconds() - wall_start < options.seconds);
        double wall = monotonic_seconds() - wall_start;
        double cpu = cpu_seconds() - cpu_start;
        double cpu_per_command = cpu / ((double)transactions * batch);
        printf("| %d | %.0f | %.0f | %.0f | %.0f |\n", batch, wall / transactions * 1e6, cpu / transactions * 1e6,
               cpu_per_command * 1e6, 1 / cpu_per_command);
        fflush(stdout);
    }

    finalize_commit_statements(&run_state.statements);
    finalize(run_state.checkpoint);
    close_database(checkpointer, "checkpointer");
    close_database(db, "writer");
    free(run_state.event_counts);
    free_samples(&samples);
    free(path);
    return 0;
}
