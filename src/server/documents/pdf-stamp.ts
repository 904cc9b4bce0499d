import PDFDocument from 'pdfkit';

/*
 * Stamps lines on every page of a PDF that renderPdf produced, without rendering it again: an
 * incremental update appended after the original bytes (PDF 32000-1, 7.5.6). Each page's content
 * becomes [q, original, Q, stamp], its resources gain a form XObject holding the stamp, and a new
 * cross-reference section points back to the original one. The original file is an unchanged
 * prefix of the result, so the issued document's SHA-256 still checks against it.
 * The stamp uses the standard Helvetica fonts (WinAnsi): a character outside that set is written
 * without its accent when it has one, otherwise as "?". Only the classic cross-reference table
 * pdfkit writes is read; anything else is refused rather than guessed at.
 */

const WIN_ANSI_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Whether every character of the text is in WinAnsi, so a stamp writes it as it is (no accent lost, no "?"). */
export function isWinAnsi(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (!(ch in WIN_ANSI_HIGH) && (code > 0xff || (code >= 0x80 && code < 0xa0) || code < 0x20)) return false;
  }
  return true;
}

/** Text as WinAnsi, then as a PDF literal string with its specials escaped. */
export function winAnsiLiteral(text: string): string {
  let out = '';
  for (const ch of text) {
    let code = WIN_ANSI_HIGH[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff || (code >= 0x80 && code < 0xa0 && !(ch in WIN_ANSI_HIGH))) {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      code = bare.length === 1 && bare.codePointAt(0)! < 0x80 ? bare.codePointAt(0)! : 0x3f;
    }
    const c = String.fromCharCode(code);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

let metrics: PDFKit.PDFDocument | null = null;
function widthOf(text: string, font: 'Helvetica' | 'Helvetica-Bold', size: number) {
  metrics ??= new PDFDocument({ autoFirstPage: false });
  return metrics.font(font).fontSize(size).widthOfString(text);
}

const fit = (text: string, font: 'Helvetica', size: number, max: number) => {
  if (widthOf(text, font, size) <= max) return text;
  let t = text;
  while (t.length > 1 && widthOf(`${t}…`, font, size) > max) t = t.slice(0, -1);
  return `${t}…`;
};

type TObj = { num: number; text: string };

export function stampPdfPages(pdf: Buffer, lines: readonly string[]): Buffer {
  const src = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(src)?.[1]);
  if (!Number.isFinite(startxref) || !src.startsWith('xref', startxref)) throw new Error('stampPdfPages: no classic cross-reference table');
  const xref = /^xref\n0 (\d+)\n/.exec(src.slice(startxref, startxref + 40));
  if (!xref) throw new Error('stampPdfPages: one cross-reference subsection expected');
  const size = Number(xref[1]);
  const entriesAt = startxref + xref[0].length;
  const offsetOf = (num: number) => Number(src.slice(entriesAt + num * 20, entriesAt + num * 20 + 10));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(src.slice(startxref))?.[1] ?? '';
  const read = (num: number): TObj => {
    const at = offsetOf(num);
    const head = `${num} 0 obj`;
    if (!src.startsWith(head, at)) throw new Error(`stampPdfPages: object ${num} not at its offset`);
    const end = src.indexOf('endobj', at);
    return { num, text: src.slice(at + head.length, end).trim() };
  };
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
    if (!m) throw new Error(`stampPdfPages: /${key} is not a reference`);
    return Number(m[1]);
  };

  const root = ref(trailer, 'Root');
  const pages = read(ref(read(root).text, 'Pages'));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pages.text)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  if (kids.length === 0) throw new Error('stampPdfPages: no pages');

  let next = size;
  const added: TObj[] = [];
  const add = (text: string) => {
    const num = next++;
    added.push({ num, text });
    return num;
  };
  const stream = (dict: string, body: string) => `<<\n${dict}\n/Length ${Buffer.byteLength(body, 'latin1')}\n>>\nstream\n${body}\nendstream`;

  const bold = add('<<\n/Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica-Bold\n/Encoding /WinAnsiEncoding\n>>');
  const regular = add('<<\n/Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/Encoding /WinAnsiEncoding\n>>');
  const faint = add('<<\n/Type /ExtGState\n/ca 0.18\n>>');
  const open = add(stream('', 'q'));
  const close = add(stream('', 'Q'));
  const forms = new Map<string, number>();
  const formFor = (w: number, h: number) => {
    const key = `${w} ${h}`;
    const known = forms.get(key);
    if (known) return known;
    const lh = 28;
    const big = lines.map((l, i) => {
      const y = ((lines.length - 1) / 2) * lh - i * lh - 7;
      return `BT /WMB 20 Tf ${(-widthOf(l, 'Helvetica-Bold', 20) / 2).toFixed(2)} ${y.toFixed(2)} Td ${winAnsiLiteral(l)} Tj ET`;
    });
    const small = fit(lines.join(' — '), 'Helvetica', 6.5, w - 112);
    const a = (35 * Math.PI) / 180;
    const body = [
      'q /WMG gs 0.361 0.373 0.4 rg',
      `${Math.cos(a).toFixed(5)} ${Math.sin(a).toFixed(5)} ${(-Math.sin(a)).toFixed(5)} ${Math.cos(a).toFixed(5)} ${(w / 2).toFixed(2)} ${(h / 2).toFixed(2)} cm`,
      ...big,
      'Q',
      `q 0.361 0.373 0.4 rg BT /WMR 6.5 Tf ${((w - widthOf(small, 'Helvetica', 6.5)) / 2).toFixed(2)} 46 Td ${winAnsiLiteral(small)} Tj ET Q`,
    ].join('\n');
    const num = add(stream(`/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${w} ${h}]\n/Resources << /Font << /WMB ${bold} 0 R /WMR ${regular} 0 R >> /ExtGState << /WMG ${faint} 0 R >> >>`, body));
    forms.set(key, num);
    return num;
  };

  const updated: TObj[] = [];
  for (const kid of kids) {
    const page = read(kid);
    const box = /\/MediaBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(page.text);
    if (!box || Number(box[1]) !== 0 || Number(box[2]) !== 0) throw new Error('stampPdfPages: unexpected MediaBox');
    const form = formFor(Number(box[3]), Number(box[4]));
    const draw = add(stream('', 'q /WMX Do Q'));
    const contents = ref(page.text, 'Contents');
    const resources = read(ref(page.text, 'Resources'));
    if (updated.some((o) => o.num === resources.num)) throw new Error('stampPdfPages: pages share their resources');
    const xobject = `/WMX ${form} 0 R`;
    const resText = resources.text.includes('/XObject <<') ? resources.text.replace('/XObject <<', `/XObject <<\n${xobject}`) : resources.text.replace(/>>$/, `/XObject <<\n${xobject}\n>>\n>>`);
    updated.push({ num: resources.num, text: resText });
    updated.push({ num: kid, text: page.text.replace(/\/Contents \d+ 0 R/, `/Contents [${open} 0 R ${contents} 0 R ${close} 0 R ${draw} 0 R]`) });
  }

  let body = '\n';
  let offset = pdf.length + 1;
  const entries: [number, number][] = [];
  for (const o of [...updated, ...added]) {
    const text = `${o.num} 0 obj\n${o.text}\nendobj\n`;
    entries.push([o.num, offset]);
    body += text;
    offset += Buffer.byteLength(text, 'latin1');
  }
  entries.sort((a, b) => a[0] - b[0]);
  const table = entries.map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('');
  const keep = ['Root', 'Info'].map((k) => (new RegExp(`/${k} \\d+ 0 R`).exec(trailer)?.[0] ?? '')).filter(Boolean);
  const id = /\/ID \[[^\]]*\]/.exec(trailer)?.[0];
  const tail = `xref\n${table}trailer\n<<\n/Size ${next}\n${keep.join('\n')}\n${id ? `${id}\n` : ''}/Prev ${startxref}\n>>\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body + tail, 'latin1')]);
}
