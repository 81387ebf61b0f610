import { useEffect } from 'react';
import { useApp, useNow, useResource } from '../../app/app-context';
import { PhaseBadge } from '../../components/phase-badge';
import { ErrorState, Loading } from '../../components/state-views';
import { Tabs } from '../../components/tabs';
import { detailOverride } from '../../format/override';
import { PLAN_TABS, type PlanTab } from '../../navigation/route';
import { HistoryTab } from './history-tab';
import { OverviewTab } from './overview-tab';
import { PlanActions } from './plan-actions';
import { PlanManage } from './plan-manage';
import { RestoreTab } from './restore-tab';
import { StatusLine } from './status-line';
import { TargetsTab } from './targets-tab';
import { YamlTab } from './yaml-tab';
import './plan-detail.css';

const TAB_LABEL: Readonly<Record<PlanTab, string>> = {
  overview: 'Overview',
  targets: 'Targets',
  restore: 'Restore points',
  history: 'History',
  yaml: 'YAML',
};

/** One plan: phase, what is happening, the actions allowed now, and the tabs. */
export function PlanDetailView({ name, tab }: { name: string; tab: PlanTab }) {
  const { stores, navigation } = useApp();
  const { key, data, error } = useResource(stores.detail);
  const now = useNow();

  useEffect(() => {
    void stores.detail.open(name);
  }, [stores, name]);

  if (key !== name || data === undefined) {
    if (error) {
      return (
        <div className="page">
          <ErrorState error={error} onRetry={() => void stores.detail.refresh()} />
          <p>
            <a href="#/plans">Back to plans</a>
          </p>
        </div>
      );
    }
    return <Loading what={`plan ${name}`} />;
  }

  const override = detailOverride(data, now);
  return (
    <div className="page plan-detail">
      <header className="plan-header">
        <div>
          <div className="plan-title">
            <h1>{data.plan.metadata.name}</h1>
            <PhaseBadge phase={data.status.phase} />
          </div>
          <StatusLine detail={data} override={override} />
        </div>
        <PlanManage detail={data} />
      </header>
      <PlanActions detail={data} override={override} />
      <Tabs
        label="Plan sections"
        tabs={PLAN_TABS.map((t) => ({ key: t, label: TAB_LABEL[t] }))}
        selected={tab}
        onSelect={(t) => navigation.store.getState().navigate({ view: 'plan', name, tab: t })}
      >
        {tab === 'overview' && <OverviewTab detail={data} override={override} />}
        {tab === 'targets' && <TargetsTab detail={data} />}
        {tab === 'restore' && <RestoreTab detail={data} />}
        {tab === 'history' && <HistoryTab plan={name} />}
        {tab === 'yaml' && <YamlTab detail={data} />}
      </Tabs>
    </div>
  );
}
