import { sha256Hex, type Sql } from '@zemstvo/kernel';
import { signaturesRepo } from '../infra/signatures.repository.ts';

export type Verification =
  | { valid: false; sha256: string }
  | {
      valid: true;
      sha256: string;
      method: string;
      signer: string;
      position: string | null;
      signedAt: Date;
      municipality: string | null;
      municipalityEn: string | null;
      documentNumber: string | null;
    };

/**
 * Public verification of a signed file: the SHA-256 of the exact bytes is looked up among the
 * signatures of every municipality. Only what the signed document itself shows is told (signer,
 * position, time, municipality, number); a file changed by a single byte is not valid.
 */
export async function verifyHash(sql: Sql, sha256: string): Promise<Verification> {
  const hash = sha256.toLowerCase();
  const [s] = await signaturesRepo.byHash(sql, hash);
  if (!s) return { valid: false, sha256: hash };
  return {
    valid: true,
    sha256: hash,
    method: s.method,
    signer: s.signerName,
    position: s.signerPosition,
    signedAt: s.signedAt,
    municipality: s.municipalityNameRu,
    municipalityEn: s.municipalityNameEn,
    documentNumber: s.documentNumber,
  };
}

export const verifyFile = (sql: Sql, bytes: Uint8Array): Promise<Verification> =>
  verifyHash(sql, sha256Hex(bytes));
