const LAST_TENANT_KEY = 'attest.lastTenantId';

export function readLastTenantId(): string | null {
  try {
    return localStorage.getItem(LAST_TENANT_KEY);
  } catch {
    return null;
  }
}

export function rememberTenantId(tenantId: string): void {
  try {
    localStorage.setItem(LAST_TENANT_KEY, tenantId);
  } catch {
    return;
  }
}
