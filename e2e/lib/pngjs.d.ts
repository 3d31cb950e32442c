/** The part of pngjs (no bundled types) the browser tests use: decoding a screenshot. */
declare module 'pngjs' {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
