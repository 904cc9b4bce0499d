import type { TLocale } from '../../shared/contracts/common.ts';

/*
 * Documents read their labels from the web's i18n files (one source for what a person reads on a
 * screen and on paper). `{{name}}` placeholders are filled the way i18next fills them.
 */
export type TLabels = { [k: string]: string | TLabels };

export function labelsOf(byLocale: Record<TLocale, TLabels>, lang: TLocale) {
  const root = byLocale[lang];
  return (key: string, vars: Record<string, string | number> = {}): string => {
    let node: string | TLabels | undefined = root;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`Missing ${lang} label ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
  };
}
export type TLabel = ReturnType<typeof labelsOf>;
