import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { DescribeInstancesCommandInput } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkPages } from './sdk-pages';

describe('sdkPages', () => {
  it('reads every page through fetchPage, passing each NextToken back, and leaves the input alone', async () => {
    const seen: DescribeInstancesCommandInput[] = [];
    const tokens = ['b', 'c', undefined];
    const input = { MaxResults: 5 };
    const pages: number[] = [];
    for await (const page of sdkPages(
      paginateDescribeInstances,
      EC2Client,
      async (i: DescribeInstancesCommandInput) => {
        seen.push({ ...i });
        return { $metadata: {}, NextToken: tokens[seen.length - 1], Reservations: [] };
      },
      input,
    ))
      pages.push(page.Reservations?.length ?? -1);
    expect(pages).toEqual([0, 0, 0]);
    expect(seen.map((i) => [i.NextToken, i.MaxResults])).toEqual([
      [undefined, 5],
      ['b', 5],
      ['c', 5],
    ]);
    expect(input).toEqual({ MaxResults: 5 });
  });

  it('stops at an empty token and surfaces a failing page', async () => {
    const empty = sdkPages(
      paginateDescribeInstances,
      EC2Client,
      async () => ({
        $metadata: {},
        NextToken: '',
      }),
      {},
    );
    let count = 0;
    for await (const _ of empty) count += 1;
    expect(count).toBe(1);
    const failing = sdkPages(
      paginateDescribeInstances,
      EC2Client,
      () => Promise.reject(new Error('throttled')),
      {},
    );
    await expect(failing.next()).rejects.toThrow('throttled');
  });
});
