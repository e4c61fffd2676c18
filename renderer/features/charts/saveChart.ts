/**
 * Save a chart as SVG or PNG through the platform's save-file API (a save dialog in Electron, a
 * download in the browser). The SVG is renderChartSvg's, byte for byte what packs and the CLI draw;
 * the PNG is that SVG drawn through an <img> onto a canvas at 2× scale.
 */
import type { ChartSpec } from '../../../shared/report/chart-spec';
import { safeFileName } from '../../../shared/export/file-name';
import { renderChartSvg } from '../../charts/svg';
import { getPlatform } from '../../platform';

export type ChartFormat = 'svg' | 'png';

/** The width charts are saved at (the SVG scales; the PNG is twice this in pixels). */
export const SAVED_CHART_WIDTH = 800;
export const PNG_SCALE = 2;

const MIME: Record<ChartFormat, string> = { svg: 'image/svg+xml', png: 'image/png' };

/** Rasterise a standalone SVG string at `scale` (CSP allows blob: images). */
export async function svgToPng(svg: string, scale = PNG_SCALE, doc: Document = document): Promise<Uint8Array> {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  if (!(width > 0 && height > 0)) throw new Error('the chart has no size to draw');
  const url = URL.createObjectURL(new Blob([svg], { type: MIME.svg }));
  try {
    const img = doc.createElement('img');
    img.width = width;
    img.height = height;
    img.src = url;
    await img.decode();
    const canvas = doc.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw a PNG (no 2D canvas)');
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, MIME.png));
    if (!blob) throw new Error('the PNG could not be made');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file name a chart is offered under. */
export function chartFileName(spec: ChartSpec, format: ChartFormat): string {
  return `${safeFileName(spec.title, 'chart')}.${format}`;
}

/** Returns the file name offered, or null if the user cancelled. */
export async function saveChart(spec: ChartSpec, format: ChartFormat): Promise<string | null> {
  const svg = renderChartSvg(spec, document, { width: SAVED_CHART_WIDTH });
  const bytes = format === 'svg' ? new TextEncoder().encode(svg) : await svgToPng(svg);
  const name = chartFileName(spec, format);
  return (await getPlatform().saveFile(name, bytes, MIME[format])) ? name : null;
}
