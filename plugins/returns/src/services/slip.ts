import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** What a return slip shows. */
export interface SlipData {
  reference: string;
  sendBackBy: string | null;
  /** One line per item: model name and serial. */
  items: string[];
  /** The moment written into the PDF's metadata (the server clock), so equal input gives equal output. */
  at: Date;
}

/**
 * The printable return slip: the return reference in large type and as a QR code (scanned at the
 * warehouse to find the return), the send-back date and the items. A4 PDF made with pdfkit.
 */
export async function returnSlipPdf(data: SlipData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Return slip ${data.reference}`, CreationDate: data.at, ModDate: data.at },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(22).text('Return slip', { align: 'left' });
  doc.moveDown(0.5).fontSize(36).text(data.reference);
  if (data.sendBackBy) doc.moveDown(0.5).fontSize(12).text(`Send back by ${data.sendBackBy}`);
  doc.moveDown().fontSize(12).text('Items:');
  for (const item of data.items) doc.text(`• ${item}`);
  doc.moveDown().text('Put this slip in the parcel and write the reference on the outside.');
  const qr = QRCode.create(data.reference, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = 4;
  const x0 = doc.page.width - 56 - size * cell;
  const y0 = 56;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) doc.rect(x0 + x * cell, y0 + y * cell, cell, cell);
  }
  doc.fill('black');
  doc.end();
  return done;
}
