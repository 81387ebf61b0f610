import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { ErrorState, Loading } from '../../components/state-views';
import type { Draft } from '../../forms/draft';
import { localTimeZone } from '../../format/time';
import { toApiError } from '../../transport/envelope';
import { PlanEditor } from './plan-editor';
import { newPlanDraft } from './new-plan';

/** Loads the plan once (later engine updates do not touch a draft being edited). */
export function PlanEditorPage({ name }: { name: string | null }) {
  const { transport } = useApp();
  const [initial, setInitial] = useState<Draft | null>(() =>
    name === null ? newPlanDraft(localTimeZone()) : null,
  );
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (name === null) return undefined;
    let live = true;
    transport.call('getPlan', { name }).then(
      (d) => {
        if (live) setInitial(d.plan);
      },
      (e: unknown) => {
        if (live) setError(toApiError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [transport, name]);

  if (error) return <ErrorState error={error} />;
  if (!initial) return <Loading what={`plan ${name ?? ''}`} />;
  return <PlanEditor initial={initial} isNew={name === null} />;
}
