import { describe, expect, it } from 'vitest';
import { pickLabels, type LabelCandidate } from '../../src/web/network/label-placement.ts';
import { shortenLabel } from '../../src/web/network/label-text.ts';

describe('shortenLabel', () => {
  it('keeps the end that tells names apart, and the first words that still fit', () => {
    expect(shortenLabel('Liên minh Hợp tác xã tỉnh Đắk Nông', 26)).toBe('Liên minh … tỉnh Đắk Nông');
    expect(shortenLabel('Liên minh Hợp tác xã tỉnh Đắk Lắk', 26)).toBe('Liên minh … tỉnh Đắk Lắk');
    expect(shortenLabel('Ban Chỉ đạo đổi mới, phát triển kinh tế tập thể, hợp tác xã tỉnh', 26)).toBe('Ban Chỉ đạo … tác xã tỉnh');
  });

  it('keeps a meeting’s place and day in brackets whole, the part that tells it from its namesakes', () => {
    const meeting = (place: string) => `Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 (${place}, 04/01/2024)`;
    expect(shortenLabel(meeting('Hòa Bình'), 28)).toBe('Hội … (Hòa Bình, 04/01/2024)');
    expect(shortenLabel(meeting('Phú Thọ'), 34)).toBe('Hội nghị … (Phú Thọ, 04/01/2024)');
    expect(shortenLabel(meeting('Đắk Nông'), 28)).not.toBe(shortenLabel(meeting('Đắk Lắk'), 28));
    // A bracket that leaves no room for a word is cut as words are.
    expect(shortenLabel('Bằng khen (Ủy ban nhân dân tỉnh Hòa Bình, 04/01/2024)', 20)).toBe('Bằng … 04/01/2024)');
  });

  it('keeps a name that fits as it is, with its spaces tidied', () => {
    expect(shortenLabel('Đinh Công Sứ', 26)).toBe('Đinh Công Sứ');
    expect(shortenLabel('  Sở   Kế hoạch và Đầu tư ', 26)).toBe('Sở Kế hoạch và Đầu tư');
  });

  it('never exceeds the room, even for one long word', () => {
    const names = ['Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024', 'Supercalifragilisticexpialidocious-and-more', 'a b c d e f g h i j k l m n o p q r s t u v w x y z'];
    for (const name of names) for (const room of [12, 20, 28]) expect(shortenLabel(name, room).length, `${name} in ${room}`).toBeLessThanOrEqual(room);
    expect(shortenLabel('Supercalifragilisticexpialidocious-and-more', 20)).toBe('…alidocious-and-more');
  });

  it('tells apart names that share their beginning', () => {
    const provinces = ['Đắk Nông', 'Đắk Lắk', 'Lâm Đồng', 'Gia Lai', 'Kon Tum'];
    const labels = provinces.map((province) => shortenLabel(`Liên minh Hợp tác xã tỉnh ${province}`, 24));
    expect(new Set(labels).size).toBe(provinces.length);
  });
});

describe('pickLabels (the density rule)', () => {
  const screen = { width: 400, height: 300 };
  const at = (id: string, x: number, y: number, width = 80): LabelCandidate => ({ id, x, y, radius: 5, width, height: 14 });

  it('keeps labels in the order given and drops those that would overlap one kept before on either side', () => {
    const kept = pickLabels([at('big', 100, 100), at('left', 20, 100, 10), at('beside', 110, 105), at('below', 100, 130), at('far', 300, 250)], screen, 10);
    expect(kept.map((box) => box.id)).toEqual(['big', 'left', 'below', 'far']);
  });

  it('puts a label on the left of its node where the right has no room: at the edge of the screen, or beside a label kept before', () => {
    const [edge] = pickLabels([at('edge', 380, 100)], screen, 10);
    expect(edge).toEqual({ id: 'edge', left: 292, right: 372, top: 93, bottom: 107 });
    const [, beside] = pickLabels([at('big', 100, 100), at('beside', 110, 105)], screen, 10);
    expect(beside).toEqual({ id: 'beside', left: 22, right: 102, top: 98, bottom: 112 });
  });

  it('keeps no two labels overlapping, and at most the number asked', () => {
    const crowd = Array.from({ length: 500 }, (_, i) => at(`n${i}`, (i * 37) % 400, (i * 53) % 300, 40 + (i % 5) * 10));
    const kept = pickLabels(crowd, screen, 60);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThanOrEqual(60);
    for (const [i, a] of kept.entries()) {
      for (const b of kept.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    }
  });

  it('leaves out labels off screen', () => {
    expect(pickLabels([at('left', -200, 50), at('below', 100, 400), at('in', 100, 100)], screen, 10).map((box) => box.id)).toEqual(['in']);
  });
});
