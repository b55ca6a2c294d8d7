import { startPdf } from '../../common/pdf-document.js';
import QRCode from 'qrcode';

const mm = (value: number) => (value * 72) / 25.4;

/** Label sheets on A4: the common 40-up (48.5 × 25.4 mm) and 14-up (99.1 × 38.1 mm) layouts. */
export const LABEL_LAYOUTS = {
  small: { columns: 4, rows: 10, width: mm(48.5), height: mm(25.4), left: mm(8), top: mm(21.5), gap: mm(0) },
  large: { columns: 2, rows: 7, width: mm(99.1), height: mm(38.1), left: mm(4.7), top: mm(15.1), gap: mm(2.5) },
} as const;
export type LabelLayout = keyof typeof LABEL_LAYOUTS;

export interface Label {
  /** The product URL in the QR code: `<public URL>/q/<code>`. */
  url: string;
  title: string;
  subtitle: string;
}

/**
 * An A4 PDF of labels: each a QR code drawn as vector squares (sharp at any printer resolution)
 * beside the item name, its code or serial, and the URL in small print.
 */
export async function labelSheet(labels: readonly Label[], layoutName: LabelLayout): Promise<Buffer> {
  const layout = LABEL_LAYOUTS[layoutName];
  const { doc, done } = startPdf({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'Loadout labels', Producer: 'Loadout' } });
  const perPage = layout.columns * layout.rows;
  labels.forEach((label, index) => {
    if (index % perPage === 0) doc.addPage();
    const slot = index % perPage;
    const x = layout.left + (slot % layout.columns) * (layout.width + layout.gap);
    const y = layout.top + Math.floor(slot / layout.columns) * layout.height;
    const pad = mm(2);
    const side = layout.height - 2 * pad;
    const qr = QRCode.create(label.url, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    const cell = side / size;
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        if (qr.modules.get(row, column)) doc.rect(x + pad + column * cell, y + pad + row * cell, cell, cell);
      }
    }
    doc.fillColor('black').fill();
    const textX = x + pad * 2 + side;
    const textWidth = layout.width - side - pad * 3;
    const big = layoutName === 'large';
    doc.font('bold').fontSize(big ? 11 : 7).text(label.title, textX, y + pad, { width: textWidth, height: side * 0.55, ellipsis: true });
    doc.font('regular').fontSize(big ? 9 : 6).text(label.subtitle, textX, doc.y + 1, { width: textWidth, height: side * 0.25, ellipsis: true });
    doc.fontSize(big ? 6 : 4).fillColor('#444444').text(label.url, textX, y + layout.height - pad - (big ? 8 : 6), { width: textWidth, lineBreak: false, ellipsis: true });
    doc.fillColor('black');
  });
  if (labels.length === 0) doc.addPage();
  doc.end();
  return done;
}
