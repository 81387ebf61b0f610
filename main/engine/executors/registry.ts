import type { ExecutorType } from '../../../shared/model';
import { createAsgExecutor } from './asg/asg-executor';
import type { AwsExecutorOptions } from './aws-common/executor-options';
import { createEc2Executor } from './ec2/ec2-executor';
import { createEksExecutor } from './eks/eks-executor';
import type { Executor } from './executor';
import { createKarpenterExecutor, type KarpenterOptions } from './karpenter/karpenter-executor';
import { createNoopExecutor } from './noop/noop-executor';
import { createRdsExecutor } from './rds/rds-executor';
import {
  createWorkloadScalerExecutor,
  type WorkloadScalerOptions,
} from './workloadscaler/workloadscaler-executor';

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

export interface ExecutorRegistryOptions {
  aws?: AwsExecutorOptions;
  workloadscaler?: WorkloadScalerOptions;
  karpenter?: KarpenterOptions;
  /** The noop executor's dice (tests pin it). */
  random?: () => number;
}

/**
 * Every executor the engine knows, one line each: adding a resource type adds its folder and a
 * line here. Options are the knobs tests and benchmarks turn; the defaults suit real clouds.
 */
export function createExecutorRegistry(options: ExecutorRegistryOptions = {}): ExecutorRegistry {
  return new ExecutorRegistry()
    .register(createNoopExecutor(options.random))
    .register(createEc2Executor(options.aws))
    .register(createRdsExecutor(options.aws))
    .register(createEksExecutor(options.aws))
    .register(createAsgExecutor(options.aws))
    .register(createWorkloadScalerExecutor(options.workloadscaler))
    .register(createKarpenterExecutor(options.karpenter));
}
