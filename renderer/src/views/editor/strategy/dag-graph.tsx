import { useId } from 'react';
import { layoutDag } from './dag-levels';

const BOX_W = 132;
const BOX_H = 26;
const COL_GAP = 44;
const ROW_GAP = 12;
const PAD = 6;

function short(name: string): string {
  return name.length > 17 ? `${name.slice(0, 16)}…` : name;
}

/**
 * The shutdown order as a small picture: columns left to right, an arrow from each target to
 * the ones that wait for it. Wake-up runs it right to left. Plain SVG, no layout library.
 */
export function DagGraph({
  targets,
  dependencies,
}: {
  targets: readonly string[];
  dependencies: ReadonlyArray<{ from: string; to: string }>;
}) {
  const markerId = `${useId()}-arrow`;
  const { levels, edges, cyclic } = layoutDag(targets, dependencies);
  if (levels.length === 0) return null;
  const rows = Math.max(...levels.map((l) => l.length));
  const width = PAD * 2 + levels.length * BOX_W + (levels.length - 1) * COL_GAP;
  const height = PAD * 2 + rows * BOX_H + (rows - 1) * ROW_GAP;
  const pos = new Map<string, { x: number; y: number }>();
  levels.forEach((column, c) =>
    column.forEach((t, r) =>
      pos.set(t, { x: PAD + c * (BOX_W + COL_GAP), y: PAD + r * (BOX_H + ROW_GAP) }),
    ),
  );
  const description = levels
    .map((column, c) => `${c === 0 ? 'First' : 'then'} ${column.join(', ')}`)
    .join('; ');

  return (
    <figure className="dag-graph">
      <svg
        role="img"
        aria-label={`Shutdown order: ${description}${cyclic.length > 0 ? ` (${cyclic.join(', ')} on a cycle)` : ''}`}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="dag-arrow" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          if (!a || !b) return null;
          return (
            <line
              key={`${e.from}->${e.to}`}
              className="dag-edge"
              x1={a.x + BOX_W}
              y1={a.y + BOX_H / 2}
              x2={b.x}
              y2={b.y + BOX_H / 2}
              markerEnd={`url(#${markerId})`}
            />
          );
        })}
        {[...pos].map(([t, p]) => (
          <g key={t} className={cyclic.includes(t) ? 'dag-node dag-node-cyclic' : 'dag-node'}>
            <title>{t}</title>
            <rect x={p.x} y={p.y} width={BOX_W} height={BOX_H} rx="5" />
            <text x={p.x + BOX_W / 2} y={p.y + BOX_H / 2} dominantBaseline="central">
              {short(t)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="field-hint">
        Shutdown runs left to right (an arrow points to the targets that wait); wake-up runs right
        to left.
      </figcaption>
    </figure>
  );
}
