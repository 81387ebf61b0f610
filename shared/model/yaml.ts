import {
  Document,
  LineCounter,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
} from 'yaml';
import { MAX_NESTING } from './input-limits';
import {
  CLOUD_PROVIDER_KIND,
  EXCEPTION_KIND,
  K8S_CLUSTER_KIND,
  NOTIFICATION_KIND,
  PLAN_KIND,
} from './constants';
import { CloudProviderSchema, type Connection, K8SClusterSchema } from './connection';
import { ScheduleExceptionSchema } from './exception';
import type { Issue } from './issue';
import { DEFAULT_SECRET_KEY, type HibernateNotification, NotificationSchema } from './notification';
import { type Plan, PlanSchema } from './plan';
import { isExecutorType } from './plan-rules';
import { parameterSchemas } from './parameters';
import { isRecord, recordAt, stringAt } from './raw';
import { orderKeys } from './schema-walk';
import { type HibernatorObject, type ValidationContext, validateObject } from './validate';
import type { PlanOverride } from './override';
import { exportPlanAnnotations, importPlanAnnotations } from './yaml-override';

export interface ImportedDocument {
  /** 0-based position of the object in the file (an item of a `List` counts as one object). */
  index: number;
  kind: string;
  name?: string;
  /** The validated, normalised object; only when it has no errors. */
  object?: HibernatorObject;
  errors: Issue[];
  warnings: Issue[];
  /** 1-based line where the object starts in the text. */
  line?: number;
  /** HibernatePlan only: the manual override its annotations carry (kept on the plan), or null. */
  override?: PlanOverride | null;
  /** An object of another API group (a Secret, a Deployment, …) beside the Hibernator ones: left out, with a warning. */
  skipped?: true;
}

interface RawDocument {
  value: unknown;
  line: number;
  label: string;
  syntaxErrors: Issue[];
}

/**
 * Reads multi-document YAML (or JSON) holding HibernatePlan, ScheduleException, CloudProvider
 * and K8SCluster objects, and validates each with the same functions as the editor. Plans of
 * the same file (and `ctx.plans`) are the context for its exceptions; connections are checked
 * only when `ctx.connections` says which exist (the file alone may not hold them all).
 * `errors` lists YAML syntax errors with line:column; the affected documents carry them too.
 */
export function parseYamlDocuments(
  text: string,
  ctx: ValidationContext = {},
): { documents: ImportedDocument[]; errors: Issue[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false });
  const syntaxErrors: Issue[] = [];
  const raws: RawDocument[] = [];

  parsed.forEach((doc, docIndex) => {
    const label = `document ${docIndex + 1}`;
    const startOffset = doc.contents?.range[0] ?? doc.range[0];
    const line = lineCounter.linePos(startOffset).line;
    // A cluster reads YAML as JSON: what yaml only warns about (an unknown `!tag`, `%YAML 9.9`)
    // would not survive `kubectl apply`, so it is an error here too.
    const problems = [...doc.errors, ...doc.warnings.filter((w) => STRICT_WARNINGS.has(w.code))];
    const errors = problems.map((e) => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      return { path: `line ${pos.line}:${pos.col}`, message: syntaxMessage(e.message) };
    });
    errors.push(...nonJsonTags(doc, lineCounter));
    syntaxErrors.push(...errors);
    if (errors.length > 0) {
      raws.push({ value: safeToJs(doc), line, label, syntaxErrors: errors });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // Unresolved aliases and alias bombs only surface when the document is turned into data.
      const error = {
        path: `line ${line}:1`,
        message: syntaxMessage(e instanceof Error ? e.message : String(e)),
      };
      syntaxErrors.push(error);
      raws.push({ value: undefined, line, label, syntaxErrors: [error] });
      return;
    }
    if (value === null || value === undefined) return; // an empty document (comments only, trailing ---)
    const items = listItems(value);
    if (items) {
      items.forEach((item, i) => {
        const node = isMap(doc.contents)
          ? doc.getIn(['items', i], true)
          : isSeq(doc.contents)
            ? doc.getIn([i], true)
            : undefined;
        const itemOffset =
          node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
            ? Number(node.range[0])
            : startOffset;
        raws.push({
          value: item,
          line: lineCounter.linePos(itemOffset).line,
          label: `${label}, item ${i + 1}`,
          syntaxErrors: [],
        });
      });
    } else {
      raws.push({ value, line, label, syntaxErrors: [] });
    }
  });

  return { documents: validateDocuments(raws, ctx), errors: syntaxErrors };
}

