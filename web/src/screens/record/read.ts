import { api, ApiError } from '../../api/client';
import { isProblem } from '../../lib/problem';
import type { Read } from './Correction';

/** A record and the ETag it was read with (GET /v1/records/{id}): a correction sends it back as If-Match. */
export async function readRecord(id: string): Promise<Read> {
  const get = () => api.GET('/v1/records/{id}', { params: { path: { id } } });
  let answer: Awaited<ReturnType<typeof get>>;
  try {
    answer = await get();
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!answer.data || !answer.response.ok)
    throw new ApiError(isProblem(answer.error) ? answer.error : { status: answer.response.status });
  return { record: answer.data, etag: answer.response.headers.get('ETag') ?? `"${answer.data.version}"` };
}
