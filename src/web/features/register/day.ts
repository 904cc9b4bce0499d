import { formatLongDate } from '../../../shared/format';

/** A 'YYYY-MM-DD' day as the visitor's language writes it, the same day whatever their time zone. */
export const formatDay = (locale: string, day: string | null | undefined) => (day ? formatLongDate(locale, new Date(`${day}T12:00:00Z`), 'UTC') : '');
