import type { ProgressSnapshot } from '@tracecart/loadgen';
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 52, right: 12, top: 12, bottom: 26 };
const SERIES: Array<{ key: 'p50Ms' | 'p95Ms' | 'p99Ms'; label: string; color: string }> = [
  { key: 'p50Ms', label: 'p50', color: '#4c78a8' },
  { key: 'p95Ms', label: 'p95', color: '#e8871e' },
  { key: 'p99Ms', label: 'p99', color: '#d1495b' },
];

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A y-axis top that is a round number above every value. */
function niceCeiling(value: number): number {
  if (value <= 0) return 100;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil((value * 1.1) / step) * step;
}

/** What the chart draws: snapshots so far, the run's length and the SLO objectives. */
export interface ChartData {
  progress: ProgressSnapshot[];
  durationMs: number;
  objectives: Array<{ percentile: number; thresholdMs: number }>;
}

function axes(svg: SVGElement, maxMs: number, durationMs: number): void {
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + plotH - (plotH * i) / 4;
    svg.append(el('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, `${Math.round((maxMs * i) / 4)} ms`));
  }
  for (let i = 0; i <= 4; i++) {
    const x = PAD.left + ((WIDTH - PAD.left - PAD.right) * i) / 4;
    svg.append(el('text', { x, y: HEIGHT - 8, 'text-anchor': 'middle', class: 'axis' }, `${((durationMs * i) / 4 / 1000).toFixed(0)} s`));
  }
}

/** Draws p50/p95/p99 (since the start of the run) over time, with each SLO threshold as a dashed line. */
export function drawLatencyChart(svg: SVGSVGElement, data: ChartData): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const values = data.progress.flatMap((p) => SERIES.map((s) => p[s.key]));
  const maxMs = niceCeiling(Math.max(0, ...values, ...data.objectives.map((o) => o.thresholdMs)));
  const durationMs = Math.max(data.durationMs, ...data.progress.map((p) => p.elapsedMs), 1);
  const x = (ms: number) => PAD.left + ((WIDTH - PAD.left - PAD.right) * Math.min(ms, durationMs)) / durationMs;
  const y = (ms: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - Math.min(ms, maxMs) / maxMs);
  axes(svg, maxMs, durationMs);
  for (const o of data.objectives) {
    svg.append(el('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(o.thresholdMs), y2: y(o.thresholdMs), class: 'slo-line' }));
    svg.append(el('text', { x: WIDTH - PAD.right - 4, y: y(o.thresholdMs) - 5, 'text-anchor': 'end', class: 'slo-label' }, `SLO: p${o.percentile} < ${o.thresholdMs} ms`));
  }
  const points = data.progress.filter((p) => p.completed > 0);
  for (const s of SERIES) {
    if (points.length === 0) break;
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.elapsedMs).toFixed(1)},${y(p[s.key]).toFixed(1)}`).join(' ');
    svg.append(el('path', { d, class: 'series', stroke: s.color }));
  }
}

/** The chart's legend. */
export function chartLegend(): HTMLElement {
  const items = SERIES.map((s) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${s.color}` }), s.label));
  return h('div', { class: 'legend' }, ...items, h('span', { class: 'legend-item' }, h('span', { class: 'swatch dashed' }), 'SLO threshold'));
}
