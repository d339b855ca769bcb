import { Sha256 } from "../sha256";

/** SHA-256 of a text of ASCII characters only (a run record's JSON), as 64 hex digits. */
export function asciiSha256(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Sha256().update(bytes).hex();
}
