using System.Data.Common;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;
using Vigia.Core.Time;

namespace Vigia.Storage.Ado;

/// <summary>
/// The <c>observations</c> columns in one fixed order, and the mapping from a row back to an <see cref="Observation"/>.
/// The covariance is stored as its upper triangle (c00 c01 c02 c11 c12 c22) and rebuilt symmetric.
/// </summary>
internal static class ObservationRow
{
    /// <summary>The written columns, in parameter order (the sequence number is generated).</summary>
    public const string Columns =
        "sensor_id, client_id, sensor_time_ns, receive_time_ns, kind, v0, v1, v2, " +
        "c00, c01, c02, c11, c12, c22, sensor_e, sensor_n, sensor_u, " +
        "uas_id, operator_lat, operator_lon, operator_h, raw, identity";

    /// <summary>Number of written columns.</summary>
    public const int ColumnCount = 23;

    /// <summary>The select list: sequence number, then <see cref="Columns"/>.</summary>
    public const string SelectList = "seq, " + Columns;

    /// <summary>Reads a row selected with <see cref="SelectList"/>.</summary>
    public static StoredObservation Read(DbDataReader reader)
    {
        var seq = reader.GetInt64(0);
        var covariance = ReadUpperTriangle(reader, 9);
        var measurement = new Measurement(
            (MeasurementKind)reader.GetInt32(5),
            reader.GetReal(6),
            reader.GetReal(7),
            reader.GetReal(8),
            covariance,
            new EnuVector(reader.GetReal(15), reader.GetReal(16), reader.GetReal(17)));
        var (identity, classification) = IdentityColumn.Read(reader.GetNullableString(23));
        var observation = new Observation
        {
            Sensor = new SensorId(reader.GetString(1)),
            ClientId = reader.GetNullableString(2),
            SensorTime = new Timestamp(reader.GetInt64(3)),
            ReceiveTime = new Timestamp(reader.GetInt64(4)),
            Measurement = measurement,
            UasId = reader.GetNullableString(18),
            OperatorPosition = ReadGeoPosition(reader, 19),
            Identity = identity,
            Classification = classification,
        };
        var raw = reader.IsDBNull(22) ? null : reader.GetFieldValue<byte[]>(22);
        return new StoredObservation(seq, observation, raw);
    }

    /// <summary>A symmetric matrix from six columns c00 c01 c02 c11 c12 c22 starting at <paramref name="ordinal"/>.</summary>
    public static Matrix3x3 ReadUpperTriangle(DbDataReader reader, int ordinal)
    {
        var c00 = reader.GetReal(ordinal);
        var c01 = reader.GetReal(ordinal + 1);
        var c02 = reader.GetReal(ordinal + 2);
        var c11 = reader.GetReal(ordinal + 3);
        var c12 = reader.GetReal(ordinal + 4);
        var c22 = reader.GetReal(ordinal + 5);
        return new Matrix3x3(c00, c01, c02, c01, c11, c12, c02, c12, c22);
    }

    /// <summary>
    /// A position from three nullable columns (latitude, longitude, height): null when all three are NULL. A NULL beside
    /// a value is a NaN SQLite could not store.
    /// </summary>
    public static GeoPosition? ReadGeoPosition(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) && reader.IsDBNull(ordinal + 1) && reader.IsDBNull(ordinal + 2)
            ? null
            : new GeoPosition(reader.GetReal(ordinal), reader.GetReal(ordinal + 1), reader.GetReal(ordinal + 2));
}
