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
        new(4, "zones, allow-list and alerts", """
            CREATE TABLE zones (
                id TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                feature TEXT NOT NULL,
                updated_ns INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                deleted_ns INTEGER
            );

            CREATE TABLE zone_audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                zone_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                time_ns INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                feature TEXT
            );
            CREATE INDEX zone_audit_zone ON zone_audit (zone_id, version);

            CREATE TABLE allow_list (
                uas_id TEXT PRIMARY KEY,
                description TEXT NOT NULL,
                from_ns INTEGER,
                to_ns INTEGER,
                created_ns INTEGER NOT NULL,
                created_by TEXT NOT NULL
            );

            CREATE TABLE alert_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                time_ns INTEGER NOT NULL,
                change TEXT NOT NULL,
                level INTEGER NOT NULL,
                exercise INTEGER NOT NULL,
                body TEXT NOT NULL
            );
            CREATE UNIQUE INDEX alert_events_alert_version ON alert_events (alert_id, version);
            CREATE INDEX alert_events_time ON alert_events (time_ns);
            """),
        new(5, "webhook endpoints and outbox", """
            CREATE TABLE webhook_endpoints (
                id TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                secret TEXT NOT NULL,
                description TEXT NOT NULL,
                min_level INTEGER NOT NULL,
                created_ns INTEGER NOT NULL,
                disabled_ns INTEGER
            );

            CREATE TABLE webhook_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL,
                endpoint_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_ns INTEGER NOT NULL,
                expires_ns INTEGER NOT NULL,
                next_attempt_ns INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                state INTEGER NOT NULL,
                last_error TEXT,
                finished_ns INTEGER
            );
            CREATE UNIQUE INDEX webhook_outbox_endpoint_message ON webhook_outbox (endpoint_id, message_id);
            CREATE INDEX webhook_outbox_due ON webhook_outbox (state, next_attempt_ns);

            CREATE TABLE webhook_attempts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                outbox_id INTEGER NOT NULL,
                endpoint_id TEXT NOT NULL,
                time_ns INTEGER NOT NULL,
                status_code INTEGER,
                error TEXT,
                duration_ms
            );
            CREATE INDEX webhook_attempts_outbox ON webhook_attempts (outbox_id);
            CREATE INDEX webhook_attempts_endpoint_time ON webhook_attempts (endpoint_id, time_ns);
            """),

        // PostgreSQL widens webhook_attempts.outbox_id to bigint here; SQLite's INTEGER is already 64-bit, so the
        // step only keeps both providers at the same schema version.
        new(6, "webhook attempts reference 64-bit outbox ids", "SELECT 1;"),

        // Retention goes by the server's receive time (a receiver with a wrong clock cannot get fresh rows deleted).
        new(7, "observations by receive time", "CREATE INDEX observations_receive_time ON observations (receive_time_ns);"),
    ];
}
