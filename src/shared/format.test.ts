import { describe, expect, it } from 'vitest';
import { formatLongDate, formatLongDateTime, formatNumber } from './format.ts';

describe('one date and number style per language', () => {
  const d = new Date('2026-11-23T10:30:00Z');
  it('writes dates day-month-year in both languages, as e-mails and screens must agree', () => {
    expect(formatLongDate('en', d, 'Europe/Paris')).toBe('23 November 2026');
    expect(formatLongDate('fr', d, 'Europe/Paris')).toBe('23 novembre 2026');
    expect(formatLongDateTime('fr', d, 'Europe/Paris')).toBe('23 novembre 2026 à 11:30');
  });
  it('groups thousands and writes euros the French way', () => {
    expect(formatNumber('fr', 12500, { style: 'currency', currency: 'EUR' })).toBe('12\u202f500,00\u00a0€');
    expect(formatNumber('en', 12500, { style: 'currency', currency: 'EUR' })).toBe('€12,500.00');
  });
});
