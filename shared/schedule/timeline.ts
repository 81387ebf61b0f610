import {
  type CompiledException,
  type CompiledSchedule,
  type WeekPattern,
  DAY_MINUTES,
  WEEK_MINUTES,
  localDayAt,
  wallMinuteMs,
  weekStartDay,
} from './compile';
import {
  type IntervalSet,
  clip,
  contains,
  indexOf,
  pushInterval,
  subtract,
  union,
} from './intervals';

/**
 * The hibernation timeline of a compiled schedule over a range of instants, built layer by
 * layer exactly as semantics.md section 2 orders them: base (or replace) → extend → suspend →
 * lead time. evaluate, upcoming and the week picture all read this one function, which is what
 * keeps them consistent.
 */

export interface ExceptionLayer {
  ex: CompiledException;
  /** The exception's windows as instants, already cut to its validity and to the range. */
  set: IntervalSet;
}

export interface Layers {
  from: number;
  to: number;
  /** End of the range the pre-lead layers cover (`to` plus the longest lead time). */
  lookahead: number;
  core: IntervalSet;
  replaceValid: IntervalSet;
  extend: IntervalSet;
  suspend: IntervalSet;
  replaces: ExceptionLayer[];
  extends: ExceptionLayer[];
  suspends: ExceptionLayer[];
  /** Hibernation before lead time is applied, over [from, lookahead). */
  pre: IntervalSet;
  /** The answer: hibernated intervals over [from, to). */
  final: IntervalSet;
}

const WEEK_CACHE_LIMIT = 512;

/** Instants of one week's pattern intervals (week = local Monday `weekStart`), memoised. */
function weekInstants(c: CompiledSchedule, p: WeekPattern, weekStart: number): number[] {
  const cached = p.weeks?.get(weekStart);
  if (cached) return cached;
  const pattern = p.minutes;
  const base = weekStart * DAY_MINUTES;
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i += 2) {
    const s = c.zone.instantOf(wallMinuteMs(base + (pattern[i] as number)));
    const e = c.zone.instantOf(wallMinuteMs(base + (pattern[i + 1] as number)));
    // A window lying wholly inside a DST gap collapses to nothing.
    if (e > s) out.push(s, e);
  }
  const weeks = p.weeks ?? (p.weeks = new Map());
  if (weeks.size >= WEEK_CACHE_LIMIT) weeks.clear();
  weeks.set(weekStart, out);
  return out;
}

/** A week pattern as instants, cut to [lo, hi). */
export function patternInstants(
  c: CompiledSchedule,
  pattern: WeekPattern,
  lo: number,
  hi: number,
): IntervalSet {
  const out: IntervalSet = [];
  const minutes = pattern.minutes;
  if (minutes.length === 0 || hi <= lo) return out;
  const first = weekStartDay(localDayAt(c.zone, lo));
  const last = weekStartDay(localDayAt(c.zone, hi));
  // Of the week before, only intervals running past its end can reach `lo` (FRI 22:00 → MON
  // 02:00 as an interval); everything else ends before this week begins.
  const before = (first - 7) * DAY_MINUTES;
  for (let i = 0; i < minutes.length; i += 2) {
    if ((minutes[i + 1] as number) <= WEEK_MINUTES) continue;
    const s = c.zone.instantOf(wallMinuteMs(before + (minutes[i] as number)));
    const e = c.zone.instantOf(wallMinuteMs(before + (minutes[i + 1] as number)));
    pushInterval(out, Math.max(s, lo), Math.min(e, hi));
  }
  for (let ws = first; ws <= last; ws += 7) {
    const pairs = weekInstants(c, pattern, ws);
    for (let i = 0; i < pairs.length; i += 2) {
      pushInterval(out, Math.max(pairs[i] as number, lo), Math.min(pairs[i + 1] as number, hi));
    }
  }
  return out;
}

function exceptionLayers(
  c: CompiledSchedule,
  list: CompiledException[],
  lo: number,
  hi: number,
): ExceptionLayer[] {
  const out: ExceptionLayer[] = [];
  for (const ex of list) {
    const a = Math.max(ex.from, lo);
    const b = Math.min(ex.until, hi);
    if (b > a) out.push({ ex, set: patternInstants(c, ex.pattern, a, b) });
  }
  return out;
}

function unionOf(layers: ExceptionLayer[]): IntervalSet {
  let out: IntervalSet = [];
  for (const l of layers) out = union(out, l.set);
  return out;
}

/** Longest lead time of a suspension that begins exactly at `at`, or 0. */
export function leadEndingAt(suspends: ExceptionLayer[], at: number): ExceptionLayer | undefined {
  let best: ExceptionLayer | undefined;
  for (const l of suspends) {
    if (l.ex.leadMs > 0 && contains(l.set, at) && (!best || l.ex.leadMs > best.ex.leadMs)) best = l;
  }
  return best;
}

/**
 * Lead time: a hibernation that would last until a suspension begins is ended `leadTime` early
 * (or never started), so the plan is up when the suspension starts. A hibernation that ends
 * before the suspension begins is left alone — it is not followed by the suspension, so it is
 * never cut. A run reaching the lookahead end is not known to end there, so it is kept.
 */
function applyLead(pre: IntervalSet, suspends: ExceptionLayer[], lookahead: number): IntervalSet {
  if (!suspends.some((l) => l.ex.leadMs > 0)) return pre;
  const out: IntervalSet = [];
  for (let i = 0; i < pre.length; i += 2) {
    const s = pre[i] as number;
    let e = pre[i + 1] as number;
    if (e < lookahead) {
      const lead = leadEndingAt(suspends, e);
      if (lead) e -= lead.ex.leadMs;
    }
    pushInterval(out, s, e);
  }
  return out;
}

/** All layers of the timeline over [from, to). */
export function computeLayers(c: CompiledSchedule, from: number, to: number): Layers {
  const lookahead = c.maxLeadMs > 0 ? to + c.maxLeadMs + 1 : to;
  const base = patternInstants(c, c.basePattern, from, lookahead);
  const replaces = exceptionLayers(c, c.replaces, from, lookahead);
  let replaceValid: IntervalSet = [];
  for (const r of replaces)
    replaceValid = union(replaceValid, [
      Math.max(r.ex.from, from),
      Math.min(r.ex.until, lookahead),
    ]);
  const core = union(subtract(base, replaceValid), unionOf(replaces));
  const extendLayers = exceptionLayers(c, c.extends, from, lookahead);
  const suspendLayers = exceptionLayers(c, c.suspends, from, lookahead);
  const extend = unionOf(extendLayers);
  const suspend = unionOf(suspendLayers);
  const pre = subtract(union(core, extend), suspend);
  const final = clip(applyLead(pre, suspendLayers, lookahead), from, to);
  return {
    from,
    to,
    lookahead,
    core,
    replaceValid,
    extend,
    suspend,
    replaces,
    extends: extendLayers,
    suspends: suspendLayers,
    pre,
    final,
  };
}

/** End of the pre-lead hibernation run holding `t` (for naming the suspension a lead time serves). */
export function preRunEnd(layers: Layers, t: number): number | undefined {
  const i = indexOf(layers.pre, t);
  return i < 0 ? undefined : (layers.pre[i + 1] as number);
}
