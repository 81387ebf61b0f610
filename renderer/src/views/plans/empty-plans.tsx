import { EmptyState } from '../../components/state-views';
import { ImportPanel } from '../import/import-panel';

/** First start: how to get a plan in, with the import right here. */
export function EmptyPlans() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>Plans</h1>
      </header>
      <EmptyState title="No plans yet">
        <p>
          A plan says which cloud resources to put to sleep and when: a weekly schedule of off-hours
          in a time zone, and the targets (EC2 instances, RDS databases, EKS node groups, Auto
          Scaling groups, Karpenter node pools, Kubernetes workloads) to stop and start again.
        </p>
        <p>
          Import the YAML you already use with the Hibernator operator below, or{' '}
          <a href="#/new-plan">write a new plan</a> in the editor. Plans that reach AWS or a cluster
          also need a <a href="#/connections">connection</a>; targets of type <code>noop</code> need
          none and are a safe way to try things out.
        </p>
      </EmptyState>
      <ImportPanel />
    </div>
  );
}
