using System.Data;
using System.Data.Common;
using Vigia.Core.Geodesy;
using Vigia.Core.Time;
using Vigia.Core.Tracks;

namespace Vigia.Storage.Ado;

/// <summary>The <c>track_updates</c> columns in one fixed order, and the mapping to and from <see cref="TrackSnapshot"/>.</summary>
internal static class TrackRow
{
    /// <summary>The written columns, in parameter order.</summary>
    public const string Columns =
        "track_id, time_ns, status, pos_e, pos_n, pos_u, vel_e, vel_n, vel_u, " +
        "p00, p01, p02, p11, p12, p22, uas_id, operator_lat, operator_lon, operator_h, " +
        "first_seen_ns, last_update_ns, update_count, manoeuvre_probability";

    /// <summary>Number of written columns.</summary>
    public const int ColumnCount = 23;

    /// <summary>The column types, in <see cref="Columns"/> order.</summary>
    public static readonly DbType[] Types =
    [
        DbType.Int64, DbType.Int64, DbType.Int32,
        DbType.Double, DbType.Double, DbType.Double, DbType.Double, DbType.Double, DbType.Double,
        DbType.Double, DbType.Double, DbType.Double, DbType.Double, DbType.Double, DbType.Double,
        DbType.String, DbType.Double, DbType.Double, DbType.Double,
        DbType.Int64, DbType.Int64, DbType.Int32, DbType.Double,
    ];

    /// <summary>Fills a command's parameters <c>@t0</c>…<c>@t22</c> from a snapshot; <paramref name="real"/> maps doubles.</summary>
    public static void Bind(DbParameterCollection parameters, in TrackSnapshot track, Func<double, object> real)
    {
        var covariance = track.PositionCovariance;
        var op = track.OperatorPosition;
        object?[] values =
        [
            track.TrackId, track.Time.UnixNanoseconds, (int)track.Status,
            real(track.Position.EastMeters), real(track.Position.NorthMeters), real(track.Position.UpMeters),
            real(track.Velocity.EastMeters), real(track.Velocity.NorthMeters), real(track.Velocity.UpMeters),
            real(covariance.M11), real(covariance.M12), real(covariance.M13),
            real(covariance.M22), real(covariance.M23), real(covariance.M33),
            track.UasId,
            op is { } a ? real(a.LatitudeDegrees) : null,
            op is { } b ? real(b.LongitudeDegrees) : null,
            op is { } c ? real(c.HeightAboveEllipsoidMeters) : null,
            track.FirstSeen.UnixNanoseconds, track.LastUpdate.UnixNanoseconds, track.UpdateCount,
            real(track.ManoeuvreProbability),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static TrackSnapshot Read(DbDataReader reader) => new()
    {
        TrackId = reader.GetInt64(0),
        Time = new Timestamp(reader.GetInt64(1)),
        Status = (TrackStatus)reader.GetInt32(2),
        Position = new EnuVector(reader.GetReal(3), reader.GetReal(4), reader.GetReal(5)),
        Velocity = new EnuVector(reader.GetReal(6), reader.GetReal(7), reader.GetReal(8)),
        PositionCovariance = ObservationRow.ReadUpperTriangle(reader, 9),
        UasId = reader.GetNullableString(15),
        OperatorPosition = ObservationRow.ReadGeoPosition(reader, 16),
        FirstSeen = new Timestamp(reader.GetInt64(19)),
        LastUpdate = new Timestamp(reader.GetInt64(20)),
        UpdateCount = reader.GetInt32(21),
        ManoeuvreProbability = reader.GetReal(22),
    };
}
