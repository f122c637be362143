using System.Diagnostics.Metrics;

namespace Vigia.Storage.Tests.Support;

/// <summary>Keeps the meters it creates, so a listener can tell this test's instruments from a parallel test's.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    public List<Meter> Created { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (Created)
        {
            Created.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in Created)
        {
            meter.Dispose();
        }
    }
}
