/* The pricing is shared with the web (the proposal editor shows the same totals before saving). */
export * from '../../../../shared/proposal-pricing.ts';
