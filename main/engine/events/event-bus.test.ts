import { describe, expect, it } from 'vitest';
import type { HibernatorEvent } from '../../../shared/api/events';
import { EventBus } from './event-bus';

describe('EventBus', () => {
  it('hands listeners events whose error texts carry no credential', () => {
    const bus = new EventBus();
    const seen: HibernatorEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    bus.emit({
      type: 'TargetProgress',
      plan: 'dev',
      target: 'web',
      state: 'Failed',
      message: 'x-amz-security-token:FwoGZXIvYXdzEBkaDOpaqueToken123 rejected',
    });
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain('FwoGZXIvYXdzEBkaDOpaqueToken123');
    expect(seen[0]).toMatchObject({ type: 'TargetProgress', plan: 'dev', target: 'web' });
  });
});
