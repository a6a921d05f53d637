/**
 * Folds Vietnamese text for matching and keys: NFD, combining marks removed,
 * đ/Đ → d, lower case, punctuation to spaces, runs of spaces collapsed.
 * `Hoà Bình`, `Hòa Bình` and `hoa binh` all fold to `hoa binh`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
