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
  // Never more than the size the zip's directory states: a part that would unpack to more (a
  // "zip bomb") fails at once as damaged, instead of filling memory first.
  inflate: (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) }),
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