/** `kind: List` (what `kubectl get -o yaml` writes) or a top-level JSON array: one object per item. */
function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    /List$/.test(value.kind) &&
    Array.isArray(value.items)
  )
    return value.items;
  return undefined;
}

function safeToJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}

/** yaml's messages end with " at line L, column C:" plus a code excerpt; the path already says where. */
function syntaxMessage(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) {
    return `YAML syntax error: the document is nested too deeply to read (a Hibernator object needs fewer than ${MAX_NESTING} levels)`;
  }
  if (/^Unsupported YAML version/.test(first)) {
    return `YAML syntax error: ${first}: use %YAML 1.2 or 1.1, or leave the directive out`;
  }
  if (/^Unresolved tag/.test(first)) {
    return `YAML syntax error: ${first}: Kubernetes objects are plain JSON, remove the tag`;
  }
  return `YAML syntax error: ${first}`;
}

/** yaml warnings that a cluster would refuse (yaml itself carries on). */
const STRICT_WARNINGS: ReadonlySet<string> = new Set(['TAG_RESOLVE_FAILED', 'BAD_DIRECTIVE']);

/** The core tags whose values are JSON; `!!binary`, `!!set`, `!!omap`, `!!timestamp` are not. */
const JSON_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

function nonJsonTags(doc: Document.Parsed, lineCounter: LineCounter): Issue[] {
  const found: Issue[] = [];
  visit(doc, (_key, node) => {
    if (!isNode(node) || !node.tag || JSON_TAGS.has(node.tag)) return;
    // An unresolved tag is already reported from yaml's own warning.
    if (!node.tag.startsWith('tag:yaml.org,2002:')) return;
    const pos = lineCounter.linePos(node.range?.[0] ?? 0);
    found.push({
      path: `line ${pos.line}:${pos.col}`,
      message: `YAML syntax error: the tag !!${node.tag.slice('tag:yaml.org,2002:'.length)} has no JSON form, and Kubernetes objects are JSON: write a plain string, number, list or map`,
    });
  });
  return found;
}

const KNOWN_KINDS = [
  PLAN_KIND,
  EXCEPTION_KIND,
  CLOUD_PROVIDER_KIND,
  K8S_CLUSTER_KIND,
  NOTIFICATION_KIND,
];
/** Objects of this API group are ours: an unknown kind there is a typo, not another tool's object. */
const HIBERNATOR_GROUP = 'hibernator.ardikabs.com/';

