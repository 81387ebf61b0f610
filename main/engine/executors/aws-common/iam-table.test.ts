import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASG_IAM_ACTIONS } from '../asg/asg-api';
import { EC2_IAM_ACTIONS } from '../ec2/ec2-api';
import { EKS_IAM_ACTIONS } from '../eks/eks-api';
import { RDS_IAM_ACTIONS } from '../rds/rds-api';

describe('docs/aws.md IAM table', () => {
  it('has one row per method of each narrow client, naming the action the client calls it under', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/aws.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `(ec2|rds|eks|asg)` \| `(\w+)` \| `([\w:]+)`/gm)].map(
      (m) => [m[1], m[2], m[3]],
    );
    const tables = {
      ec2: EC2_IAM_ACTIONS,
      rds: RDS_IAM_ACTIONS,
      eks: EKS_IAM_ACTIONS,
      asg: ASG_IAM_ACTIONS,
    };
    const expected = Object.entries(tables).flatMap(([executor, actions]) =>
      Object.entries(actions).map(([method, action]) => [executor, method, action]),
    );
    expect(rows).toEqual(expected);
  });
});
