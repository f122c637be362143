import { describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import { originMatrix, pickTrack, projectToPixel } from './pick';
import { mercatorX, mercatorY, TrackBuffers } from './trackBuffers';

// A plain top-down view: Mercator → clip space scaled by k around the centre cx, cy (column-major 4×4).
function view(cx: number, cy: number, k: number): Float64Array {
  const m = new Float64Array(16);
  m[0] = k;
  m[5] = -k;
  m[10] = 1;
  m[12] = -cx * k;
  m[13] = cy * k;
  m[15] = 1;
  return m;
}

const track = (id: number, lat: number, lon: number): Track => ({ id, status: 'confirmed', time: '2026-11-25T18:00:00Z', position: { lat, lon, h: 400 }, cooperative: true });

describe('picking', () => {
  const width = 800;
  const height = 600;
  const cx = mercatorX(-102.84);
  const cy = mercatorY(19.19);
  // Zoom 14 (512 px tiles: 512 · 2^14 px per Mercator unit) across 800 px; clip space spans 2.
  const base = view(cx, cy, (2 * 512 * 2 ** 14) / width);
  const b = new TrackBuffers();
  b.pack([track(10, 19.19, -102.84), track(11, 19.19, -102.8395), track(12, 19.2, -102.83)], new Map());
  const m = originMatrix(base, b.originX, b.originY, new Float64Array(16));

  it('folds the origin into the matrix: origin-relative points land where absolute ones did', () => {
    const at = projectToPixel(m, b.points[4]!, b.points[5]!, width, height)!;
    const abs = projectToPixel(base, mercatorX(-102.8395), mercatorY(19.19), width, height)!;
    expect(at.x).toBeCloseTo(abs.x, 3);
    expect(at.y).toBeCloseTo(abs.y, 3);
    expect(projectToPixel(m, 0, 0, width, height)).toEqual({ x: 400, y: 300 });
  });

  it('finds the track under the pointer, the nearest when symbols overlap, nothing beyond the radius', () => {
    expect(pickTrack(b, m, width, height, 400, 300, 9)).toBe(10);
    const p11 = projectToPixel(m, b.points[4]!, b.points[5]!, width, height)!;
    expect(p11.x - 400).toBeGreaterThan(10); // ~12 px east at this scale
    expect(pickTrack(b, m, width, height, p11.x - 3, p11.y + 2, 9)).toBe(11);
    expect(pickTrack(b, m, width, height, 400 + 5, 300, 9)).toBe(10);
    expect(pickTrack(b, m, width, height, 400 - 12, 300, 9)).toBeNull();
    const p12 = projectToPixel(m, b.points[8]!, b.points[9]!, width, height)!;
    expect(p12.y).toBeLessThan(300); // north is up
    expect(pickTrack(b, m, width, height, p12.x, p12.y, 9)).toBe(12);
  });

  it('picks nothing when there is no track, or behind the camera', () => {
    expect(pickTrack(new TrackBuffers(), m, width, height, 400, 300, 9)).toBeNull();
    const behind = new Float64Array(m);
    behind[15] = -1;
    expect(pickTrack(b, behind, width, height, 400, 300, 9)).toBeNull();
  });
});
