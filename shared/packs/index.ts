/** Audience packs: template + project → document model → HTML / DOCX / PDF definition / XLSX. */
export * from './model';
export * from './templates';
export * from './input';
export { buildPack, packTable, strengthText, publicMethod } from './build';
export { gatherPackInput } from './gather';
export { readability, readabilityStatement, TARGET_READING_AGE, type Readability } from './readability';
export { quoteRefusals, personalDataIn, sharedBy, quoteSafety, publishedAttributes, speakerAttributes, speakerPopulation, type QuoteSafety } from './quote-safety';
export { packToHtml, escapeHtml } from './writers/html';
export { packToDocx } from './writers/docx';
export { packToPdfDefinition } from './writers/pdf';
export { packToXlsx } from './writers/xlsx';

export { makePack, templateFor, PACK_FORMATS, type PackFormat } from './make';
