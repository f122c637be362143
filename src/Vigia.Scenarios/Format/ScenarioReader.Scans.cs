using System.Text.Json;
using Vigia.Core.Geodesy;
using Vigia.Core.Numerics;
using Vigia.Core.Observations;

namespace Vigia.Scenarios.Format;

public sealed partial class ScenarioReader
{
    private readonly List<PendingDetection> _pending = [];
    private readonly double[] _covariance = new double[9];
    private double _lastScanSeconds = double.NegativeInfinity;

    /// <summary>A detection that passed validation, waiting for its scan's time.</summary>
    private readonly record struct PendingDetection(SensorId Sensor, Measurement Measurement, string? UasId, GeoPosition? Operator);

    private IEnumerable<ScenarioScan> EnumerateScans()
    {
        _path.Push("scans", 0);
        for (var index = 0; ; index++)
        {
            _path.SetIndex(index);
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.StartObject)
            {
                throw _pump.Fault(_path.ToString(), $"expected a scan object, got {Describe(_pump.Token)}");
            }

            yield return ReadScan();
        }

        _path.Pop();
        _phase = Phase.AfterScans;
    }

    private ScenarioScan ReadScan()
    {
        double? time = null;
        SensorInfo? sensor = null;
        _pending.Clear();
        while (NextProperty())
        {
            if (NameIs("t"u8))
            {
                var t = ReadNumber("t");
                if (!_epoch.TryAddSeconds(t, out _))
                {
                    throw Fault("t", FormattableString.Invariant($"{t} s after the epoch is outside the representable time range"));
                }

                if (t < _lastScanSeconds)
                {
                    throw Fault("t", FormattableString.Invariant($"scans are not sorted by time: {t} after {_lastScanSeconds}"));
                }

                time = t;
            }
            else if (NameIs("sensor"u8))
            {
                Expect(JsonTokenType.String, "sensor", "a string");
                sensor = FindSensor(_pump.Value) ?? throw Fault("sensor", $"unknown sensor '{_pump.ValueString}' (not in \"sensors\")");
            }
            else if (NameIs("detections"u8))
            {
                ReadDetections(sensor);
            }
            else
            {
                SkipPropertyValue();
            }
        }

        if (time is null || sensor is null)
        {
            throw Fault(time is null ? "t" : "sensor", "missing");
        }

        _lastScanSeconds = time.Value;
        var stamp = _epoch.AddSeconds(time.Value);
        var observations = new Observation[_pending.Count];
        for (var i = 0; i < observations.Length; i++)
        {
            var p = _pending[i];
            observations[i] = new Observation
            {
                Sensor = p.Sensor,
                SensorTime = stamp,
                ReceiveTime = stamp,
                Measurement = p.Measurement,
                UasId = p.UasId,
                OperatorPosition = p.Operator,
            };
        }

        return new ScenarioScan(time.Value, sensor.Sensor.Id, observations);
    }

    private void ReadDetections(SensorInfo? scanSensor)
    {
        _pump.ReadRequired();
        if (_pump.Token == JsonTokenType.Null)
        {
            return;
        }

        if (_pump.Token != JsonTokenType.StartArray)
        {
            throw Fault("detections", $"expected an array, got {Describe(_pump.Token)}");
        }

        _path.Push("detections", 0);
        for (var j = 0; ; j++)
        {
            _path.SetIndex(j);
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.StartObject)
            {
                throw _pump.Fault(_path.ToString(), $"expected a detection object, got {Describe(_pump.Token)}");
            }

            ReadDetection(scanSensor);
        }

        _path.Pop();
    }

    /// <summary>What one detection object said, before it is checked.</summary>
    private ref struct DetectionFields
    {
        public SensorInfo? Sensor;
        public bool SensorGiven;
        public MeasurementKind? Kind;
        public bool KindUnsupported;
        public int ValueCount;
        public bool ValueNotFinite;
        public double V0, V1, V2;
        public bool CovarianceGiven;
        public bool CovarianceShapeBad;
        public int CovarianceRows;
        public int CovarianceColumns;
        public bool CovarianceNotFinite;
        public string? UasId;
        public GeoPosition? Operator;
    }

    /// <summary>
    /// Reads one detection object. Faults in it are counted and the detection skipped; a detection
    /// without <c>sensor</c> takes the scan's sensor if the scan named it before its detections.
    /// <c>truth_id</c> is skipped unread.
    /// </summary>
    private void ReadDetection(SensorInfo? scanSensor)
    {
        var d = default(DetectionFields);
        while (NextProperty())
        {
            if (NameIs("sensor"u8))
            {
                d.SensorGiven = true;
                _pump.ReadRequired();
                d.Sensor = _pump.Token == JsonTokenType.String ? FindSensor(_pump.Value) : null;
                _pump.SkipValue();
            }
            else if (NameIs("kind"u8))
            {
                _pump.ReadRequired();
                d.Kind = _pump.Token != JsonTokenType.String ? null
                    : NameIs("rae"u8) ? MeasurementKind.RangeAzimuthElevation
                    : NameIs("enu"u8) ? MeasurementKind.EnuPosition
                    : null;
                d.KindUnsupported = d.Kind is null;
                _pump.SkipValue();
            }
            else if (NameIs("values"u8))
            {
                ReadDetectionValues(ref d);
            }
            else if (NameIs("covariance"u8))
            {
                ReadDetectionCovariance(ref d);
            }
            else if (NameIs("uas_id"u8))
            {
                _pump.ReadRequired();
                d.UasId = _pump.Token == JsonTokenType.String ? _pump.ValueString : null;
                _pump.SkipValue();
            }
            else if (NameIs("operator_wgs84"u8))
            {
                d.Operator = ReadOperatorPosition();
            }
            else
            {
                SkipPropertyValue();
            }
        }

        var sensor = d.SensorGiven ? d.Sensor : scanSensor;
        var fault = Check(ref d, sensor, out var measurement);
        if (fault != ObservationFault.None)
        {
            Faults.Add(fault);
            return;
        }

        _pending.Add(new PendingDetection(sensor!.Sensor.Id, measurement, d.UasId, d.Operator));
    }

    private ObservationFault Check(ref DetectionFields d, SensorInfo? sensor, out Measurement measurement)
    {
        measurement = default;
        if (sensor is null)
        {
            return ObservationFault.UnknownSensor;
        }

        var kind = d.Kind ?? sensor.Sensor.Kind;
        if (d.KindUnsupported || kind != sensor.Sensor.Kind)
        {
            return ObservationFault.UnsupportedKind;
        }

        var dimension = Measurement.DimensionOf(kind);
        if (d.ValueCount != dimension)
        {
            return ObservationFault.WrongValueCount;
        }

        if (d.ValueNotFinite)
        {
            return ObservationFault.NonFiniteValue;
        }

        if (d.CovarianceGiven && (d.CovarianceShapeBad || d.CovarianceRows != dimension || d.CovarianceColumns != dimension))
        {
            return ObservationFault.WrongValueCount;
        }

        if (d.CovarianceGiven && d.CovarianceNotFinite)
        {
            return ObservationFault.CovarianceNotPositiveDefinite;
        }

        var covariance = d.CovarianceGiven ? Matrix3x3.FromRowMajor(_covariance, 3) : sensor.DefaultCovariance;
        measurement = kind == MeasurementKind.RangeAzimuthElevation
            ? Measurement.RangeAzimuthElevation(d.V0, d.V1, d.V2, covariance, sensor.Sensor.Position)
            : Measurement.EnuPosition(new EnuVector(d.V0, d.V1, d.V2), covariance);
        return measurement.Validate();
    }

    /// <summary>
    /// Reads the extension field <c>operator_wgs84</c> ([lat deg, lon deg, h m] of a Remote ID operator); anything
    /// but three finite numbers with the latitude and longitude in range is ignored (the field is optional).
    /// </summary>
    private GeoPosition? ReadOperatorPosition()
    {
        _pump.ReadRequired();
        if (_pump.Token != JsonTokenType.StartArray)
        {
            _pump.SkipValue();
            return null;
        }

        Span<double> v = stackalloc double[3];
        var count = 0;
        var ok = true;
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.Number || !TryParseCurrentNumber(out var value) || count >= 3)
            {
                ok = false;
                _pump.SkipValue();
                continue;
            }

            v[count++] = value;
        }

        return ok && count == 3 && Math.Abs(v[0]) <= 90 && Math.Abs(v[1]) <= 180 && double.IsFinite(v[2]) ? new GeoPosition(v[0], v[1], v[2]) : null;
    }

    /// <summary>Reads <c>values</c>: numbers are kept (up to three); anything else marks the detection non-finite.</summary>
    private void ReadDetectionValues(ref DetectionFields d)
    {
        _pump.ReadRequired();
        if (_pump.Token != JsonTokenType.StartArray)
        {
            d.ValueCount = -1;
            _pump.SkipValue();
            return;
        }

        d.ValueCount = 0;
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                return;
            }

            var value = double.NaN;
            if (_pump.Token != JsonTokenType.Number || !TryParseCurrentNumber(out value))
            {
                d.ValueNotFinite = true;
                _pump.SkipValue();
            }

            switch (d.ValueCount++)
            {
                case 0: d.V0 = value; break;
                case 1: d.V1 = value; break;
                case 2: d.V2 = value; break;
            }
        }
    }

    /// <summary>Reads <c>covariance</c> as a nested row-major list into the scratch 3×3 (null = absent).</summary>
    private void ReadDetectionCovariance(ref DetectionFields d)
    {
        _pump.ReadRequired();
        if (_pump.Token == JsonTokenType.Null)
        {
            return;
        }

        d.CovarianceGiven = true;
        Array.Clear(_covariance);
        if (_pump.Token != JsonTokenType.StartArray)
        {
            d.CovarianceShapeBad = true;
            _pump.SkipValue();
            return;
        }

        var rows = 0;
        var expectedColumns = -1;
        while (true)
        {
            _pump.ReadRequired();
            if (_pump.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (_pump.Token != JsonTokenType.StartArray)
            {
                d.CovarianceShapeBad = true;
                _pump.SkipValue();
                rows++;
                continue;
            }

            var columns = 0;
            while (true)
            {
                _pump.ReadRequired();
                if (_pump.Token == JsonTokenType.EndArray)
                {
                    break;
                }

                var value = double.NaN;
                if (_pump.Token != JsonTokenType.Number || !TryParseCurrentNumber(out value))
                {
                    d.CovarianceNotFinite = true;
                    _pump.SkipValue();
                }

                if (rows < 3 && columns < 3)
                {
                    _covariance[(rows * 3) + columns] = value;
                }

                columns++;
            }

            d.CovarianceShapeBad |= expectedColumns >= 0 && columns != expectedColumns;
            expectedColumns = columns;
            rows++;
        }

        d.CovarianceRows = rows;
        d.CovarianceColumns = expectedColumns;
    }
}
