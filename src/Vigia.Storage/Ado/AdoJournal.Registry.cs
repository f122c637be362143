using System.Data;
using System.Data.Common;
using Vigia.Core.Time;

namespace Vigia.Storage.Ado;

/// <summary>The sensor and API-key registry. Secrets are never stored, only their SHA-256 hashes.</summary>
internal abstract partial class AdoJournal
{
    private const string SensorColumns = "id, kind, lat, lon, h, description, created_ns, revoked_ns, range_m";
    private const string ApiKeyColumns = "name, role, created_ns, revoked_ns";

    /// <inheritdoc />
    public Task<bool> AddSensorAsync(SensorRecord sensor, ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ThrowIfEmptyHash(tokenHash, nameof(tokenHash));
        return WriteAsync("adding a sensor", async (connection, transaction, ct) =>
        {
            // ON CONFLICT without a target: a clash on the id or on the token hash adds nothing.
            await using var command = connection.CreateCommand(
                transaction,
                $"INSERT INTO sensors ({SensorColumns}, token_hash) VALUES (@id, @kind, @lat, @lon, @h, @d, @c, @r, @range, @hash) ON CONFLICT DO NOTHING");
            command.Add("@id", DbType.String, sensor.Id);
            command.Add("@kind", DbType.String, sensor.Kind);
            command.Add("@lat", DbType.Double, sensor.Position is { } p1 ? Real(p1.LatitudeDegrees) : null);
            command.Add("@lon", DbType.Double, sensor.Position is { } p2 ? Real(p2.LongitudeDegrees) : null);
            command.Add("@h", DbType.Double, sensor.Position is { } p3 ? Real(p3.HeightAboveEllipsoidMeters) : null);
            command.Add("@d", DbType.String, sensor.Description ?? "");
            command.Add("@c", DbType.Int64, sensor.Created.UnixNanoseconds);
            command.Add("@r", DbType.Int64, Nanos(sensor.Revoked));
            command.Add("@range", DbType.Double, sensor.RangeMeters is { } range ? Real(range) : null);
            command.Add("@hash", DbType.Binary, tokenHash.ToArray());
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SensorRecord>> ListSensorsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<SensorRecord>>("listing sensors", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, $"SELECT {SensorColumns} FROM sensors ORDER BY id{OrdinalCollation}");
            return await ReadAllAsync(command, ReadSensor, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SensorRecord?> FindSensorByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default) =>
        ReadAsync("finding a sensor by token", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null, $"SELECT {SensorColumns} FROM sensors WHERE token_hash = @hash AND revoked_ns IS NULL");
            command.Add("@hash", DbType.Binary, tokenHash.ToArray());
            var found = await ReadAllAsync(command, ReadSensor, ct).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeSensorAsync(string sensorId, Timestamp time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensorId);
        return RevokeAsync("sensors", "id", sensorId, time, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddApiKeyAsync(ApiKeyRecord key, ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ThrowIfEmptyHash(secretHash, nameof(secretHash));
        return WriteAsync("adding an API key", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(
                transaction, $"INSERT INTO api_keys ({ApiKeyColumns}, secret_hash) VALUES (@n, @role, @c, @r, @hash) ON CONFLICT DO NOTHING");
            command.Add("@n", DbType.String, key.Name);
            command.Add("@role", DbType.Int32, (int)key.Role);
            command.Add("@c", DbType.Int64, key.Created.UnixNanoseconds);
            command.Add("@r", DbType.Int64, Nanos(key.Revoked));
            command.Add("@hash", DbType.Binary, secretHash.ToArray());
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ApiKeyRecord>>("listing API keys", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(null, $"SELECT {ApiKeyColumns} FROM api_keys ORDER BY name{OrdinalCollation}");
            return await ReadAllAsync(command, ReadApiKey, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(ReadOnlyMemory<byte> secretHash, CancellationToken cancellationToken = default) =>
        ReadAsync("finding an API key", async (connection, ct) =>
        {
            await using var command = connection.CreateCommand(
                null, $"SELECT {ApiKeyColumns} FROM api_keys WHERE secret_hash = @hash AND revoked_ns IS NULL");
            command.Add("@hash", DbType.Binary, secretHash.ToArray());
            var found = await ReadAllAsync(command, ReadApiKey, ct).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeApiKeyAsync(string name, Timestamp time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RevokeAsync("api_keys", "name", name, time, cancellationToken);
    }

    private static void ThrowIfEmptyHash(ReadOnlyMemory<byte> hash, string name)
    {
        if (hash.IsEmpty)
        {
            throw new ArgumentException("The hash must not be empty.", name);
        }
    }

    private Task<bool> RevokeAsync(string table, string keyColumn, string key, Timestamp time, CancellationToken cancellationToken) =>
        WriteAsync($"revoking in {table}", async (connection, transaction, ct) =>
        {
            await using var command = connection.CreateCommand(
                transaction, $"UPDATE {table} SET revoked_ns = @t WHERE {keyColumn} = @k AND revoked_ns IS NULL");
            command.Add("@t", DbType.Int64, time.UnixNanoseconds);
            command.Add("@k", DbType.String, key);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);

    private static async Task<List<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static SensorRecord ReadSensor(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Kind = reader.GetString(1),
        Position = ObservationRow.ReadGeoPosition(reader, 2),
        Description = reader.GetString(5),
        Created = new Timestamp(reader.GetInt64(6)),
        Revoked = reader.GetNullableTimestamp(7),
        RangeMeters = reader.IsDBNull(8) ? null : reader.GetDouble(8),
    };

    private static ApiKeyRecord ReadApiKey(DbDataReader reader) => new()
    {
        Name = reader.GetString(0),
        Role = (ApiKeyRole)reader.GetInt32(1),
        Created = new Timestamp(reader.GetInt64(2)),
        Revoked = reader.GetNullableTimestamp(3),
    };
}
