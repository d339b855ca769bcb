import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx/zip/codec";

/** Compression level of the parts the CLI writes: fast (large, regular sheets gain little from more). */
const LEVEL = 3;

/**
 * The .xlsx adapter's codec on Node: zlib, several times faster than the JavaScript one. Each
 * chunk is compressed on its own and ends with a sync flush (the last with the final block), so
 * the chunks joined make one valid DEFLATE stream without holding a whole part in memory.
 */
export const nodeZipCodec: ZipCodec = {
  inflate: (data) => inflateRawSync(data),
  deflater: (onData) => ({
    push: (chunk, final) => {
      const out = deflateRawSync(chunk, {
        level: LEVEL,
        finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      });
      onData(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    },
  }),
  crc32: (data, crc) => crc32(data, crc),
};
