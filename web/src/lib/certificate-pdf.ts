import { api, ApiError } from '../api/client';

/**
 * Fetches an issued certificate's PDF (GET /v1/certificates/{id}/pdf) and saves it under `name`;
 * an ApiError when it is not there (status 0 when the service was not reached).
 */
export async function saveCertificatePdf(id: string, name: string): Promise<void> {
  try {
    const answer = await api.GET('/v1/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
    if (!answer.response.ok || !answer.data) throw new ApiError({ status: answer.response.status });
    saveAs(answer.data, name);
  } catch (e) {
    throw e instanceof ApiError ? e : new ApiError({ status: 0 });
  }
}

/** Saves a blob as a file: an object URL on a link that is clicked, then let go. */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
