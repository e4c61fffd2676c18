/** Fonts, sizes and ink colours for the two chart themes. Fonts are generic so exported SVG is self-contained. */
export type ChartThemeName = 'screen' | 'print';

export interface ChartTheme {
  name: ChartThemeName;
  font: string;
  fontSize: number;
  titleSize: number;
  ink: string;
  muted: string;
  grid: string;
  axis: string;
  /** Background fill; null for transparent. */
  background: string | null;
  strokeWidth: number;
}

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export function chartTheme(name: ChartThemeName = 'screen'): ChartTheme {
  return name === 'print'
    ? { name, font: 'Arial, Helvetica, sans-serif', fontSize: 12, titleSize: 15, ink: '#000000', muted: '#404040', grid: '#CCCCCC', axis: '#000000', background: '#FFFFFF', strokeWidth: 2.5 }
    : { name, font: FONT_FAMILY, fontSize: 12, titleSize: 15, ink: '#1A1A1A', muted: '#555555', grid: '#E3E3E3', axis: '#6B6B6B', background: '#FFFFFF', strokeWidth: 2 };
}
