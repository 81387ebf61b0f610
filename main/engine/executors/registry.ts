import type { ExecutorType } from '../../../shared/model';
import { createAsgExecutor } from './asg/asg-executor';
import type { AwsExecutorOptions } from './aws-common/executor-options';
import { createEc2Executor } from './ec2/ec2-executor';
import { createEksExecutor } from './eks/eks-executor';
import type { Executor } from './executor';
import { createRdsExecutor } from './rds/rds-executor';

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

/** The four AWS executors: `registerAwsExecutors(registry)`. */
export function registerAwsExecutors(
  registry: ExecutorRegistry,
  options: AwsExecutorOptions = {},
): ExecutorRegistry {
  return registry
    .register(createEc2Executor(options))
    .register(createRdsExecutor(options))
    .register(createEksExecutor(options))
    .register(createAsgExecutor(options));
}
