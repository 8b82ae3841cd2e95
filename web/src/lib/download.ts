// Saves a blob under a file name through a temporary link, as the browser's own download.
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// "clip-03-why-we-sleep.mp4": a name that sorts and says what the file is.
export function clipFilename(number: number, title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `clip-${String(number).padStart(2, "0")}${slug ? "-" + slug : ""}.mp4`;
}
