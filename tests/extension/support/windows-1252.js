// Imported first by the tests that decode mail in Node. Node 20's TextDecoder decodes "windows-1252" (the
// Encoding Standard's name for every Latin-1 label too: latin1, iso-8859-1, us-ascii...) as ISO-8859-1, so bytes
// 0x80-0x9F come out as C1 control characters instead of €, –, “, ” and the rest. Browsers decode them as the
// Encoding Standard says, and the extension runs only there (tests/extension/browser/popup-in-chromium.test.js
// imports the same windows-1252 fixture in the built full page in Chromium). So that Node's tests see what a
// browser sees, this replaces TextDecoder with one that decodes windows-1252 by the standard's table, and only
// where Node's is wrong; every other encoding stays Node's own.

// Bytes 0x80-0x9F in windows-1252 (the Encoding Standard's index); the other bytes are their own code points.
const HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** @param {ArrayBuffer | ArrayBufferView | undefined} input */
function bytesOf(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(input);
}

export const nodeDecodesWindows1252Wrongly = new TextDecoder("windows-1252").decode(Uint8Array.of(0x80)) !== "\u20ac";

if (nodeDecodesWindows1252Wrongly) {
  const NodeTextDecoder = globalThis.TextDecoder;
  globalThis.TextDecoder = class extends NodeTextDecoder {
    /** @param {ArrayBuffer | ArrayBufferView} [input] @param {TextDecodeOptions} [options] */
    decode(input, options) {
      // A single-byte encoding: nothing is carried between calls, so streaming needs no state.
      if (this.encoding !== "windows-1252") return super.decode(input, options);
      let out = "";
      for (const byte of bytesOf(input))
        out += byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] : String.fromCharCode(byte);
      return out;
    }
  };
}
