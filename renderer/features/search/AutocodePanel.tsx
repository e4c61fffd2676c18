import { useMemo, useState } from 'react';
import type { HitScope } from '../../../shared/coding/search';
import type { Code, DocumentMeta, Participant, Variable } from '../../../shared/model';
import { execute, type ChorusDb } from '../../db/api';
import { speakersOf, type AutocodeMethod, type CodingPreview } from '../../workers/search-core';
import type { SearchService } from '../../workers/search-client';
import { ApplyStatus } from './ApplyStatus';
import type { CodeChoice } from './codeOptions';
import { CodePicker } from './CodePicker';
import { useValuesOf, valuesOf } from './FilterFields';
import { KeywordTable } from './KeywordTable';
import { plural, PreviewBox } from './PreviewBox';
import { SCOPES } from './scopes';
import { useApply } from './useApply';
import { errorMessage } from '../../../shared/error-message';

type By = AutocodeMethod['by'];

interface Props {
  db: ChorusDb;
  projectId: string;
  coderId: string | undefined;
  service: SearchService;
  codes: readonly Code[];
  /** The documents whose speakers can be autocoded: those stored one by one (a survey's answers have no speakers). */
  documents: readonly DocumentMeta[];
  variables: readonly Variable[];
  participants: readonly Participant[];
  choices: readonly CodeChoice[];
}

/** Autocoding from code keywords, a speaker's turns or a participant attribute value: preview, then one step. */
export function AutocodePanel({ db, projectId, coderId, service, codes, documents, variables, participants, choices }: Props) {
  const [by, setBy] = useState<By>('keywords');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [scope, setScope] = useState<HitScope>('sentence');
  const [speaker, setSpeaker] = useState('');
  const [variableId, setVariableId] = useState('');
  const [value, setValue] = useState('');
  const [codeId, setCodeId] = useState('');
  const [preview, setPreview] = useState<CodingPreview | null>(null);
  const [working, setWorking] = useState(false);
  const applier = useApply(db, projectId);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const speakers = useMemo(() => speakersOf(documents), [documents]);
  const values = useValuesOf(participants, variableId);
  const withKeywords = [...chosen].filter((id) => (codeById.get(id)?.keywords.length ?? 0) > 0);

  const method: AutocodeMethod | null =
    by === 'keywords'
      ? withKeywords.length > 0 ? { by, codeIds: withKeywords, scope } : null
      : by === 'speaker'
        ? speaker && codeId ? { by, speaker, codeId } : null
        : variableId && value && codeId ? { by, variableId, value, codeId } : null;

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };

  const run = async () => {
    if (!method) return;
    if (!coderId) return applier.say('This project has no coder, so codings cannot be saved.');
    setWorking(true);
    setPreview(null);
    const reply = await service.call({ dbName: db.name, projectId, kind: 'autocode', method, coderId });
    setWorking(false);
    if (reply.ok && reply.kind === 'preview') setPreview(reply.preview);
    else if (!reply.ok) applier.say(reply.message);
  };
  const what = by === 'keywords' ? (withKeywords.length === 1 ? (choices.find((c) => c.id === withKeywords[0])?.path ?? 'the code') : `${withKeywords.length} codes`) : (choices.find((c) => c.id === codeId)?.path ?? 'the code');

  return (
    <section className="autocode-panel" aria-labelledby="autocode-heading">
      <h2 id="autocode-heading" className="pane-title">
        Autocode
      </h2>
      <fieldset className="autocode-by">
        <legend>Code automatically by</legend>
        {(
          [
            ['keywords', 'Code keywords'],
            ['speaker', 'Speaker'],
            ['attribute', 'Participant attribute'],
          ] as const
        ).map(([v, label]) => (
          <label key={v} className="checkbox">
            <input type="radio" name="autocode-by" value={v} checked={by === v} onChange={() => change(setBy)(v)} /> {label}
          </label>
        ))}
      </fieldset>
      {by === 'keywords' && (
        <>
          <p className="hint">Tick the codes to use. Keywords match all word forms (“believe” finds “believed”).</p>
          <KeywordTable
            choices={choices}
            codes={codeById}
            chosen={chosen}
            onToggle={(id, on) => {
              const next = new Set(chosen);
              if (on) next.add(id);
              else next.delete(id);
              change(setChosen)(next);
            }}
            onSaveKeywords={(id, keywords) => {
              void execute(db, projectId, { type: 'updateCode', codeId: id, patch: { keywords } }).then(
                () => {
                  const next = new Set(chosen);
                  if (keywords.length > 0) next.add(id);
                  else next.delete(id);
                  change(setChosen)(next);
                },
                (e: unknown) => applier.say(errorMessage(e)),
              );
            }}
          />
          <div className="field-row">
            <label htmlFor="autocode-scope">What to code</label>
            <select id="autocode-scope" value={scope} onChange={(e) => change(setScope)(e.target.value as HitScope)}>
              {SCOPES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {by === 'speaker' && (
        <div className="field-row">
          <label htmlFor="autocode-speaker">Speaker</label>
          <select id="autocode-speaker" value={speaker} onChange={(e) => change(setSpeaker)(e.target.value)}>
            <option value="">Choose a speaker…</option>
            {speakers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {speakers.length === 0 && <span className="hint">No transcripts with speakers in this project.</span>}
          <CodePicker id="autocode-speaker-code" label="Code their turns as" choices={choices} value={codeId} onChange={change(setCodeId)} />
        </div>
      )}
      {by === 'attribute' && (
        <div className="field-row">
          <label htmlFor="autocode-variable">Attribute</label>
          <select
            id="autocode-variable"
            value={variableId}
            onChange={(e) => {
              change(setVariableId)(e.target.value);
              setValue(e.target.value ? (valuesOf(participants, e.target.value)[0] ?? '') : '');
            }}
          >
            <option value="">Choose an attribute…</option>
            {variables.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          {variableId && (
            <>
              <label htmlFor="autocode-value">Value</label>
              <select id="autocode-value" value={value} onChange={(e) => change(setValue)(e.target.value)}>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </>
          )}
          <CodePicker id="autocode-attribute-code" label="Code their whole documents as" choices={choices} value={codeId} onChange={change(setCodeId)} />
        </div>
      )}
      <button type="button" disabled={!method || working} onClick={() => void run()}>
        {working ? 'Finding…' : 'Preview autocoding'}
      </button>
      {preview && (
        <PreviewBox
          preview={preview}
          codeName={what}
          busy={applier.busy}
          onApply={() =>
            void applier.apply(preview.proposals, coderId!, `Autocode (${by})`, (n) => `Autocoded ${plural(n, 'segment')}.`).then((ok) => ok && setPreview(null))
          }
        />
      )}
      <ApplyStatus message={applier.message} canUndo={applier.canUndo} onUndo={() => void applier.undoLast()} />
    </section>
  );
}
