/** cose-js ships no types: what the QR test uses of it. */
declare module 'cose-js' {
  export const sign: {
    verify(message: Buffer, verifier: { key: { x: Buffer; y: Buffer } }): Promise<Buffer>;
  };
}
