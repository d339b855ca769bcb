/**
 * A set of names compared as the engine compares names (trimmed, lower-cased), for the PostIds
 * of 10,000 posts: it hashes each name's characters in place, without making a lower-cased copy
 * or growing a Set, both of which left megabytes of garbage per computation. Only names whose
 * hashes are equal are compared as strings.
 */
export interface KeySet {
  /** Adds a name; true when an equal name (trimmed, lower-cased) was already there. */
  addSeen(name: string): boolean;
}

function key(name: string): string {
  return name.trim().toLowerCase();
}

/** ASCII whitespace, as String.prototype.trim removes it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * FNV-1a over the characters of key(name), taken in place when the name is ASCII (where trimming
 * and lower-casing are plain to do); otherwise over key(name) itself.
 */
function hashKey(name: string): number {
  let lo = 0;
  let hi = name.length;
  while (lo < hi && isSpace(name.charCodeAt(lo))) lo++;
  while (hi > lo && isSpace(name.charCodeAt(hi - 1))) hi--;
  let h = 0x811c9dc5;
  for (let i = lo; i < hi; i++) {
    let c = name.charCodeAt(i);
    if (c > 127) return hashString(key(name));
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** FNV-1a over a string's characters as they are. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A KeySet with room for `capacity` names (it grows past that if need be). */
export function keySet(capacity: number): KeySet {
  let size = 1 << Math.max(4, Math.ceil(Math.log2(2 * capacity + 1)));
  // slots[s] is 1 + the index in `names` of the name there, 0 when empty.
  let slots = new Int32Array(size);
  let hashes = new Int32Array(size >> 1);
  const names = new Array<string>(size >> 1);
  let count = 0;
  return {
    addSeen(name: string): boolean {
      const h = hashKey(name);
      let s = h & (size - 1);
      while (slots[s] !== 0) {
        const j = slots[s] - 1;
        if (hashes[j] === h && key(names[j]) === key(name)) return true;
        s = (s + 1) & (size - 1);
      }
      if (2 * (count + 1) > size) {
        // Kept at most half full, so that a probe soon meets an empty slot.
        size *= 2;
        slots = new Int32Array(size);
        const grown = new Int32Array(size >> 1);
        grown.set(hashes);
        hashes = grown;
        for (let j = 0; j < count; j++) {
          let t = hashes[j] & (size - 1);
          while (slots[t] !== 0) t = (t + 1) & (size - 1);
          slots[t] = j + 1;
        }
        s = h & (size - 1);
        while (slots[s] !== 0) s = (s + 1) & (size - 1);
      }
      hashes[count] = h;
      names[count] = name;
      count++;
      slots[s] = count;
      return false;
    },
  };
}
