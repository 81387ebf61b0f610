import type { Phase } from '../../../shared/model/status';
import { PHASE_ICON, PHASE_WORD, isBusy } from '../format/phase';
import './phase-badge.css';

/** The phase as a word and a colour (ui.md); animated while an operation runs. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <span
      className={`phase-badge phase-${phase}${isBusy(phase) ? ' phase-busy' : ''}`}
      data-phase={phase}
      data-testid="phase-badge"
    >
      <span className="phase-icon" aria-hidden="true">
        {PHASE_ICON[phase]}
      </span>
      {PHASE_WORD[phase]}
    </span>
  );
}
