import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { originMatrix, pickTrack } from './pick';
import { lineStride, pilotStride, pointStride, type TrackBuffers } from './trackBuffers';

// The live picture drawn straight with WebGL as a MapLibre custom layer: the typed arrays of TrackBuffers go
// to three GL buffers (symbols, pilots, lines), re-sent with bufferSubData when the picture changed (whole
// buffers only when an array grew), and drawn with one call per primitive class — trails, pilot lines,
// vectors (GL lines), pilots and track symbols (GL points shaped in the fragment shader). No GeoJSON. With an
// overlay canvas the layer draws there, with its own WebGL context, instead of into MapLibre's: MapLibre's
// frames (camera moves) hand it their matrix and redraw it, and a picture update redraws only the overlay —
// the basemap is not painted again for it.

/** A CSS colour #rrggbb and an opacity as a premultiplied RGBA vector. */
function rgba(hex: string, alpha = 1): [number, number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(((v >> 16) & 255) / 255) * alpha, (((v >> 8) & 255) / 255) * alpha, ((v & 255) / 255) * alpha, alpha];
}

export interface TrackLayerColours {
  unknown: string;
  cooperative: string;
  manned: string;
  operator: string;
}

const lineVertex = `
precision highp float;
attribute vec4 a_data; // x, y (Mercator, origin-relative), colour class, distance along (Mercator)
uniform mat4 u_matrix;
uniform vec4 u_colours[4];
uniform float u_scale;
varying vec4 v_colour;
varying float v_along;
void main() {
  gl_Position = u_matrix * vec4(a_data.xy, 0.0, 1.0);
  v_colour = u_colours[int(a_data.z + 0.5)];
  v_along = a_data.w * u_scale;
}`;

const lineFragment = `
precision mediump float;
uniform float u_dash;
uniform float u_opacity;
varying vec4 v_colour;
varying float v_along;
void main() {
  if (u_dash > 0.0 && mod(v_along, 2.0 * u_dash) > u_dash) discard;
  gl_FragColor = v_colour * u_opacity;
}`;

const pointVertex = `
precision highp float;
attribute vec4 a_data; // x, y (Mercator, origin-relative), kind, heading (rad)
uniform mat4 u_matrix;
uniform float u_size;
uniform float u_bearing;
varying float v_kind;
varying vec2 v_dir;
void main() {
  gl_Position = u_matrix * vec4(a_data.xy, 0.0, 1.0);
  gl_PointSize = u_size;
  v_kind = a_data.z;
  float a = a_data.w - u_bearing;
  v_dir = vec2(cos(a), sin(a));
}`;

// Symbols in CSS px from the point's centre: a drone is a disc (r 6, white rim to 7.5) in its class's colour;
// a manned aircraft a triangle pointing along its heading (white rim 1.5); a pilot a white disc with a rim.
const pointFragment = `
precision mediump float;
uniform float u_extent; // the point's size in device px
uniform float u_dpr;
uniform float u_pilots;
uniform vec4 u_unknown;
uniform vec4 u_cooperative;
uniform vec4 u_manned;
uniform vec4 u_operator;
varying float v_kind;
varying vec2 v_dir;
void main() {
  vec2 p = (gl_PointCoord * 2.0 - 1.0) * (u_extent * 0.5) / u_dpr;
  vec4 fill = vec4(1.0);
  vec4 rim = vec4(1.0);
  float outer;
  float inner;
  if (u_pilots > 0.5) {
    float d = length(p);
    outer = d - 7.5;
    inner = d - 5.0;
    rim = u_operator;
  } else if (v_kind > 1.5) {
    vec2 q = vec2(v_dir.x * p.x + v_dir.y * p.y, -v_dir.y * p.x + v_dir.x * p.y);
    float base = q.y - 6.0;
    float right = (15.0 * q.x - 7.0 * (q.y + 10.0)) / 16.55;
    float left = (-15.0 * q.x - 7.0 * (q.y + 10.0)) / 16.55;
    outer = max(base, max(right, left)) - 1.5;
    inner = outer + 1.5;
    fill = u_manned;
  } else {
    float d = length(p);
    outer = d - 7.5;
    inner = d - 6.0;
    fill = v_kind > 0.5 ? u_cooperative : u_unknown;
  }
  float a = 1.0 - smoothstep(-0.6, 0.6, outer);
  if (a <= 0.0) discard;
  float f = 1.0 - smoothstep(-0.6, 0.6, inner);
  gl_FragColor = mix(rim, fill, f) * a;
}`;

interface Program {
  program: WebGLProgram;
  attribute: number;
  uniforms: Record<string, WebGLUniformLocation | null>;
}

