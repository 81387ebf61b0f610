import type { Route } from '../navigation/route';
import { ActivityView } from '../views/activity/activity-view';
import { ConnectionEditor } from '../views/connections/connection-editor';
import { ConnectionList } from '../views/connections/connection-list';
import { PlanEditorPage } from '../views/editor/plan-editor-page';
import { ExceptionEditor } from '../views/exceptions/exception-editor';
import { ExceptionList } from '../views/exceptions/exception-list';
import { ImportView } from '../views/import/import-view';
import { PlanDetailView } from '../views/plan-detail/plan-detail';
import { PlanList } from '../views/plans/plan-list';
import { SettingsView } from '../views/settings/settings-view';
import { useNavigation } from './app-context';
import { ConnectionBanner } from './connection-banner';
import { LeaveDialog } from './leave-dialog';
import { Sidebar } from './sidebar';
import './app.css';

function RouteView({ route }: { route: Route }) {
  switch (route.view) {
    case 'plans':
      return <PlanList />;
    case 'plan':
      return <PlanDetailView name={route.name} tab={route.tab} />;
    case 'plan-edit':
      return <PlanEditorPage key={`edit-${route.name}`} name={route.name} />;
    case 'plan-new':
      return <PlanEditorPage key="new" name={null} />;
    case 'import':
      return <ImportView />;
    case 'exceptions':
      return <ExceptionList />;
    case 'exception-edit':
      return (
        <ExceptionEditor
          key={`${route.name ?? 'new'}-${route.plan ?? ''}`}
          name={route.name}
          plan={route.plan ?? null}
        />
      );
    case 'connections':
      return <ConnectionList />;
    case 'connection-edit':
      return <ConnectionEditor key={route.name ?? 'new'} name={route.name} />;
    case 'activity':
      return <ActivityView />;
    case 'settings':
      return <SettingsView />;
    case 'not-found':
      return (
        <div className="page">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/plans">Go to the plans</a>.
          </p>
        </div>
      );
  }
}

/** The window: sidebar, the page of the current route, and the unsaved-changes question. */
export function App() {
  const route = useNavigation((s) => s.route);
  return (
    <div className="app">
      <Sidebar />
      <main className="content">
        <ConnectionBanner />
        <RouteView route={route} />
      </main>
      <LeaveDialog />
    </div>
  );
}
