import { xml, leaf } from './xml';

/** The three wire dialects the emulator answers in; each shapes errors differently. */
export type WireProtocol = 'ec2' | 'query' | 'rest-json';

/**
 * An error AWS would return: the service's own code (`IncorrectInstanceState`, `DBInstanceNotFound`,
 * `ResourceNotFoundException`), its HTTP status, and for EKS the extra body fields AWS adds
 * (`clusterName`, `nodegroupName`).
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function renderError(
  error: AwsError,
  protocol: WireProtocol,
  namespace: string,
  requestId: string,
): WireResponse {
  if (protocol === 'rest-json') {
    return {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        // The SDK reads the error name from this header (the part before the colon).
        'x-amzn-errortype': `${error.code}:http://internal.amazon.com/coral/com.amazonaws.eks/`,
        'x-amzn-requestid': requestId,
      },
      body: JSON.stringify({ ...error.fields, message: error.message }),
    };
  }
  if (protocol === 'ec2') {
    const body = xml(
      'Response',
      xml('Errors', xml('Error', leaf('Code', error.code), leaf('Message', error.message))),
      leaf('RequestID', requestId),
    );
    return {
      status: error.status,
      headers: xmlHeaders(requestId),
      body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
    };
  }
  const body = `<ErrorResponse xmlns="${namespace}">${xml(
    'Error',
    leaf('Type', error.status >= 500 ? 'Receiver' : 'Sender'),
    leaf('Code', error.code),
    leaf('Message', error.message),
  )}${leaf('RequestId', requestId)}</ErrorResponse>`;
  return { status: error.status, headers: xmlHeaders(requestId), body };
}

export function xmlHeaders(requestId: string): Record<string, string> {
  return { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId };
}
