import type { ExecutorType } from '../../../shared/model';
import type { Executor } from './executor';

/** Adding a resource type = one folder under executors/ plus one line where the registry is built. */
export class ExecutorRegistry {
  private readonly executors = new Map<string, Executor<unknown>>();

  register<P>(executor: Executor<P>): this {
    this.executors.set(executor.type, executor as unknown as Executor<unknown>);
    return this;
  }

  get(type: ExecutorType | string): Executor<unknown> | undefined {
    return this.executors.get(type);
  }

  types(): string[] {
    return [...this.executors.keys()];
  }
}
