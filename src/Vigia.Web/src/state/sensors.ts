import type { Sensor, SensorsEvent } from '../api/types';

/** The latest sensor health report (stream event `sensors`, or GET /api/v1/sensors). */
export class SensorStore {
  sensors: Sensor[] = [];
  version = 0;

  apply(sensors: Sensor[] | SensorsEvent): void {
    const list = Array.isArray(sensors) ? sensors : sensors.sensors;
    this.sensors = (Array.isArray(list) ? list : []).filter((s): s is Sensor => typeof s === 'object' && s !== null && typeof s.id === 'string');
    this.version++;
  }
}
