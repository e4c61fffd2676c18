/**
 * Which audiences' packs carry a finding: a checkbox per audience, each tick one undoable
 * updateFinding. None ticked means every audience (the packs' rule).
 */
import { AUDIENCES, type Audience, type Finding } from '../../../shared/model';
import type { Run } from './FindingCard';

/** The audiences in the words the Packs workspace uses. */
export const AUDIENCE_WORDS: Record<Audience, string> = {
  'chief officers': 'Chief officers',
  practitioners: 'Practitioners',
  'victim/survivors and public': 'Victims, survivors and the public',
  partners: 'Partners and analysts',
};

/** The finding's audiences with `a` ticked or unticked, in the usual order. */
export function toggledAudiences(current: readonly Audience[], a: Audience, on: boolean): Audience[] {
  return AUDIENCES.filter((x) => (x === a ? on : current.includes(x)));
}

export function FindingAudiences({ finding: f, position, run }: { finding: Finding; position: number; run: Run }) {
  const none = f.audiences.length === 0;
  return (
    <fieldset className="finding__audiences">
      <legend>Packs that carry finding {position + 1}</legend>
      {AUDIENCES.map((a) => (
        <label key={a}>
          <input
            type="checkbox"
            checked={f.audiences.includes(a)}
            onChange={(e) =>
              void run(
                { type: 'updateFinding', findingId: f.id, patch: { audiences: toggledAudiences(f.audiences, a, e.target.checked) } },
                e.target.checked ? `Finding ${position + 1} goes into the ${AUDIENCE_WORDS[a].toLowerCase()} pack.` : `Finding ${position + 1} is no longer limited to the ${AUDIENCE_WORDS[a].toLowerCase()} pack.`,
              )
            }
          />
          {AUDIENCE_WORDS[a]}
        </label>
      ))}
      <span className="muted finding__audiences-note">{none ? 'None ticked: every pack carries it.' : 'Only the ticked packs carry it.'}</span>
    </fieldset>
  );
}
