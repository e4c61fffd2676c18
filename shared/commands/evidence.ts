/**
 * Evidence commands: star a coded segment (or any span of a document) as a candidate quote, and
 * unstar it. The quote keeps only the place (document and offsets, and the coding it came from);
 * its text is always read from the document, never copied.
 */
import type { Quote } from '../model';
import { put } from './codebook';
import type { Handler } from './types';

export type EvidenceCommand =
  | { type: 'starQuote'; documentId: string; start: number; end: number; codingId?: string; coderId: string; note?: string }
  | { type: 'unstarQuote'; quoteId: string }
  /** A person (the coder) confirms a candidate quote safe to publish, having seen the quote-safety check. */
  | { type: 'confirmQuote'; quoteId: string; coderId: string }
  | { type: 'unconfirmQuote'; quoteId: string };

type Of<T extends EvidenceCommand['type']> = Extract<EvidenceCommand, { type: T }>;

const starQuote: Handler<Of<'starQuote'>, Quote> = {
  writes: ['quotes'],
  reads: (cmd) => ({ documentIds: [cmd.documentId], quotesOn: [cmd.documentId], ...(cmd.codingId ? { codingIds: [cmd.codingId] } : {}) }),
  plan(state, cmd, ctx) {
    const doc = state.documents.find((d) => d.id === cmd.documentId && d.projectId === ctx.projectId);
    if (!doc) throw new Error('That document is not in this project');
    if (cmd.codingId) {
      // a coded segment's place is the coding's own (as stored, even where an import left it past the end)
      const coding = state.codings.find((c) => c.id === cmd.codingId);
      if (!coding || coding.projectId !== ctx.projectId) throw new Error('That coded segment is not in this project');
      if (coding.documentId !== cmd.documentId || coding.start !== cmd.start || coding.end !== cmd.end) throw new Error('The quote does not match its coded segment');
    } else if (!Number.isInteger(cmd.start) || !Number.isInteger(cmd.end) || cmd.start < 0 || cmd.end <= cmd.start || cmd.end > doc.length)
      throw new Error(`A quote must be a non-empty span inside the document (0–${doc.length}); got ${cmd.start}–${cmd.end}`);
    const already = state.quotes.find((q) => q.documentId === cmd.documentId && q.start === cmd.start && q.end === cmd.end);
    if (already) throw new Error('This segment is already a candidate quote');
    const quote: Quote = {
      id: ctx.newId(),
      projectId: ctx.projectId,
      documentId: cmd.documentId,
      start: cmd.start,
      end: cmd.end,
      ...(cmd.codingId ? { codingId: cmd.codingId } : {}),
      starredBy: cmd.coderId,
      at: ctx.now,
      note: cmd.note ?? '',
    };
    return { ops: [put('quotes', quote, true)], step: { label: 'Star a quote' }, audit: { action: 'quote.star', ids: [quote.id, doc.id] }, result: quote };
  },
};

const unstarQuote: Handler<Of<'unstarQuote'>, { quoteId: string }> = {
  writes: ['quotes'],
  reads: (cmd) => ({ quoteIds: [cmd.quoteId] }),
  plan(state, cmd, ctx) {
    const quote = state.quotes.find((q) => q.id === cmd.quoteId && q.projectId === ctx.projectId);
    if (!quote) throw new Error('That quote is not in this project (it may have been unstarred already)');
    return {
      ops: [{ table: 'quotes', key: quote.id, row: null }],
      step: { label: 'Unstar a quote' },
      audit: { action: 'quote.unstar', ids: [quote.id] },
      result: { quoteId: quote.id },
    };
  },
};

const quoteIn = (state: { quotes: readonly Quote[] }, id: string, projectId: string): Quote => {
  const quote = state.quotes.find((q) => q.id === id && q.projectId === projectId);
  if (!quote) throw new Error('That quote is not in this project (it may have been unstarred)');
  return quote;
};

const confirmQuote: Handler<Of<'confirmQuote'>, Quote> = {
  writes: ['quotes'],
  reads: (cmd) => ({ quoteIds: [cmd.quoteId] }),
  plan(state, cmd, ctx) {
    const quote = quoteIn(state, cmd.quoteId, ctx.projectId);
    if (!cmd.coderId) throw new Error('Choose who you are (the coder) before confirming a quote for publication.');
    if (quote.confirmedBy) throw new Error('This quote is already confirmed for publication');
    const row: Quote = { ...quote, confirmedBy: cmd.coderId, confirmedAt: ctx.now };
    return { ops: [put('quotes', row)], step: { label: 'Confirm a quote for publication' }, audit: { action: 'quote.confirm', ids: [quote.id] }, result: row };
  },
};

const unconfirmQuote: Handler<Of<'unconfirmQuote'>, Quote> = {
  writes: ['quotes'],
  reads: (cmd) => ({ quoteIds: [cmd.quoteId] }),
  plan(state, cmd, ctx) {
    const quote = quoteIn(state, cmd.quoteId, ctx.projectId);
    if (!quote.confirmedBy) throw new Error('This quote is not confirmed for publication');
    const { confirmedBy: _by, confirmedAt: _at, ...row } = quote;
    return { ops: [put('quotes', row)], step: { label: 'Withdraw a quote’s confirmation' }, audit: { action: 'quote.unconfirm', ids: [quote.id] }, result: row };
  },
};

export const evidenceHandlers = { starQuote, unstarQuote, confirmQuote, unconfirmQuote };
