/** A throwaway self-signed certificate for 127.0.0.1/localhost (kubectl sends tokens only over TLS). */
import { generate } from 'selfsigned';

export interface ServerCertificate {
  key: string;
  cert: string;
}

export async function selfSignedCertificate(): Promise<ServerCertificate> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'kube-emulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 24 * 3600_000),
    // The certificate is its own CA, so clients can trust it through certificate-authority-data.
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
