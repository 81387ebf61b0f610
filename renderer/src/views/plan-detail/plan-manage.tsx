import { useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { formatRoute } from '../../navigation/route';
import { DeletePlanDialog } from './delete-plan-dialog';

/** Changing the plan itself, kept apart from the schedule actions. */
export function PlanManage({ detail }: { detail: PlanDetail }) {
  const name = detail.plan.metadata.name;
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="toolbar">
      <a className="button" href={formatRoute({ view: 'plan-edit', name })}>
        Edit
      </a>
      <a className="button" href={formatRoute({ view: 'exception-edit', name: null, plan: name })}>
        New exception
      </a>
      <button type="button" onClick={() => setDeleting(true)}>
        Delete…
      </button>
      {deleting && <DeletePlanDialog detail={detail} onClose={() => setDeleting(false)} />}
    </div>
  );
}
