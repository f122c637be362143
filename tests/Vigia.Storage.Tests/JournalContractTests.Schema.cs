namespace Vigia.Storage.Tests;

public abstract partial class JournalContractTests
{
    private const int CurrentSchemaVersion = 7;

    [Fact]
    public async Task Open_EmptyDatabase_MigratesToTheCurrentVersion()
    {
        var journal = await OpenAsync();

        Assert.Equal(CurrentSchemaVersion, journal.SchemaVersion);
        Assert.Equal(CurrentSchemaVersion, await Target.ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, await journal.CountObservationsAsync(Ct));
        await journal.CheckAsync(Ct);
    }

    [Fact]
    public async Task Open_Again_AppliesNothingAndKeepsTheData()
    {
        var first = await OpenAsync();
        await first.AppendObservationsAsync([Support.Build.Plot("radar-1", 1, "a")], Ct);
        await first.DisposeAsync();

        var second = await OpenAsync();

        Assert.Equal(CurrentSchemaVersion, second.SchemaVersion);
        Assert.Equal(CurrentSchemaVersion, await Target.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")); // each step recorded once
        Assert.Equal(1, await second.CountObservationsAsync(Ct));
    }

    [Fact]
    public async Task Open_DatabaseWithANewerSchema_IsRefusedSayingSo()
    {
        var journal = await OpenAsync();
        await journal.DisposeAsync();
        await Target.ExecuteAsync("INSERT INTO schema_migrations (version, description, applied_ns) VALUES (999, 'from the future', 0)");

        var e = await Assert.ThrowsAsync<JournalException>(() => OpenAsync());

        Assert.Contains("999", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WritesNothing()
    {
        var journal = await OpenAsync();

        await journal.CheckAsync(Ct);
        await journal.CheckAsync(Ct);

        Assert.Equal(0, await Target.ScalarAsync("SELECT COUNT(*) FROM journal_health"));
    }
}