function validateDocuments(raws: RawDocument[], ctx: ValidationContext): ImportedDocument[] {
  const results: ImportedDocument[] = raws.map((raw, index) => {
    const kind = stringAt(raw.value, 'kind') ?? '';
    const name = stringAt(recordAt(raw.value, 'metadata'), 'name');
    return {
      index,
      kind,
      ...(name !== undefined ? { name } : {}),
      errors: [...raw.syntaxErrors],
      warnings: [],
      line: raw.line,
    };
  });

  // Plans and connections first: the file's own plans are the context for its exceptions.
  const order = results
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(results[a]?.kind === EXCEPTION_KIND) - Number(results[b]?.kind === EXCEPTION_KIND),
    );
  const plans = new Map<string, Plan>((ctx.plans ?? []).map((p) => [p.metadata.name, p]));
  const connections = new Map<string, Connection>(
    (ctx.connections ?? []).map((c) => [`${c.kind}/${c.metadata.name}`, c]),
  );
  const filePlanNames: string[] = [];
  const seen = new Map<string, string>();

  for (const i of order) {
    const result = results[i];
    const raw = raws[i];
    if (!result || !raw || raw.syntaxErrors.length > 0) continue;
    if (!isRecord(raw.value)) {
      result.errors.push({
        path: '',
        message: `${raw.label} (line ${raw.line}) is not an object: expected a mapping with apiVersion, kind, metadata and spec`,
      });
      continue;
    }
    if (!KNOWN_KINDS.includes(result.kind)) {
      const apiVersion = stringAt(raw.value, 'apiVersion') ?? '';
      if (result.kind && !apiVersion.startsWith(HIBERNATOR_GROUP)) {
        // Files as users keep them: the plan beside its Secret or a Deployment. Not ours to import.
        result.skipped = true;
        result.warnings.push({
          path: 'kind',
          message: `${raw.label} (line ${raw.line}) is a ${result.kind}${result.name ? ` "${result.name}"` : ''}${apiVersion ? ` (${apiVersion})` : ''}: skipped, only Hibernator objects are imported`,
        });
        continue;
      }
      const what = result.kind ? `has kind "${result.kind}"` : 'has no kind';
      result.errors.push({
        path: 'kind',
        message: `${raw.label} (line ${raw.line}) ${what}: only HibernatePlan, ScheduleException, CloudProvider, K8SCluster and HibernateNotification can be imported`,
      });
      continue;
    }
    if (result.kind === PLAN_KIND && result.name) filePlanNames.push(result.name);
    const key = `${result.kind}/${result.name ?? ''}`;
    const first = seen.get(key);
    if (result.name && first) {
      result.errors.push({
        path: 'metadata.name',
        message: `another ${result.kind} named "${result.name}" is already in ${first}: names must be unique per kind`,
      });
    } else if (result.name) {
      seen.set(key, `${raw.label} (line ${raw.line})`);
    }

    let value: unknown = raw.value;
    if (result.kind === PLAN_KIND) {
      const prepared = importPlanAnnotations(value);
      value = prepared.value;
      result.override = prepared.override;
      result.errors.push(...prepared.errors);
      result.warnings.push(...prepared.warnings);
    }
    const hasPlans = ctx.plans !== undefined || plans.size > 0;
    const checked = validateObject(value, {
      ...(ctx.connections ? { connections: [...connections.values()] } : {}),
      ...(hasPlans ? { plans: [...plans.values()] } : {}),
      knownPlanNames: filePlanNames,
    });
    result.errors.push(...checked.errors);
    result.warnings.push(...checked.warnings);
    if (checked.value && result.errors.length === 0) {
      result.object = checked.value;
      if (checked.value.kind === PLAN_KIND) plans.set(checked.value.metadata.name, checked.value);
      else if (
        checked.value.kind === CLOUD_PROVIDER_KIND ||
        checked.value.kind === K8S_CLUSTER_KIND
      )
        connections.set(`${checked.value.kind}/${checked.value.metadata.name}`, checked.value);
    }
  }
  return results;
}

const SCHEMAS = {
  [PLAN_KIND]: PlanSchema,
  [EXCEPTION_KIND]: ScheduleExceptionSchema,
  [CLOUD_PROVIDER_KIND]: CloudProviderSchema,
  [K8S_CLUSTER_KIND]: K8SClusterSchema,
  [NOTIFICATION_KIND]: NotificationSchema,
} as const;

/** The object with a stable key order: the schema's order, free maps sorted, parameters in their executor's order. */
function canonical(object: HibernatorObject): unknown {
  const ordered = orderKeys(SCHEMAS[object.kind], object);
  if (object.kind !== PLAN_KIND) return ordered;
  const spec = recordAt(ordered, 'spec');
  const targets = spec?.targets;
  if (spec && Array.isArray(targets)) {
    spec.targets = targets.map((target: unknown) => {
      if (!isRecord(target) || !isExecutorType(target.type)) return target;
      return { ...target, parameters: orderKeys(parameterSchemas[target.type], target.parameters) };
    });
  }
  return ordered;
}

export interface ExportOptions {
  /** The current time: a plan's manual override is written only when it ends at least 5 min later. */
  now?: Date;
}

export interface ExportWarning extends Issue {
  /** `Kind/name` of the object the warning is about. */
  object: string;
}

/**
 * Sink config never leaves the secrets file: the export names the Secret each sink needs in the
 * cluster, and says that a templateRef is kept although the desktop uses its built-in format.
 */
function notificationWarnings(notification: HibernateNotification): ExportWarning[] {
  const object = `${NOTIFICATION_KIND}/${notification.metadata.name}`;
  return notification.spec.sinks.flatMap((sink, i) => {
    const key = sink.secretRef.key ?? DEFAULT_SECRET_KEY;
    const out: ExportWarning[] = [
      {
        object,
        path: `spec.sinks[${i}].secretRef`,
        message: `sink "${sink.name}": create the Secret "${sink.secretRef.name}" with key "${key}" (the sink's ${sink.type} config as JSON) in the cluster; the export does not carry it`,
      },
    ];
    if (sink.templateRef)
      out.push({
        object,
        path: `spec.sinks[${i}].templateRef`,
        message: `sink "${sink.name}": templateRef "${sink.templateRef.name}" is kept for the operator; the desktop app sends its built-in ${sink.type} format`,
      });
    return out;
  });
}

