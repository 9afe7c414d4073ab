/**
 * Electronic signatures of outgoing documents. The default is a **simple electronic signature**
 * (Federal Law No. 63-FZ «Об электронной подписи», Art. 5 p.2: «Простой электронной подписью
 * является электронная подпись, которая посредством использования кодов, паролей или иных средств
 * подтверждает факт формирования электронной подписи определенным лицом»): the platform records who
 * signed (an authenticated user), when, and the SHA-256 of the exact bytes of the signed PDF, and
 * anyone holding the file can check it at the public verification endpoint.
 *
 * A qualified signature (CMS/GOST R 34.10-2012 through a crypto provider) plugs in here as another
 * `SignatureProvider`: it returns the detached signature in `signatureData`.
 */
export interface SignatureProvider {
  /** Stored in `signatures.method`: `simple`, or the plug-in's name. */
  readonly method: string;
  sign(input: SignInput): Promise<SignOutput>;
}

export interface SignInput {
  /** The exact bytes of the approved version's PDF. */
  pdf: Uint8Array;
  signer: { userId: string; name: string; position: string | null };
  signedAt: Date;
}

export interface SignOutput {
  /** The signed file (the simple signature keeps the bytes unchanged). */
  file: Uint8Array;
  /** A detached signature (CMS, base64), or null for the simple signature. */
  signatureData: string | null;
}

export const simpleSignatureProvider: SignatureProvider = {
  method: 'simple',
  async sign({ pdf }) {
    return { file: pdf, signatureData: null };
  },
};
