import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';

/**
 * Real AWS SDK v3 clients pointed at an emulator, as the engine will build them: static
 * credentials, an endpoint override, and no retries so every injected error is seen once.
 */
export interface TestCredentials {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
}

export interface SdkClients {
  ec2: EC2Client;
  rds: RDSClient;
  eks: EKSClient;
  asg: AutoScalingClient;
  sts: STSClient;
}

export function sdkClients(endpoint: string, credentials: TestCredentials = {}): SdkClients {
  const config = {
    endpoint,
    region: credentials.region ?? 'us-east-1',
    maxAttempts: 1,
    credentials: {
      accessKeyId: credentials.accessKeyId ?? 'AKIATESTKEY000000001',
      secretAccessKey: credentials.secretAccessKey ?? 'test-secret',
      ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    },
  };
  return {
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    eks: new EKSClient(config),
    asg: new AutoScalingClient(config),
    sts: new STSClient(config),
  };
}

export interface CaughtAwsError {
  name: string;
  message: string;
  status: number | undefined;
  fault: string | undefined;
}

/** Awaits a call that must fail and returns what the SDK surfaced (typed exception name, HTTP status). */
export async function sdkError(call: Promise<unknown>): Promise<CaughtAwsError> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const meta = (error as Error & { $metadata?: { httpStatusCode?: number }; $fault?: string })
      .$metadata;
    const fault = (error as Error & { $fault?: string }).$fault;
    return { name: error.name, message: error.message, status: meta?.httpStatusCode, fault };
  }
  throw new Error('expected the AWS call to fail, but it succeeded');
}
