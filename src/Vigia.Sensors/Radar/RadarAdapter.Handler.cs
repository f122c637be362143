using Vigia.Core.Observations;
using Vigia.Core.Time;
using Vigia.Protocols.Asterix;
using Vigia.Protocols.Asterix.Cat021;
using Vigia.Protocols.Asterix.Cat034;
using Vigia.Protocols.Asterix.Cat048;
using Vigia.Protocols.Asterix.Cat062;
using Vigia.Protocols.Asterix.Cat065;

namespace Vigia.Sensors.Radar;

/// <summary>What the adapter does with each record and refusal of one datagram.</summary>
public sealed partial class RadarAdapter
{
    private ref struct Handler(RadarAdapter adapter, ReadOnlySpan<byte> datagram, Timestamp receiveTime, Timestamp arrival, ICollection<Observation> output)
        : IAsterixRecordHandler
    {
        private readonly ReadOnlySpan<byte> _datagram = datagram;

        public int Added { get; private set; }

        public void OnCat048(in Cat048Record record)
        {
            if (Admit(AsterixCategories.Cat048, record.DataSource, record.Bytes) is not { } counters)
            {
                return;
            }

            counters.CountPlot();
            counters.SawTimeOfDay(record.TimeOfDay);
            if (!adapter._radars.TryGetValue(record.DataSource!.Value, out var site))
            {
                counters.Reject(RadarRejectReason.UnknownSource);
                return;
            }

            Emit(counters, PlotObservations.TryCreate(record, site, adapter._options, receiveTime, out var observation), observation);
        }

        public void OnCat062(in Cat062Record record)
        {
            if (Admit(AsterixCategories.Cat062, record.DataSource, record.Bytes) is not { } counters)
            {
                return;
            }

            counters.CountSystemTrack();
            counters.SawTimeOfDay(record.TimeOfTrack);
            if (!adapter._trackSources.TryGetValue(record.DataSource!.Value, out var source))
            {
                counters.Reject(RadarRejectReason.UnknownSource);
                return;
            }

            Emit(counters, TrackObservations.TryCreate(record, source, adapter._options, receiveTime, out var observation), observation);
        }

        public void OnCat034(in Cat034Record record) => Service(Admit(AsterixCategories.Cat034, record.DataSource, record.Bytes), record.TimeOfDay);

        public void OnCat065(in Cat065Record record) => Service(Admit(AsterixCategories.Cat065, record.DataSource, record.Bytes), record.TimeOfMessage);

        public void OnCat021(in Cat021Record record) =>
            Admit(AsterixCategories.Cat021, record.DataSource, record.Bytes)?.Reject(RadarRejectReason.NotMapped);

        public void OnError(DecodeStatus status, in DecodeError error, byte category)
        {
            var counters = BlockSource.TryFind(_datagram, error.Offset, out var source) ? adapter.CountersOf(source) : adapter.Unattributed;
            if (status == DecodeStatus.Unsupported)
            {
                counters.CountUnsupported();
            }
            else
            {
                counters.CountMalformed();
            }
        }

        /// <summary>Counts the record; null when it has no source (rejected) or is a duplicate.</summary>
        private readonly RadarCounters? Admit(byte category, DataSourceIdentifier? source, ReadOnlySpan<byte> bytes)
        {
            if (source is not { } sacSic)
            {
                adapter.Unattributed.CountRecord(arrival);
                adapter.Unattributed.Reject(RadarRejectReason.UnknownSource);
                return null;
            }

            var counters = adapter.CountersOf(sacSic);
            counters.CountRecord(arrival);
            if (adapter._duplicates.IsDuplicate(category, bytes, receiveTime))
            {
                counters.CountDuplicate();
                return null;
            }

            return counters;
        }

        private static void Service(RadarCounters? counters, AsterixTimeOfDay? timeOfDay)
        {
            counters?.CountServiceMessage();
            counters?.SawTimeOfDay(timeOfDay);
        }

        private void Emit(RadarCounters counters, RadarRejectReason? rejected, Observation observation)
        {
            if (rejected is { } reason)
            {
                counters.Reject(reason);
                return;
            }

            if (observation.Measurement.Validate() != ObservationFault.None)
            {
                counters.Reject(RadarRejectReason.ImplausibleValue);
                return;
            }

            output.Add(observation);
            counters.CountObservation();
            Added++;
        }
    }
}
