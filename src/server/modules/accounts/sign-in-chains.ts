/*
 * Which audit chain a sign-in event joins. Sign-ins, failed sign-ins and sign-outs used to chain
 * through the single platform head row, so every unauthenticated request queued on one row lock
 * (the login bench on PostgreSQL saw a backend waiting on it in 59% of samples). They now chain
 * per user: the chain's id is the user's id, so a user's sign-in history is one chain, verified
 * like any tenant's (`attest audit verify --tenant <userId>`) and anchored by the hourly signed
 * checkpoints, which cover every chain head. A failed sign-in for an address with no account
 * chains per day (UTC), in a chain whose id spells the date.
 */
export const signInChainOf = (userId: string) => userId;

export const unknownAccountChainOf = (at: Date) => `00000000-0000-4000-8000-0000${at.toISOString().slice(0, 10).replace(/-/g, '')}`;
