import type { Executor } from '../executor';
import type { ExecutorRegistry } from '../registry';
import { createAsgExecutor } from '../asg/asg-executor';
import { createEc2Executor } from '../ec2/ec2-executor';
import { createEksExecutor } from '../eks/eks-executor';
import { createRdsExecutor } from '../rds/rds-executor';
import type { AwsExecutorOptions } from './executor-options';

/** The four AWS executors, for the lead's registry: `registerAwsExecutors(registry)`. */
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

export function awsExecutorTypes(): Array<Executor['type']> {
  return ['ec2', 'rds', 'eks', 'asg'];
}
