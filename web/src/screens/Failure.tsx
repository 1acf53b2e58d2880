import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** What went wrong with a call, in the user's language where we know it, else the service's words. */
export function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : { status: 0 };
  const text =
    problem.status === 0
      ? t('problem.network')
      : problem.status === 401
        ? t('problem.session')
        : problem.status === 403
          ? t('problem.forbidden')
          : problem.status === 412
            ? t('problem.stale')
            : t('problem.server', { detail: problem.detail ?? problem.title ?? String(problem.status) });
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
