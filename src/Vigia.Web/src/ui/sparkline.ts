const svgNs = 'http://www.w3.org/2000/svg';

/** The SVG path of `values` scaled into width×height (min at the bottom), or '' with fewer than 2 points. */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / (finite.length - 1);
  return finite
    .map((v, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`)
    .join(' ');
}

export function sparkline(values: readonly number[], label: string, width = 220, height = 36): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('sparkline');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', sparklinePath(values, width, height));
  svg.append(path);
  return svg;
}