function compile(gl: WebGLRenderingContext, vertex: string, fragment: string, uniforms: string[]): Program {
  const shader = (type: number, source: string) => {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, source);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`track layer shader: ${gl.getShaderInfoLog(s) ?? ''}`);
    return s;
  };
  const program = gl.createProgram()!;
  gl.attachShader(program, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`track layer program: ${gl.getProgramInfoLog(program) ?? ''}`);
  const locations: Record<string, WebGLUniformLocation | null> = {};
  for (const u of uniforms) locations[u] = gl.getUniformLocation(program, u);
  return { program, attribute: gl.getAttribLocation(program, 'a_data'), uniforms: locations };
}

/** Symbol point size (CSS px): room for the largest symbol (the manned triangle's tip at 10 px + rim + edge). */
const symbolSize = 26;

export class TrackLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Track symbols drawn in the last frame rendered. */
  drawnCount = 0;
  /** Tracks in the GL buffer as last uploaded (-1 before the first upload). */
  uploadedCount = -1;
  /** The packing version last uploaded. */
  uploadedVersion = -1;
  /** Frames rendered. */
  frames = 0;
  /** WebGL contexts the overlay lost (each made again when the browser restored it). */
  contextLosses = 0;
  private map: MapLibreMap | null = null;
  /** Torn down for good (dispose): never added again. */
  private disposed = false;
  private gl: WebGLRenderingContext | null = null;
  /** MapLibre's matrix of its last frame (the overlay's picture updates are drawn with it). */
  private readonly mainMatrix = new Float64Array(16);
  private hasMatrix = false;
  private overlayFrame: number | null = null;
  private lineProgram: Program | null = null;
  private pointProgram: Program | null = null;
  private pointBuffer: WebGLBuffer | null = null;
  private pilotBuffer: WebGLBuffer | null = null;
  private lineBuffer: WebGLBuffer | null = null;
  /** The array sizes the GL buffers were last created at (another size: bufferData again). */
  private sentPoints: number | null = null;
  private sentPilots: number | null = null;
  private sentLines: number | null = null;
  /** The last frame's origin matrix (double precision) and view size, for picking. */
  private readonly matrix = new Float64Array(16);
  private readonly matrix32 = new Float32Array(16);
  private viewWidth = 0;
  private viewHeight = 0;
  /** The largest GL point this context draws (device px); symbols are scaled down to fit when needed. */
  private maxPointSize = 64;
  private readonly colours: { unknown: number[]; cooperative: number[]; manned: number[]; operator: number[]; lines: Float32Array };

  constructor(readonly id: string, private readonly buffers: TrackBuffers, colours: TrackLayerColours, private readonly overlay: HTMLCanvasElement | null = null) {
    this.colours = {
      unknown: rgba(colours.unknown),
      cooperative: rgba(colours.cooperative),
      manned: rgba(colours.manned),
      operator: rgba(colours.operator),
      // Line colours by class: unknown, cooperative, manned, pilot line.
      lines: new Float32Array([...rgba(colours.unknown), ...rgba(colours.cooperative), ...rgba(colours.manned), ...rgba(colours.operator)]),
    };
    if (overlay) {
      // A lost context (a GPU reset, a driver update, too many contexts) is given back by the browser only when
      // asked to (preventDefault); then everything on it is gone and is made again: programs, buffers, the picture.
      // Listened to for the layer's whole life: the overlay may be lost while MapLibre has the layer out of its style.
      overlay.addEventListener('webglcontextlost', this.onContextLost);
      overlay.addEventListener('webglcontextrestored', this.onContextRestored);
    }
  }

  /**
   * MapLibre adds the layer: with its style at load, and again whenever the App re-adds it to a rebuilt style
   * (after MapLibre's own context was lost and restored, or any style reload). The overlay keeps its context.
   */
  onAdd(map: MapLibreMap, mapGl: WebGLRenderingContext | WebGL2RenderingContext): void {
    if (this.disposed) return;
    const gl = this.overlay ? this.overlay.getContext('webgl', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false }) : mapGl;
    if (!gl) throw new Error('track layer: no WebGL context for the overlay');
    // Added again without onRemove (a style replaced without destroying the old one): free what the last add made.
    if (this.gl) this.release();
    this.map = map;
    this.gl = gl;
    // An overlay lost while the layer was out of the style is set up when the browser restores it.
    if (!gl.isContextLost()) this.setUp(gl);
  }

  private readonly onContextLost = (e: Event): void => {
    e.preventDefault();
    this.contextLosses++;
    this.lineProgram = this.pointProgram = null;
    this.pointBuffer = this.pilotBuffer = this.lineBuffer = null;
    this.drawnCount = 0;
  };

  private readonly onContextRestored = (): void => {
    // Out of the style now: set up when added again.
    if (!this.gl || !this.map) return;
    this.setUp(this.gl);
    if (this.hasMatrix) this.draw(this.gl);
  };

  /** Compiles the programs and makes the buffers on `gl`; the next frame uploads the whole picture. */
  private setUp(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.lineProgram = compile(gl, lineVertex, lineFragment, ['u_matrix', 'u_colours', 'u_scale', 'u_dash', 'u_opacity']);
    this.pointProgram = compile(gl, pointVertex, pointFragment, ['u_matrix', 'u_size', 'u_extent', 'u_bearing', 'u_dpr', 'u_pilots', 'u_unknown', 'u_cooperative', 'u_manned', 'u_operator']);
    const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
    this.maxPointSize = range && range[1]! > 1 ? range[1]! : 64;
    this.pointBuffer = gl.createBuffer();
    this.pilotBuffer = gl.createBuffer();
    this.lineBuffer = gl.createBuffer();
    this.sentPoints = this.sentPilots = this.sentLines = null;
    this.uploadedVersion = -1;
  }

  /**
   * MapLibre takes the layer out of its style (its context lost, the map's style destroyed): programs and buffers
   * are freed and the overlay emptied, but the overlay and its context stay, for the layer to be added again.
   */
  onRemove(): void {
    this.release();
    this.map = this.gl = null;
  }

  /** The console is torn down: the layer is out for good, the overlay's context released and the canvas gone. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const gl = this.gl ?? (this.overlay ? (this.overlay.getContext('webgl') as WebGLRenderingContext | null) : null);
    this.onRemove();
    const overlay = this.overlay;
    if (!overlay) return;
    overlay.removeEventListener('webglcontextlost', this.onContextLost);
    overlay.removeEventListener('webglcontextrestored', this.onContextRestored);
    if (gl && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
    overlay.width = overlay.height = 0;
    overlay.remove();
  }

  /** Frees the programs and buffers made on the current context, and empties the overlay; nothing is drawn. */
  private release(): void {
    const gl = this.gl;
    if (this.overlayFrame !== null) cancelAnimationFrame(this.overlayFrame);
    this.overlayFrame = null;
    if (gl && !gl.isContextLost()) {
      for (const b of [this.pointBuffer, this.pilotBuffer, this.lineBuffer]) if (b) gl.deleteBuffer(b);
      for (const p of [this.lineProgram, this.pointProgram]) if (p) gl.deleteProgram(p.program);
      if (this.overlay) {
        gl.clearColor(0, 0, 0, 0);
        gl.clear(gl.COLOR_BUFFER_BIT);
      }
    }
    this.lineProgram = this.pointProgram = null;
    this.pointBuffer = this.pilotBuffer = this.lineBuffer = null;
    this.sentPoints = this.sentPilots = this.sentLines = null;
    this.uploadedVersion = -1;
    this.drawnCount = 0;
    this.hasMatrix = false;
    this.viewWidth = this.viewHeight = 0;
  }

  /** The buffers were re-packed: one repaint (of the overlay only, when there is one). */
  changed(): void {
    if (!this.overlay) {
      this.map?.triggerRepaint();
      return;
    }
    if (this.overlayFrame !== null || !this.hasMatrix) return;
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = null;
      if (this.gl) this.draw(this.gl);
    });
  }

  /** The track under pixel x, y of the map's container (within `radius` px), as drawn in the last frame. */
  pick(x: number, y: number, radius = 9): number | null {
    if (this.viewWidth === 0 || this.uploadedVersion < 0) return null;
    return pickTrack(this.buffers, this.matrix, this.viewWidth, this.viewHeight, x, y, radius);
  }

  /** MapLibre's frame: its matrix is kept, and the picture drawn (into the overlay when there is one). */
  render(gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    this.mainMatrix.set(options.defaultProjectionData.mainMatrix);
    this.hasMatrix = true;
    if (this.overlay && this.overlayFrame !== null) {
      cancelAnimationFrame(this.overlayFrame);
      this.overlayFrame = null;
    }
    this.draw(this.overlay ? this.gl! : gl);
  }

  private draw(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    const map = this.map;
    const b = this.buffers;
    if (!map || !this.lineProgram || !this.pointProgram) return;
    this.frames++;
    if (this.overlay) {
      // The overlay matches the map's canvas (device pixels and CSS size) and starts each frame empty.
      const c = map.getCanvas();
      const o = this.overlay;
      if (o.width !== c.width || o.height !== c.height) {
        o.width = c.width;
        o.height = c.height;
      }
      if (o.style.width !== c.style.width || o.style.height !== c.style.height) {
        o.style.width = c.style.width;
        o.style.height = c.style.height;
      }
      gl.viewport(0, 0, o.width, o.height);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    this.upload(gl);
    this.drawnCount = 0;
    if (b.count === 0 || Number.isNaN(b.originX)) return;
    originMatrix(this.mainMatrix, b.originX, b.originY, this.matrix);
    this.matrix32.set(this.matrix);
    const canvas = map.getCanvas();
    this.viewWidth = canvas.clientWidth;
    this.viewHeight = canvas.clientHeight;
    const dpr = canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : 1;
    // Mercator units → CSS px at the current zoom (512 px tiles), for the pilot lines' dashes.
    const scale = 512 * 2 ** map.getZoom();
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);

    // Lines: trails (faint), pilot lines (dashed), vectors.
    const lp = this.lineProgram;
    gl.useProgram(lp.program);
    gl.uniformMatrix4fv(lp.uniforms['u_matrix']!, false, this.matrix32);
    gl.uniform4fv(lp.uniforms['u_colours']!, this.colours.lines);
    gl.uniform1f(lp.uniforms['u_scale']!, scale);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.lineBuffer);
    gl.enableVertexAttribArray(lp.attribute);
    gl.vertexAttribPointer(lp.attribute, 4, gl.FLOAT, false, lineStride * 4, 0);
    const r = b.ranges;
    const lines = (first: number, count: number, opacity: number, dash: number) => {
      if (count === 0) return;
      gl.uniform1f(lp.uniforms['u_opacity']!, opacity);
      gl.uniform1f(lp.uniforms['u_dash']!, dash);
      gl.drawArrays(gl.LINES, first, count);
    };
    lines(r.trails.first, r.trails.count, 0.6, 0);
    lines(r.pilotLines.first, r.pilotLines.count, 0.9, 4);
    lines(r.vectors.first, r.vectors.count, 1, 0);
    gl.disableVertexAttribArray(lp.attribute);

    // Points: pilots, then the track symbols on top.
    const pp = this.pointProgram;
    gl.useProgram(pp.program);
    gl.uniformMatrix4fv(pp.uniforms['u_matrix']!, false, this.matrix32);
    // A very dense screen may ask for points larger than the context draws: the symbols shrink to fit.
    const size = Math.min(symbolSize * dpr, this.maxPointSize);
    gl.uniform1f(pp.uniforms['u_size']!, size);
    gl.uniform1f(pp.uniforms['u_extent']!, size);
    gl.uniform1f(pp.uniforms['u_dpr']!, size / symbolSize);
    gl.uniform1f(pp.uniforms['u_bearing']!, (map.getBearing() * Math.PI) / 180);
    gl.uniform4fv(pp.uniforms['u_unknown']!, this.colours.unknown);
    gl.uniform4fv(pp.uniforms['u_cooperative']!, this.colours.cooperative);
    gl.uniform4fv(pp.uniforms['u_manned']!, this.colours.manned);
    gl.uniform4fv(pp.uniforms['u_operator']!, this.colours.operator);
    gl.enableVertexAttribArray(pp.attribute);
    if (b.pilotCount > 0) {
      gl.uniform1f(pp.uniforms['u_pilots']!, 1);
      gl.bindBuffer(gl.ARRAY_BUFFER, this.pilotBuffer);
      gl.vertexAttribPointer(pp.attribute, 2, gl.FLOAT, false, pilotStride * 4, 0);
      gl.drawArrays(gl.POINTS, 0, b.pilotCount);
    }
    gl.uniform1f(pp.uniforms['u_pilots']!, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.pointBuffer);
    gl.vertexAttribPointer(pp.attribute, 4, gl.FLOAT, false, pointStride * 4, 0);
    gl.drawArrays(gl.POINTS, 0, b.count);
    gl.disableVertexAttribArray(pp.attribute);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.drawnCount = b.count;
  }

  /** Sends what changed since the last frame: the used part of each array, or the whole array when it grew. */
  private upload(gl: WebGLRenderingContext): void {
    const b = this.buffers;
    if (b.version === this.uploadedVersion) return;
    // By size, not identity: the worker's arrays alternate (double buffering) at the same size.
    const send = (buffer: WebGLBuffer | null, array: Float32Array, sent: number | null, used: number): number => {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      if (array.length !== sent) gl.bufferData(gl.ARRAY_BUFFER, array, gl.DYNAMIC_DRAW);
      else if (used > 0) gl.bufferSubData(gl.ARRAY_BUFFER, 0, array.subarray(0, used));
      return array.length;
    };
    this.sentPoints = send(this.pointBuffer, b.points, this.sentPoints, b.count * pointStride);
    this.sentPilots = send(this.pilotBuffer, b.pilots, this.sentPilots, b.pilotCount * pilotStride);
    this.sentLines = send(this.lineBuffer, b.lines, this.sentLines, b.lineVertices * lineStride);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.uploadedVersion = b.version;
    this.uploadedCount = b.count;
  }
}
