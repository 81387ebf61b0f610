import type { ImportResult, ImportedItem } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import {
  exportYamlWithWarnings,
  type ExportWarning,
  matchesSelector,
  parseYamlDocuments,
  validateException,
  validatePlan,
  type Connection,
  type HibernatorObject,
  type Plan,
  type ScheduleException,
} from '../../../shared/model';
import { checkPlanEdit, keepStoredOverride } from './plan-methods';
import type { ServiceContext } from './service-context';

/**
 * Multi-document import: every document is validated (plans in the same file are the context
 * of its exceptions, connections in the file satisfy its plans' connectorRefs); nothing is
 * applied unless every document is valid, and then everything is applied in one transaction.
 */
export async function importYaml(
  ctx: ServiceContext,
  yaml: string,
  dryRun: boolean,
): Promise<ImportResult> {
  // Stored plans are the context of the file's exceptions too (no false "unknown plan" warning).
  const storedPlans = ctx.plans.list(ctx.clock.now()).map((p) => p.plan);
  const parsed = parseYamlDocuments(yaml, { plans: storedPlans });
  const items: ImportedItem[] = parsed.documents.map((d) => ({
    index: d.index,
    kind: d.kind,
    name: d.name ?? null,
    applied: false,
    errors: [...d.errors],
    warnings: [...d.warnings],
  }));
  const objects = parsed.documents.map((d) => d.object);
  // Cross-document checks with the engine's own state: connectorRefs and plan phases.
  const fileConnections = objects.filter(
    (o): o is Connection => o?.kind === 'CloudProvider' || o?.kind === 'K8SCluster',
  );
  const connections = [
    ...ctx.connections
      .list()
      .filter((c) => !fileConnections.some((f) => f.metadata.name === c.metadata.name)),
    ...fileConnections,
  ];
  const filePlans = objects.filter((o): o is Plan => o?.kind === 'HibernatePlan');
  const plans = [
    ...storedPlans.filter((p) => !filePlans.some((f) => f.metadata.name === p.metadata.name)),
    ...filePlans,
  ];
  objects.forEach((object, i) => {
    const item = items[i];
    if (!object || !item || item.errors.length > 0) return;
    if (object.kind === 'HibernatePlan') {
      const again = validatePlan(object, { connections });
      item.errors.push(...again.errors);
      try {
        checkPlanEdit(ctx, object);
      } catch (error) {
        if (error instanceof ApiError)
          item.errors.push({ path: 'spec.targets', message: error.message });
      }
    } else if (object.kind === 'ScheduleException') {
      const again = validateException(object, { plans });
      item.errors.push(...again.errors);
      if (
        !plans.some((p) => p.metadata.name === object.spec.planRef.name) &&
        !item.warnings.some((w) => w.path === 'spec.planRef.name')
      ) {
        // The operator keeps such an exception as "Detached"; so do we (validate says the same).
        item.warnings.push({
          path: 'spec.planRef.name',
          message: `no plan named "${object.spec.planRef.name}" is known: the exception takes effect once a plan with that name exists`,
        });
      }
    }
  });
  const errors = parsed.errors;
  const importable = parsed.documents.filter((d) => !d.skipped).length;
  if (importable === 0 && errors.length === 0)
    errors.push({
      path: '',
      message:
        items.length === 0
          ? 'the file holds no documents; expected HibernatePlan, ScheduleException, CloudProvider, K8SCluster or HibernateNotification objects'
          : 'the file holds no Hibernator objects (every document was skipped); expected HibernatePlan, ScheduleException, CloudProvider, K8SCluster or HibernateNotification objects',
    });
  const ok = errors.length === 0 && items.every((i) => i.errors.length === 0);
  if (!ok || dryRun) return { ok, dryRun, items, errors };

  const now = ctx.clock.now();
  const order: HibernatorObject['kind'][] = [
    'CloudProvider',
    'K8SCluster',
    'HibernatePlan',
    'ScheduleException',
    'HibernateNotification',
  ];
  const changes: Array<() => void> = [];
  const touchedPlans = new Set<string>();
  ctx.db.transaction(() => {
    for (const kind of order) {
      objects.forEach((object, i) => {
        const item = items[i];
        if (!object || object.kind !== kind || !item) return;
        if (object.kind === 'HibernatePlan') {
          const created = ctx.plans.upsert(keepStoredOverride(ctx, object), now);
          touchedPlans.add(object.metadata.name);
          changes.push(() =>
            ctx.bus.emit({
              type: 'PlanChanged',
              plan: object.metadata.name,
              change: created ? 'created' : 'updated',
            }),
          );
        } else if (object.kind === 'ScheduleException') {
          const ex: ScheduleException = object;
          const created = ctx.exceptions.upsert(ex, now);
          if (plans.some((p) => p.metadata.name === ex.spec.planRef.name))
            touchedPlans.add(ex.spec.planRef.name);
          changes.push(() =>
            ctx.bus.emit({
              type: 'ExceptionChanged',
              plan: ex.spec.planRef.name,
              exception: ex.metadata.name,
              change: created ? 'created' : 'updated',
            }),
          );
        } else if (object.kind === 'HibernateNotification') {
          ctx.notifications.upsert(object, now);
        } else {
          const created = ctx.connections.upsert(object, now);
          changes.push(() =>
            ctx.bus.emit({
              type: 'ConnectionChanged',
              connection: object.metadata.name,
              change: created ? 'created' : 'updated',
            }),
          );
        }
        item.applied = true;
      });
    }
  })();
  for (const emit of changes) emit();
  await Promise.all([...touchedPlans].map((name) => ctx.lifecycle.planChanged(name, 'imported')));
  return { ok, dryRun, items, errors };
}

export function exportYaml(
  ctx: ServiceContext,
  planNames?: string[],
): { yaml: string; warnings: ExportWarning[] } {
  const plans = ctx.plans
    .list(ctx.clock.now())
    .map((p) => p.plan)
    .filter((p) => !planNames || planNames.includes(p.metadata.name));
  if (planNames) {
    const missing = planNames.filter((n) => !plans.some((p) => p.metadata.name === n));
    if (missing.length > 0)
      throw new ApiError(
        'NOT_FOUND',
        `There is no plan named ${missing.map((m) => `"${m}"`).join(', ')}.`,
      );
  }
  const used = new Set(
    plans.flatMap((p) =>
      p.spec.targets.map((t) => t.connectorRef?.name).filter((n): n is string => !!n),
    ),
  );
  const connections = ctx.connections.list().filter((c) => !planNames || used.has(c.metadata.name));
  // Connections referenced through an EKS providerRef come along too.
  for (const c of [...connections]) {
    if (c.kind === 'K8SCluster' && c.spec.providerRef) {
      const provider = ctx.connections.get(c.spec.providerRef.name);
      if (provider && !connections.some((x) => x.metadata.name === provider.metadata.name))
        connections.push(provider);
    }
  }
  const names = new Set(plans.map((p) => p.metadata.name));
  const exceptions = ctx.exceptions.list().filter((e) => names.has(e.spec.planRef.name));
  // Notifications watching an exported plan (all of them for a full export); secretRef names only.
  const notifications = ctx.notifications
    .list()
    .filter(
      (n) => !planNames || plans.some((p) => matchesSelector(n.spec.selector, p.metadata.labels)),
    );
  const objects: HibernatorObject[] = [...connections, ...plans, ...exceptions, ...notifications];
  // `now`: the override is written only while its end is far enough ahead for the operator.
  return exportYamlWithWarnings(objects, { now: ctx.clock.now() });
}
