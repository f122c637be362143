using BenchmarkDotNet.Attributes;
using Vigia.Protocols.Asterix;
using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Benchmarks.Asterix;

/// <summary>
/// CAT-048 decode throughput on one core (issue 8 target: ≥ 2 million records/s, 0 bytes per record). Input: the
/// CAT-048 datagrams of the shared cat_034_048.pcap (128 records from 8 radars, Mode S roll-call plots and tracks,
/// 45–62 octets each), decoded and the fields an adapter maps to an observation read (source, time, position,
/// flight level, Mode 3/A, address, identification, track number, velocity). Mean is per record.
/// </summary>
[MemoryDiagnoser]
public class Cat048DecodeBenchmarks
{
    private const int Passes = 40;

    private byte[][] _datagrams = [];
    private byte[][] _records = [];
    private int _recordsPerPass;

    [GlobalSetup]
    public void Setup()
    {
        _datagrams = [.. AsterixSample.Datagrams("cat_034_048.pcap").Where(d => d[0] == AsterixCategories.Cat048)];
        var collector = new RecordCopier();
        foreach (var datagram in _datagrams)
        {
            _ = AsterixDecoder.Decode(datagram, ref collector);
        }

        _records = [.. collector.Records];
        _recordsPerPass = _records.Length;
        if (_recordsPerPass != 128)
        {
            throw new InvalidOperationException($"expected the 128 CAT-048 records of cat_034_048.pcap, found {_recordsPerPass}");
        }
    }

    /// <summary>Whole datagrams through <see cref="AsterixDecoder"/> with a struct handler (what the radar adapter does).</summary>
    [Benchmark(OperationsPerInvoke = 128 * Passes)]
    public double DecodeDatagrams()
    {
        var handler = new FieldReader();
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var datagram in _datagrams)
            {
                _ = AsterixDecoder.Decode(datagram, ref handler);
            }
        }

        return handler.Checksum;
    }

    /// <summary>One record at a time through <see cref="Cat048Decoder.TryDecode"/>.</summary>
    [Benchmark(OperationsPerInvoke = 128 * Passes)]
    public double DecodeRecords()
    {
        var handler = new FieldReader();
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var bytes in _records)
            {
                if (Cat048Decoder.TryDecode(bytes, out var record, out _) == DecodeStatus.Done)
                {
                    handler.OnCat048(in record);
                }
            }
        }

        return handler.Checksum;
    }

    private struct FieldReader : IAsterixRecordHandler
    {
        public double Checksum;

        public void OnCat048(in Cat048Record record)
        {
            var position = record.MeasuredPosition;
            var velocity = record.TrackVelocity;
            Checksum += (record.DataSource?.Sic ?? 0) + (record.TimeOfDay?.TotalSeconds ?? 0) + (position?.RangeMeters ?? 0)
                + (position?.AzimuthRadians ?? 0) + (record.FlightLevel?.FlightLevel ?? 0) + (record.Mode3A?.Code ?? 0)
                + (record.AircraftAddress ?? 0) + (record.AircraftIdentification?[0] ?? ' ') + (record.TrackNumber ?? 0)
                + (velocity?.GroundSpeedMetersPerSecond ?? 0) + (velocity?.HeadingDegrees ?? 0)
                + (int)(record.TargetReportDescriptor?.DetectionType ?? 0);
        }

        public void OnCat034(in Cat034Record record)
        {
        }

        public void OnCat062(in Cat062Record record)
        {
        }

        public void OnCat065(in Cat065Record record)
        {
        }

        public void OnCat021(in Cat021Record record)
        {
        }

        public void OnError(DecodeStatus status, in DecodeError error, byte category) => Checksum = double.NaN;
    }

    private sealed class RecordCopier : IAsterixRecordHandler
    {
        public List<byte[]> Records { get; } = [];

        public void OnCat048(in Cat048Record record) => Records.Add(record.Bytes.ToArray());

        public void OnCat034(in Cat034Record record)
        {
        }

        public void OnCat062(in Cat062Record record)
        {
        }

        public void OnCat065(in Cat065Record record)
        {
        }

        public void OnCat021(in Cat021Record record)
        {
        }

        public void OnError(DecodeStatus status, in DecodeError error, byte category) =>
            throw new InvalidOperationException(error.Message);
    }
}
