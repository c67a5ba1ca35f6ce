/** A CSV file chosen from the computer, as text. */
export interface PickedCsv {
  name: string;
  text: string;
}

function readText(file: Blob, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, encoding);
  });
}

/**
 * The text of a CSV file, whichever way it was saved: Excel and WPS on a Chinese Windows save 「CSV」 in GBK (GB18030
 * reads it), 「CSV UTF-8」 with a byte-order mark. A file that is not valid UTF-8 is read again as GB18030.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const utf8 = await readText(file, 'utf-8');
  const text = utf8.includes('\uFFFD') ? await readText(file, 'gb18030') : utf8;
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Opens the browser's file chooser for a CSV (H5 only; WeChat has no file chooser for a computer's files). `onPicked`
 * hears the chosen file's name and text; nothing is heard when the chooser is closed without a choice.
 */
export function pickCsvFile(onPicked: (picked: PickedCsv) => void, onFailed: (reason: unknown) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.csv,text/csv';
  input.className = 'csv-file-picker';
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    readCsvFile(file).then((text) => onPicked({ name: file.name, text }), onFailed);
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.appendChild(input);
  input.click();
}
