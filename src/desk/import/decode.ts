// Turns a dump's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK from print systems.
import iconv from "iconv-lite";
import { ImportError } from "./problems.ts";

export type DumpEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

// Binary files (a PDF or a scan given by mistake) decode "successfully" as GB18030, so control characters are the tell.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Decodes a dump; line endings come back as "\n" whatever the file used. */
export function decodeDump(bytes: Uint8Array, file: string): { text: string; encoding: DumpEncoding } {
  let text: string;
  let encoding: DumpEncoding;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    encoding = "utf-8";
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(3));
    } catch {
      // The BOM says UTF-8, so guessing another encoding would hide a damaged file.
      throw new ImportError(file, "starts with a UTF-8 byte-order mark but is not valid UTF-8; export the dump again");
    }
  } else if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    encoding = "utf-16le";
    text = iconv.decode(buffer.subarray(2), "utf-16le");
  } else if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    encoding = "utf-16be";
    text = iconv.decode(buffer.subarray(2), "utf-16be");
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
      encoding = "utf-8";
    } catch {
      // Not UTF-8: Chinese print systems mostly export GB2312/GBK, which GB18030 covers.
      text = iconv.decode(buffer, "gb18030");
      encoding = "gb18030";
    }
  }
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    throw new ImportError(
      file,
      `cannot be decoded: it is neither UTF-8 nor GB18030 (undecodable bytes here). ` +
        `Export the dump from the print system again as UTF-8 or GB18030 text`,
      lineOf(text, bad),
    );
  }
  const control = CONTROL.exec(text);
  if (control) {
    throw new ImportError(
      file,
      `contains control characters (U+${control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}), ` +
        `so it is not a text dump; give the page's text export, not a PDF or image`,
      lineOf(text, control.index),
    );
  }
  // A form feed is a page break in some exports: a paragraph break is what it means here.
  return { text: text.replace(/\r\n?|\f/g, "\n"), encoding };
}
