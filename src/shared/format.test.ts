import { describe, expect, it } from 'vitest';
import { formatLongDate, formatLongDateTime, formatNumber } from './format.ts';

describe('one date and number style per language', () => {
  const d = new Date('2026-11-23T10:30:00Z');
  it('writes dates day-month-year in both languages, as e-mails and screens must agree', () => {
    expect(formatLongDate('en', d, 'Europe/Paris')).toBe('23 November 2026');
    expect(formatLongDate('fr', d, 'Europe/Paris')).toBe('23 novembre 2026');
    expect(formatLongDateTime('fr', d, 'Europe/Paris')).toBe('23 novembre 2026 à 11:30');
  });
  it('writes the first of the month as « 1er » in French', () => {
    expect(formatLongDate('fr', new Date('2027-12-01T12:00:00Z'), 'UTC')).toBe('1er décembre 2027');
    expect(formatLongDate('fr', new Date('2027-12-02T12:00:00Z'), 'UTC')).toBe('2 décembre 2027');
    expect(formatLongDate('en', new Date('2027-12-01T12:00:00Z'), 'UTC')).toBe('1 December 2027');
    expect(formatLongDateTime('fr', new Date('2027-12-01T09:05:00Z'), 'UTC')).toMatch(/^1er décembre 2027/);
  });

  it('groups thousands and writes euros the French way', () => {
    expect(formatNumber('fr', 12500, { style: 'currency', currency: 'EUR' })).toBe('12\u202f500,00\u00a0€');
    expect(formatNumber('en', 12500, { style: 'currency', currency: 'EUR' })).toBe('€12,500.00');
  });
});
