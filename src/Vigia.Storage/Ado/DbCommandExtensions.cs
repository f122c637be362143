using System.Data;
using System.Data.Common;
using System.Runtime.InteropServices;

namespace Vigia.Storage.Ado;

/// <summary>Small ADO.NET helpers shared by both providers.</summary>
internal static class DbCommandExtensions
{
    /// <summary>A command on <paramref name="connection"/> in <paramref name="transaction"/> (may be null).</summary>
    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a named parameter; null becomes DBNull.</summary>
    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a typed parameter (its type fixed so that NULLs and prepared statements bind the same in both providers).</summary>
    public static DbParameter Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The bytes as an array, without copying when the memory is a whole array.</summary>
    public static byte[] ToArrayNoCopy(this ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    /// <summary>A double column that may be NULL (SQLite's NaN), as a double.</summary>
    public static double GetReal(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    /// <summary>A nullable text column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable nanosecond column as a timestamp.</summary>
    public static Vigia.Core.Time.Timestamp? GetNullableTimestamp(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new Vigia.Core.Time.Timestamp(reader.GetInt64(ordinal));
}
