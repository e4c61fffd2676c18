/** REFI-QDA codebook exchange (.qdc, urn:QDA-XML:codebook:1.0). */
import { Code } from '../model';
import { normaliseColour, paletteColour } from './colours';
import { ExchangeError } from './errors';
import { cleanGuid, deriveGuid } from './ids';
import { attr, children, child, childText, parseXml, rootOf, XmlWriter, type XmlNode } from './xml';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** A codebook as .qdc XML; children follow their `order`. Valid against Codebook.xsd. */
export function writeQdc(codes: Code[]): string {
  if (codes.length === 0) throw new ExchangeError('a REFI-QDA codebook needs at least one code');
  const ids = new Set(codes.map((c) => c.id));
  const kids = new Map<string | null, Code[]>();
  for (const c of codes) {
    const p = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    kids.set(p, [...(kids.get(p) ?? []), c]);
  }
  const sorted = (p: string | null) => (kids.get(p) ?? []).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const w = new XmlWriter();
  const seen = new Set<string>();
  const write = (c: Code) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    const attrs = { guid: c.id, name: c.name, isCodable: 'true', color: c.colour };
    const sub = sorted(c.id);
    if (!c.definition && sub.length === 0) return void w.empty('Code', attrs);
    w.open('Code', attrs);
    if (c.definition) w.text('Description', c.definition);
    sub.forEach(write);
    w.close('Code');
  };
  w.open('CodeBook', { xmlns: CODEBOOK_NS, origin: 'Chorus' }).open('Codes');
  sorted(null).forEach(write);
  w.close('Codes').close('CodeBook');
  return w.toString();
}

/**
 * Codes from .qdc XML (any namespace variant, e.g. ATLAS.ti 23.4). Sets are ignored.
 * `now` dates the codes; ids are the file's GUIDs (a duplicate or invalid one gets a derived GUID).
 */
export function readQdc(xml: string, projectId: string, now: string = new Date().toISOString()): Code[] {
  const doc = parseXml(xml, new Set(['Code', 'Set', 'MemberCode']), 'codebook');
  const root = rootOf(doc, 'codebook');
  if (root.name !== 'CodeBook') throw new ExchangeError(`not a REFI-QDA codebook (root element ${root.name})`);
  const top = children(child(root.node, 'Codes'), 'Code');
  if (top.length === 0) throw new ExchangeError('not a REFI-QDA codebook (no Codes/Code elements)');
  const out: Code[] = [];
  const used = new Set<string>();
  let colourIndex = 0;
  const read = (node: XmlNode, parentId: string | null, order: number) => {
    let id = cleanGuid(attr(node, 'guid')) ?? deriveGuid(`qdc:${out.length}:${attr(node, 'name') ?? ''}`);
    if (used.has(id.toLowerCase())) id = deriveGuid(`qdc-dup:${id}:${out.length}`);
    used.add(id.toLowerCase());
    const name = (attr(node, 'name') ?? '').trim().slice(0, 200) || 'Unnamed code';
    const parsed = Code.safeParse({
      id,
      projectId,
      parentId,
      name,
      definition: childText(node, 'Description') ?? '',
      colour: normaliseColour(attr(node, 'color')) ?? paletteColour(colourIndex++),
      order,
      createdAt: now,
    });
    if (!parsed.success) throw new ExchangeError(`code "${name}" is not valid (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    out.push(parsed.data);
    children(node, 'Code').forEach((c, i) => read(c, id, i));
  };
  top.forEach((c, i) => read(c, null, i));
  return out;
}
