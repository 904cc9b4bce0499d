import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useMemo } from 'react';
import { z } from 'zod';
import { fieldIssueOf } from '../../shared/contracts/errors';
import { fieldMessage, serverFieldErrors } from './errors';

// Zod words its issues in English; a form's own checks are worded from the i18n files instead,
// with the same words as the server's field errors.
z.config({ customError: (iss) => fieldMessage(fieldIssueOf(iss)) });

export type TInputLimits = { maxLength?: number; required?: boolean; type?: 'email' };

/** The HTML constraints a field's contract implies, so the browser refuses a 5,000-character name first. */
export function inputLimits(schema: z.core.$ZodType | undefined): TInputLimits {
  let inner = schema;
  let optional = false;
  while (inner && ['optional', 'default', 'nullable', 'prefault'].includes(inner._zod.def.type)) {
    optional = true;
    inner = (inner._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  if (!(inner instanceof z.ZodString)) return {};
  return {
    ...(inner.maxLength !== null ? { maxLength: inner.maxLength } : {}),
    required: !optional && (inner.minLength ?? 0) > 0,
    ...(inner.format === 'email' ? { type: 'email' as const } : {}),
  };
}

type TObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * A Mantine form validated by a shared contract: its checks run the contract's schema, and each
 * input receives the field's limits (`maxLength`, `required`, `type=email`) from the same schema.
 */
export function useContractForm<V extends Record<string, unknown>>(schema: TObjectSchema, initialValues: V) {
  return useForm<V>({
    initialValues,
    validate: zod4Resolver(schema),
    enhanceGetInputProps: ({ field }) => inputLimits(schema.shape[field as string]),
  });
}

type TFormLike = { getValues(): Record<string, unknown>; setErrors(errors: Record<string, string>): void };

/**
 * Puts the server's field errors of `error` on the form's fields, translated (`rename` maps a
 * body field to the form's name for it). Returns the error still to show above the form: null
 * when every part of it landed on a field.
 */
export function useServerErrors(form: TFormLike, error: unknown, rename: Record<string, string> = {}): unknown {
  const { placed, leftover } = useMemo(() => {
    const all = serverFieldErrors(error);
    const fields = Object.keys(form.getValues());
    const mine: Record<string, string> = {};
    for (const [field, message] of Object.entries(all)) {
      const name = rename[field] ?? field;
      if (fields.includes(name)) mine[name] = message;
    }
    const count = Object.keys(mine).length;
    return { placed: mine, leftover: count > 0 && count === Object.keys(all).length ? null : error };
  }, [error]);
  useEffect(() => {
    if (Object.keys(placed).length) form.setErrors(placed);
  }, [placed]);
  return error ? leftover : null;
}
