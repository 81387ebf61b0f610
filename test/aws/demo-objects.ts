import { SANDBOX_ACCOUNT_ID, SANDBOX_KEYS, SANDBOX_REGION } from '../cloud/aws';
import { writeAwsProfiles, type AwsFilesEnv } from './credentials-file';

/**
 * Demo objects for `npm run demo` (the lead's test/cloud/demo.ts): an AWS connection to the
 * emulator's sandbox account and two plans over the sandbox seed.
 */
export const DEMO_CONNECTION = 'sandbox-aws';
export const DEMO_PROFILE = 'hibernator-sandbox';

/** Writes the `hibernator-sandbox` profile (the sandbox admin keys) into `dir`; set the returned env vars. */
export function writeDemoAwsCredentials(dir: string): AwsFilesEnv {
  return writeAwsProfiles(dir, {
    [DEMO_PROFILE]: { ...SANDBOX_KEYS.admin, region: SANDBOX_REGION },
  });
}

export function awsDemoConnection(endpointUrl: string): Record<string, unknown> {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'CloudProvider',
    metadata: { name: DEMO_CONNECTION, labels: { demo: 'true' } },
    spec: {
      type: 'aws',
      aws: {
        region: SANDBOX_REGION,
        profile: DEMO_PROFILE,
        accountId: SANDBOX_ACCOUNT_ID,
        endpoint: endpointUrl,
      },
    },
  };
}

const ref = { kind: 'CloudProvider', name: DEMO_CONNECTION };
const weeknights = {
  timezone: 'Europe/Berlin',
  offHours: [{ start: '19:00', end: '07:30', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }],
};

/**
 * `dev-env`: the dev web tier (by tag), its Auto Scaling group, the Postgres instance and the
 * staging Aurora cluster; apps go down before the databases (DAG). `staging-batch`: the data
 * team's staging instances, Sequential, hibernating where the instance supports it.
 */
export function awsDemoPlans(): Array<Record<string, unknown>> {
  return [
    {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernatePlan',
      metadata: { name: 'dev-env', labels: { team: 'web', demo: 'true' } },
      spec: {
        schedule: weeknights,
        execution: {
          strategy: {
            type: 'DAG',
            maxConcurrency: 3,
            dependencies: [
              { from: 'web-servers', to: 'orders-db' },
              { from: 'web-asg', to: 'orders-db' },
              { from: 'web-servers', to: 'analytics-aurora' },
            ],
          },
        },
        behavior: { mode: 'Strict', retries: 3 },
        targets: [
          {
            name: 'web-servers',
            type: 'ec2',
            connectorRef: ref,
            parameters: {
              selector: {
                tagSelector: {
                  matchTags: { Environment: 'dev' },
                  matchExpressions: [{ key: 'Team', operator: 'In', values: ['web', 'api'] }],
                },
              },
            },
          },
          {
            name: 'web-asg',
            type: 'asg',
            connectorRef: ref,
            parameters: { selector: { names: ['web-asg'] } },
          },
          {
            name: 'orders-db',
            type: 'rds',
            connectorRef: ref,
            parameters: { selector: { instanceIds: ['orders-db'] }, snapshotBeforeStop: true },
          },
          {
            name: 'analytics-aurora',
            type: 'rds',
            connectorRef: ref,
            parameters: { selector: { clusterIds: ['analytics-aurora'] } },
          },
        ],
      },
    },
    {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'HibernatePlan',
      metadata: { name: 'staging-batch', labels: { team: 'data', demo: 'true' } },
      spec: {
        schedule: {
          timezone: 'Europe/Berlin',
          offHours: [
            { start: '20:00', end: '06:00', daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
            { start: '00:00', end: '24:00', daysOfWeek: ['SAT', 'SUN'] },
          ],
        },
        execution: { strategy: { type: 'Sequential' } },
        targets: [
          {
            name: 'data-instances',
            type: 'ec2',
            connectorRef: ref,
            parameters: {
              selector: { tags: { Environment: 'staging', Team: 'data' } },
              hibernate: true,
            },
          },
          {
            name: 'eks-nodes',
            type: 'eks',
            connectorRef: ref,
            parameters: { clusterName: 'dev-cluster' },
          },
        ],
      },
    },
  ];
}
