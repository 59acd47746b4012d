// A minimal ZIP writer (store and deflate, no ZIP64) for the edition's EPUB: no ZIP writer is among the project's
// dependencies, and an EPUB needs only this. Timestamps are fixed by the caller, so two builds are byte-identical.
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Stored as it is (the EPUB's mimetype must be); otherwise deflated */
  store?: boolean;
}

/** DOS date and time of a moment (local fields read as UTC, so the bytes do not depend on the machine's zone). */
function dosTime(when: Date): { time: number; date: number } {
  // A DOS date starts in 1980: an older paper's edition (1920) is dated 1980-01-01 inside the ZIP.
  if (when.getUTCFullYear() < 1980) when = new Date("1980-01-01T00:00:00Z");
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2),
    date: ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

export function zip(entries: ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const body = entry.store ? entry.data : zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = zlib.crc32(entry.data);
    const method = entry.store ? 0 : 8;
    // Bit 11: names are UTF-8.
    const flags = 0x0800;
    // The fields local and central headers share, from "version needed" to the name's length.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(entry.data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    shared(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
