import { pointStride, type TrackBuffers } from './trackBuffers';

// Picking on the CPU: which track symbol is under a pointer, found by projecting the packed positions with
// the same matrix the WebGL layer drew them with. Pure (no WebGL, no DOM), so it is tested in Node.

/**
 * `matrix` (column-major 4×4, Mercator → clip space, as MapLibre gives a custom layer) followed by a
 * translation by the origin, in double precision: the matrix that takes the buffers' origin-relative
 * positions to clip space. Written into `out`.
 */
export function originMatrix(matrix: ArrayLike<number>, ox: number, oy: number, out: Float64Array): Float64Array {
  for (let i = 0; i < 12; i++) out[i] = matrix[i]!;
  for (let r = 0; r < 4; r++) out[12 + r] = matrix[r]! * ox + matrix[4 + r]! * oy + matrix[12 + r]!;
  return out;
}

/** The pixel (CSS px from the top left of a `width`×`height` view) of the origin-relative point x, y; null behind the camera. */
export function projectToPixel(m: ArrayLike<number>, x: number, y: number, width: number, height: number): { x: number; y: number } | null {
  const w = m[3]! * x + m[7]! * y + m[15]!;
  if (!(w > 0)) return null;
  const cx = (m[0]! * x + m[4]! * y + m[12]!) / w;
  const cy = (m[1]! * x + m[5]! * y + m[13]!) / w;
  return { x: ((cx + 1) / 2) * width, y: ((1 - cy) / 2) * height };
}

/**
 * The track whose symbol is nearest to pixel px, py and within `radius` px of it, or null. `m` is the
 * origin matrix of the frame drawn (originMatrix); `width` × `height` the view in CSS px. When symbols
 * overlap, the one drawn last (on top) wins a tie.
 */
export function pickTrack(buffers: TrackBuffers, m: ArrayLike<number>, width: number, height: number, px: number, py: number, radius: number): number | null {
  const p = buffers.points;
  let best = -1;
  let bestD = radius * radius;
  const m0 = m[0]!, m1 = m[1]!, m3 = m[3]!, m4 = m[4]!, m5 = m[5]!, m7 = m[7]!, m12 = m[12]!, m13 = m[13]!, m15 = m[15]!;
  for (let s = 0; s < buffers.count; s++) {
    const x = p[s * pointStride]!;
    const y = p[s * pointStride + 1]!;
    const w = m3 * x + m7 * y + m15;
    if (!(w > 0)) continue;
    const sx = (((m0 * x + m4 * y + m12) / w + 1) / 2) * width;
    const sy = ((1 - (m1 * x + m5 * y + m13) / w) / 2) * height;
    const d = (sx - px) ** 2 + (sy - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = s;
    }
  }
  return best < 0 ? null : buffers.ids[best]!;
}
