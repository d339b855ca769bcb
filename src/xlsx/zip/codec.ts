import { Deflate, inflateSync } from "fflate";
import { crc32 } from "./crc32";

/** A raw DEFLATE stream: chunks in, compressed chunks out through the callback given to `deflater`. */
export interface DeflateStream {
  /** Compresses a chunk; `final` ends the stream. */
  push(chunk: Uint8Array, final: boolean): void;
}

/**
 * How parts are unpacked and packed, and checksummed: the default is pure JavaScript (fflate),
 * which runs in a browser; the CLI passes Node's zlib, several times faster on large sheets.
 */
export interface ZipCodec {
  /** Unpacks raw DEFLATE data whose unpacked size is `size`. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** A new raw DEFLATE stream whose output goes to `onData`. */
  deflater(onData: (chunk: Uint8Array) => void): DeflateStream;
  /** CRC-32 of `data`, continuing from `crc`. */
  crc32(data: Uint8Array, crc: number): number;
}

/** Compression level: fast, as the parts we write are large and regular (the size gain of more effort is small). */
const LEVEL = 3;

/** The browser-safe codec: fflate's inflate and deflate, and a table CRC. */
export const jsCodec: ZipCodec = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflater: (onData) => {
    const d = new Deflate({ level: LEVEL }, (chunk) => onData(chunk));
    return { push: (chunk, final) => d.push(chunk, final) };
  },
  crc32,
};
