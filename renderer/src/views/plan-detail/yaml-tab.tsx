import { useMemo, useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { toYaml } from '../../../../shared/model';
import { downloadText } from '../../format/download';
import { formatRoute } from '../../navigation/route';

/** The plan as operator YAML: what `kubectl apply` takes in-cluster. Editing happens in the editor. */
export function YamlTab({ detail }: { detail: PlanDetail }) {
  const yaml = useMemo(() => toYaml(detail.plan), [detail.plan]);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = (): void => {
    navigator.clipboard.writeText(yaml).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  const download = (): void => downloadText(`${detail.plan.metadata.name}.yaml`, yaml);
  return (
    <div className="yaml-view">
      <div className="toolbar">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download
        </button>
        <a
          className="button"
          href={formatRoute({ view: 'plan-edit', name: detail.plan.metadata.name })}
        >
          Edit
        </a>
        <span role="status" className="muted">
          {copied === 'copied'
            ? 'Copied.'
            : copied === 'failed'
              ? 'The clipboard is not available here; select the text instead.'
              : ''}
        </span>
      </div>
      <pre aria-label="Plan YAML" tabIndex={0}>
        {yaml}
      </pre>
    </div>
  );
}
