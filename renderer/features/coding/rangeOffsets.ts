/**
 * Maps DOM selection points to text offsets. The viewer renders every piece of document text
 * as `<span data-start="N" data-end="M">text</span>` holding exactly one text node, so a point
 * inside such a text node is `N + offset`. Points anywhere else (speaker labels, block
 * elements, the root) map to the start of the next text segment in document order, or to
 * the end of the last one.
 */
import type { TextSpan } from './words';

function segmentOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
  return el && el.hasAttribute('data-start') ? el : null;
}

function num(el: Element, attr: string): number {
  return Number(el.getAttribute(attr));
}

export function pointToOffset(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const seg = segmentOf(node);
  if (seg) {
    const len = node.textContent?.length ?? 0;
    return num(seg, 'data-start') + Math.max(0, Math.min(offset, len));
  }
  const segments = root.querySelectorAll('[data-start]');
  if (segments.length === 0) return null;
  const doc = root.ownerDocument;
  const probe = doc.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  for (const el of segments) {
    if (el === node) return offset === 0 ? num(el, 'data-start') : num(el, 'data-end');
    // comparePoint: -1 = (el, 0) lies before the probe point, 0 = at it, 1 = after it.
    if (probe.comparePoint(el, 0) >= 0) return num(el, 'data-start');
  }
  return num(segments[segments.length - 1]!, 'data-end');
}

/** The text span a DOM range covers within `root`, or null if it is empty or outside. */
export function rangeToOffsets(root: Element, range: Range): TextSpan | null {
  const a = pointToOffset(root, range.startContainer, range.startOffset);
  const b = pointToOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}

/** The DOM point for a text offset (inverse of pointToOffset), used by tests and scrolling. */
export function offsetToPoint(root: Element, offset: number): { node: Node; offset: number } | null {
  for (const el of root.querySelectorAll('[data-start]')) {
    const s = num(el, 'data-start');
    const e = num(el, 'data-end');
    if (offset >= s && offset <= e && el.firstChild) return { node: el.firstChild, offset: offset - s };
  }
  return null;
}
