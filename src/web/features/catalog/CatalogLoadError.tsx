import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { isApiError } from '../../lib/api';

/** 404 (unknown framework or ref) shows the standard not-found page; anything else the error. */
export function CatalogLoadError({ error }: { error: unknown }) {
  return isApiError(error, 404) ? <NotFoundPage /> : <ErrorAlert error={error} />;
}
