/**
 * What a PDF really carries, read from its bytes rather than through a PDF library: the raw file
 * with every compressed stream inflated (object streams hold dictionaries such as the document
 * properties; the XMP packet is usually compressed too).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';

/** The file as latin1 text, the text of every stream that inflates, and every hex string decoded. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const parts = [raw];
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(Buffer.from(bytes).subarray(start, end), { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a trailing EOL */ }).toString('latin1'));
    } catch {
      // Not a Flate stream (an image, a font): its bytes are already in the raw text.
    }
  }
  // Hex strings (`<FEFF004E…>`, how document properties are usually written) decoded as well.
  const text = parts.join('\n');
  const decoded = [...text.matchAll(/<([0-9A-Fa-f\s]{4,})>/g)].map(([, hex]) => {
    const b = Buffer.from((hex as string).replace(/\s/g, ''), 'hex');
    return b[0] === 0xfe && b[1] === 0xff ? Buffer.from(b.subarray(2)).swap16().toString('utf16le') : b.toString('latin1');
  });
  return [text, ...decoded].join('\n');
}

/** What a word processor writes about its author: document properties and an XMP packet. */
export const AUTHOR_TRACES = ['Ni Luh Pelapor', 'LibreOffice 7.6', 'Writer (Pelapor)', 'dc:creator', 'xmpmeta'] as const;

/**
 * A receipt as a word processor saves it: the document properties in a compressed object stream,
 * a compressed XMP packet naming the author, a comment annotation signed with the author's name.
 */
export async function aWordProcessorPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([300, 200]);
  page.drawText('Kwitansi Rp50.000', { x: 20, y: 100, size: 14 });
  doc.setAuthor('Ni Luh Pelapor');
  doc.setProducer('LibreOffice 7.6');
  doc.setCreator('Writer (Pelapor)');
  doc.setTitle('Kwitansi');
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Ni Luh Pelapor</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(deflateSync(Buffer.from(xmp)), { Type: 'Metadata', Subtype: 'XML', Filter: 'FlateDecode' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  const note = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [10, 10, 30, 30],
    T: PDFString.of('Ni Luh Pelapor'),
    Contents: PDFString.of('catatan'),
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** A one-page PDF that also carries one Flate stream of the given (compressed) bytes. */
export async function aPdfWithStream(compressed: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([300, 200]).drawText('Kwitansi');
  const stream = doc.context.stream(compressed, { Filter: 'FlateDecode' });
  doc.catalog.set(PDFName.of('PieceInfo'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
