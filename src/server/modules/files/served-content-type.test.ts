import { describe, expect, it } from 'vitest';
import { servedContentType } from './served-content-type.ts';

describe('served content type of user files', () => {
  it('keeps passive types as declared', () => {
    for (const t of ['text/plain; charset=utf-8', 'application/pdf', 'image/png', 'text/csv', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'video/mp4'])
      expect(servedContentType(t)).toBe(t);
  });
  it('sends active or unknown types as opaque bytes, whatever their spelling', () => {
    for (const t of ['text/html', 'TEXT/HTML; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript', 'application/x-shockwave-flash', 'text/xsl', 'multipart/x-mixed-replace', 'application/x-made-up', ''])
      expect(servedContentType(t), t).toBe('application/octet-stream');
  });
});