/** The object as exported: a plan's override kept only while far enough ahead, one-shot annotations dropped. */
function exportable(
  given: HibernatorObject,
  options: ExportOptions,
): { object: HibernatorObject; warnings: ExportWarning[] } {
  const object = withOperatorEndTimes(given);
  if (object.kind === NOTIFICATION_KIND) return { object, warnings: notificationWarnings(object) };
  if (object.kind !== PLAN_KIND) return { object, warnings: [] };
  const where = `${PLAN_KIND}/${object.metadata.name}`;
  const desktopOnly = desktopOnlyWarnings(object).map((w) => ({ ...w, object: where }));
  if (!object.metadata.annotations) return { object, warnings: desktopOnly };
  const out = exportPlanAnnotations(object.metadata.annotations, options.now);
  const { annotations: _old, ...metadata } = object.metadata;
  const annotations = Object.keys(out.annotations).length > 0 ? out.annotations : undefined;
  return {
    object: { ...object, metadata: annotations ? { ...metadata, annotations } : metadata },
    warnings: [...out.warnings.map((w) => ({ ...w, object: where })), ...desktopOnly],
  };
}

/**
 * `end: "24:00"` (end of day, semantics §1) is written as `"23:59"`, the latest time the
 * operator's pattern accepts; both read back as end of day, so the meaning is unchanged.
 */
function withOperatorEndTimes(object: HibernatorObject): HibernatorObject {
  const fix = <W extends { end: string }>(windows: W[]): W[] =>
    windows.map((w) => (w.end === '24:00' ? { ...w, end: '23:59' } : w));
  if (object.kind === PLAN_KIND) {
    const schedule = object.spec.schedule;
    return {
      ...object,
      spec: { ...object.spec, schedule: { ...schedule, offHours: fix(schedule.offHours) } },
    };
  }
  if (object.kind === EXCEPTION_KIND) {
    return { ...object, spec: { ...object.spec, windows: fix(object.spec.windows) } };
  }
  return object;
}

/**
 * Parameters only the desktop knows (`parallelism`): kept in the YAML so a re-import keeps them;
 * the operator warns about an unknown parameter and runs its own way.
 */
function desktopOnlyWarnings(plan: Extract<HibernatorObject, { kind: typeof PLAN_KIND }>): Issue[] {
  return plan.spec.targets.flatMap((t, i) =>
    t.parameters !== null && typeof t.parameters === 'object' && 'parallelism' in t.parameters
      ? [
          {
            path: `spec.targets[${i}].parameters.parallelism`,
            message:
              'parallelism is desktop-only: the operator warns about an unknown parameter and ignores it',
          },
        ]
      : [],
  );
}

/** One object as YAML. Strings YAML 1.1 would misread (19:00, yes, timestamps) are quoted, so kubectl reads them as written. */
export function toYaml(object: HibernatorObject, options: ExportOptions = {}): string {
  return yamlText(exportable(object, options).object);
}

function yamlText(object: HibernatorObject): string {
  const doc = new Document(canonical(object), { version: '1.1' });
  visit(doc, {
    Seq(_, node) {
      // Short lists of plain values (days, ids, stage targets) read best on one line.
      const scalars = node.items.every((item) => isScalar(item) && typeof item.value !== 'object');
      let width = 0;
      for (const item of node.items) width += String(isScalar(item) ? item.value : '').length + 2;
      if (scalars && node.items.length > 0 && width <= 60) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Several objects as one multi-document YAML text, separated by `---`, and what export changed. */
export function exportYamlWithWarnings(
  objects: readonly HibernatorObject[],
  options: ExportOptions = {},
): { yaml: string; warnings: ExportWarning[] } {
  const prepared = objects.map((o) => exportable(o, options));
  return {
    yaml: prepared.map((p) => yamlText(p.object)).join('---\n'),
    warnings: prepared.flatMap((p) => p.warnings),
  };
}

/** Several objects as one multi-document YAML text, separated by `---`. */
export function exportYaml(
  objects: readonly HibernatorObject[],
  options: ExportOptions = {},
): string {
  return exportYamlWithWarnings(objects, options).yaml;
}
