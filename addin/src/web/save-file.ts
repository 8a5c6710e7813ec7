/** Hands bytes to the browser as a download under `fileName` (the browser's own save flow, nothing uploaded). */
export function saveFile(bytes: Uint8Array, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  // A copy into a plain ArrayBuffer: Blob takes no SharedArrayBuffer-backed views.
  const blob = new Blob([bytes.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `邀约明细.xlsx` → `邀约明细-修正.xlsx`. */
export function fixedFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}-修正.xlsx`;
}
