/** The server's answer to a logo upload or removal. */
export interface LogoResult {
  logoUrl: string | null;
}

/** Reads the error message of a REST answer in the GraphQL error shape. */
async function failure(response: Response): Promise<Error> {
  try {
    const body = (await response.json()) as { errors?: Array<{ message?: string }> };
    return new Error(body.errors?.[0]?.message ?? response.statusText);
  } catch {
    return new Error(response.statusText);
  }
}

/** Uploads (a file) or removes (null) the company logo; the server checks the size and the image type. */
export async function uploadCompanyLogo(file: File | null): Promise<LogoResult> {
  const response = await fetch('/api/settings/logo', {
    method: file ? 'PUT' : 'DELETE',
    credentials: 'same-origin',
    headers: file ? { 'content-type': file.type || 'application/octet-stream' } : {},
    body: file ?? undefined,
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as LogoResult;
}
