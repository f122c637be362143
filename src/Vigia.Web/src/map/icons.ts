// Sensor icons drawn in code (no sprite sheet to fetch): a shape per kind, a colour per state.

export type Shape = 'diamond' | 'triangle' | 'square';

export function shapeOf(kind: string): Shape {
  if (kind === 'radar') return 'diamond';
  if (kind === 'remote-id' || kind === 'adsb') return 'triangle';
  return 'square';
}

function inside(shape: Shape, x: number, y: number): boolean {
  // x, y in -1…1 from the icon's centre.
  switch (shape) {
    case 'diamond':
      return Math.abs(x) + Math.abs(y) <= 0.95;
    case 'triangle':
      return y <= 0.85 && y >= -0.9 && Math.abs(x) <= ((y + 0.9) / 1.75) * 0.95;
    case 'square':
      return Math.abs(x) <= 0.75 && Math.abs(y) <= 0.75;
  }
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** RGBA pixels of one icon: the shape filled with `colour`, a white outline, transparent outside. */
export function iconPixels(shape: Shape, colour: string, size = 22): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = rgb(colour);
  const edge = 2.5 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = ((px + 0.5) / size) * 2 - 1;
      const y = ((py + 0.5) / size) * 2 - 1;
      const i = (py * size + px) * 4;
      if (!inside(shape, x / (1 - edge * 2), y / (1 - edge * 2))) {
        if (inside(shape, x, y) || inside(shape, x * 0.9, y * 0.9)) {
          data.set([255, 255, 255, 255], i);
        }
        continue;
      }
      data.set([r, g, b, 255], i);
    }
  }
  return { width: size, height: size, data };
}
