import type { CSSProperties } from 'react';

/** `#RRGGBB` at the given opacity as an rgba() colour. */
export function hexToRgba(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgba(128, 128, 128, ${alpha})`;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/**
 * Style for a piece of text covered by codes of these colours: each code adds a translucent
 * layer (so overlaps are visibly darker) and a coloured underline of its own (so overlapping
 * codes stay distinguishable, and colour is not the only cue: names are in the title).
 */
export function highlightStyle(colours: readonly string[]): CSSProperties | undefined {
  if (colours.length === 0) return undefined;
  const layers = colours.map((c) => {
    const rgba = hexToRgba(c, 0.22);
    return `linear-gradient(${rgba}, ${rgba})`;
  });
  const underlines = colours.slice(0, 4).map((c, i) => `inset 0 -${2 * (i + 1)}px 0 ${c}`);
  return { backgroundImage: layers.join(', '), boxShadow: underlines.join(', ') };
}
