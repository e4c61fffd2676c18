import type { ReactNode } from 'react';
import type { DocumentMeta, Participant, Source, Variable } from '../../../shared/model';

interface Props {
  doc: DocumentMeta;
  source: Source | undefined;
  participant: Participant | undefined;
  variables: readonly Variable[];
  actions?: ReactNode;
}

/** Title, source and the participant's attributes (and the response's own, such as its date) as small chips. */
export function DocumentHeader({ doc, source, participant, variables, actions }: Props) {
  const chips = participant
    ? variables.flatMap((v) => {
        const value = v.level === 'response' ? doc.attributes?.[v.id] : participant.attributes[v.id];
        return value === undefined || value === null || value === '' ? [] : [{ id: v.id, name: v.name, value: String(value) }];
      })
    : [];
  return (
    <header className="doc-header">
      <div className="doc-header__top">
        <h2 className="doc-header__title">
          <bdi>{doc.title}</bdi>
        </h2>
        {actions}
      </div>
      <p className="doc-header__meta">
        {source ? (
          <>
            <bdi>{source.name}</bdi> · {source.kind}
          </>
        ) : (
          'Unknown source'
        )}
        {participant && (
          <>
            {' · '}
            <bdi>{participant.pseudonym}</bdi>
          </>
        )}
        {doc.field && (
          <>
            {' · '}
            <bdi>{doc.field}</bdi>
          </>
        )}
      </p>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Participant attributes">
          {chips.map((c) => (
            <li key={c.id} className="chip">
              <span className="chip__name">
                <bdi>{c.name}</bdi>:
              </span>{' '}
              <bdi>{c.value}</bdi>
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
