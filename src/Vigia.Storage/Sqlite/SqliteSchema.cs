using Vigia.Storage.Ado;

namespace Vigia.Storage.Sqlite;

/// <summary>The SQLite schema as ordered migrations. Append new steps; never edit an applied one.</summary>
internal static class SqliteSchema
{
    /// <summary>Creates the version table (idempotent).</summary>
    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_ns INTEGER NOT NULL)";

    /// <summary>The steps, in version order.</summary>
    public static readonly Migration[] Migrations =
    [
        // Double columns are declared without a type on purpose: a REAL-affinity column stores an integral double
        // as an integer, so -0.0 would come back as +0.0. Without a type (BLOB affinity) SQLite keeps the 8 IEEE
        // bytes as given. SQLite cannot store NaN (it becomes NULL), so those columns are nullable and NULL reads as NaN.
        new(1, "journal tables", """
            CREATE TABLE observations (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                sensor_id TEXT NOT NULL,
                client_id TEXT,
                sensor_time_ns INTEGER NOT NULL,
                receive_time_ns INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                v0, v1, v2,
                c00, c01, c02, c11, c12, c22,
                sensor_e, sensor_n, sensor_u,
                uas_id TEXT,
                operator_lat, operator_lon, operator_h,
                raw BLOB
            );
            CREATE UNIQUE INDEX observations_sensor_client ON observations (sensor_id, client_id);
            CREATE INDEX observations_sensor_time ON observations (sensor_time_ns);

            CREATE TABLE track_updates (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                track_id INTEGER NOT NULL,
                time_ns INTEGER NOT NULL,
                status INTEGER NOT NULL,
                pos_e, pos_n, pos_u,
                vel_e, vel_n, vel_u,
                p00, p01, p02, p11, p12, p22,
                uas_id TEXT,
                operator_lat, operator_lon, operator_h,
                first_seen_ns INTEGER NOT NULL,
                last_update_ns INTEGER NOT NULL,
                update_count INTEGER NOT NULL,
                manoeuvre_probability
            );
            CREATE INDEX track_updates_track_time ON track_updates (track_id, time_ns);
            CREATE INDEX track_updates_time ON track_updates (time_ns);

            CREATE TABLE checkpoints (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time_ns INTEGER NOT NULL,
                state BLOB NOT NULL
            );
            CREATE INDEX checkpoints_time ON checkpoints (time_ns);

            CREATE TABLE sensor_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time_ns INTEGER NOT NULL,
                sensor_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE INDEX sensor_events_time ON sensor_events (time_ns);
            CREATE INDEX sensor_events_sensor_time ON sensor_events (sensor_id, time_ns);

            CREATE TABLE sensors (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                lat, lon, h,
                description TEXT NOT NULL,
                created_ns INTEGER NOT NULL,
                revoked_ns INTEGER,
                token_hash BLOB NOT NULL UNIQUE
            );

            CREATE TABLE api_keys (
                name TEXT PRIMARY KEY,
                role INTEGER NOT NULL,
                created_ns INTEGER NOT NULL,
                revoked_ns INTEGER,
                secret_hash BLOB NOT NULL UNIQUE
            );

            CREATE TABLE journal_health (
                id INTEGER PRIMARY KEY,
                checked_ns INTEGER NOT NULL
            );
            """),
        new(2, "sensor coverage range", "ALTER TABLE sensors ADD COLUMN range_m;"),
        new(3, "observation self-description", "ALTER TABLE observations ADD COLUMN identity TEXT;"),
    ];
}
