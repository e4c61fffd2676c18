import { useId, useState } from 'react';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../../shared/model';

export interface ActionFields {
  recommendation: string;
  owner: string;
  due: string;
  status: ActionStatus;
  notActionedReason: string;
  outcome: string;
}

export const fieldsOf = (a?: Action): ActionFields => ({
  recommendation: a?.recommendation ?? '',
  owner: a?.owner ?? '',
  due: a?.due?.slice(0, 10) ?? '',
  status: a?.status ?? 'proposed',
  notActionedReason: a?.notActionedReason ?? '',
  outcome: a?.outcome ?? '',
});

/** Add or edit an action: what, owner, due date, status, the reason when not actioned, and what was done. */
export function ActionForm({ action, submitLabel, onSubmit, onCancel }: { action?: Action; submitLabel: string; onSubmit: (f: ActionFields) => Promise<boolean>; onCancel?: () => void }) {
  const [f, setF] = useState<ActionFields>(() => fieldsOf(action));
  const id = useId();
  const set = <K extends keyof ActionFields>(k: K, v: ActionFields[K]) => setF((x) => ({ ...x, [k]: v }));
  return (
    <form
      className="action-form"
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(f).then((ok) => {
          if (ok && !action) setF(fieldsOf());
        });
      }}
    >
      <label className="action-form__what">
        What will be done
        <input value={f.recommendation} onChange={(e) => set('recommendation', e.target.value)} required />
      </label>
      <label>
        Owner
        <input value={f.owner} onChange={(e) => set('owner', e.target.value)} />
      </label>
      <label>
        Due
        <input type="date" value={f.due} onChange={(e) => set('due', e.target.value)} />
      </label>
      <label>
        Status
        <select value={f.status} onChange={(e) => set('status', e.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {f.status === 'not actioned' && (
        <label className="action-form__wide">
          Why it could not be done (shown to the public)
          <input id={`${id}-reason`} value={f.notActionedReason} onChange={(e) => set('notActionedReason', e.target.value)} />
        </label>
      )}
      <label className="action-form__wide">
        What we did (plain language, for “you said, we did”)
        <input value={f.outcome} onChange={(e) => set('outcome', e.target.value)} />
      </label>
      <div className="action-form__buttons">
        <button type="submit">{submitLabel}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
